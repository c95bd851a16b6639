package org.o2c.banking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams SWIFT MT940 statements (several per file, with or without the {@code {1:…}{4:} block
 * envelope) with the German DK structure of field {@code :86:} (GVC, {@code ?00}–{@code ?63}
 * sub-fields and the SEPA identifiers {@code EREF+}, {@code KREF+}, {@code MREF+}, {@code SVWZ+},
 * {@code ABWA+} …). A {@code :86:} without that structure is kept whole as the remittance text.
 */
final class Mt940Reader {
    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    private static final Pattern LINE_61 = Pattern.compile(
            "^(\\d{6})(\\d{4}|\\s{4})?(RC|RD|C|D)([A-Z])?(\\d{1,15}(?:,\\d{0,2})?)([NSF][A-Z0-9]{3})?(.*)$");
    private static final Pattern SUBFIELD = Pattern.compile("\\?(\\d{2})");
    private static final Pattern SEPA_ID = Pattern.compile(
            "(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC|PURP)\\+");

    private final LineSink sink;
    private final String file;

    private String account;
    private Currency currency;
    private Pending pending;
    private int transactions;
    private boolean sawStatement;

    private record Pending(int line, LocalDate value, LocalDate booking, CreditDebit direction, boolean reversal,
            java.math.BigDecimal amount, String type, String customerRef, String bankRef) {}

    private Mt940Reader(String file, LineSink sink) {
        this.file = file;
        this.sink = sink;
    }

    static void read(Reader in, String file, LineSink sink) {
        new Mt940Reader(file, sink).run(in);
    }

    private void run(Reader in) {
        BufferedReader r = new BufferedReader(in, 64 * 1024);
        String tag = null;
        int tagLine = 0;
        List<String> content = new ArrayList<>();
        int lineNo = 0;
        try {
            String raw;
            while ((raw = r.readLine()) != null) {
                lineNo++;
                String line = stripEnvelope(raw);
                if (line.length() > 2000) {
                    throw new UnreadableStatement(where(lineNo), "the line is too long for MT940");
                }
                if (line.isBlank() && tag == null) {
                    continue;
                }
                if (line.equals("-") || line.equals("-}") || line.startsWith("-}")) {
                    if (tag != null) {
                        field(tag, content, tagLine);
                    }
                    tag = null;
                    content.clear();
                    flush();
                    continue;
                }
                Matcher m = TAG.matcher(line);
                if (m.matches()) {
                    if (tag != null) {
                        field(tag, content, tagLine);
                    }
                    tag = m.group(1);
                    tagLine = lineNo;
                    content.clear();
                    content.add(m.group(2));
                } else if (tag != null) {
                    if (content.size() > 200) {
                        throw new UnreadableStatement(where(lineNo), "field :" + tag + ": runs on for too many lines");
                    }
                    content.add(line);
                }
                // Lines before the first field (bank headers such as "ABNANL2A" or ":940:") carry nothing to book.
            }
            if (tag != null) {
                field(tag, content, tagLine);
            }
            flush();
        } catch (IOException e) {
            throw new UnreadableStatement(where(lineNo), "the file cannot be read: " + e.getMessage(), e);
        }
        if (!sawStatement) {
            throw new UnreadableStatement(file == null ? "file" : file,
                    "this is not an MT940 statement: no statement starts with a :20: field");
        }
    }

    /** Drops SWIFT block headers such as {@code {1:F01…}{2:…}{4:} in front of the first field. */
    private static String stripEnvelope(String raw) {
        String line = raw.replace("\u0000", "");
        if (line.startsWith("{")) {
            int i = line.indexOf("{4:");
            return i >= 0 ? line.substring(i + 3) : "";
        }
        return line;
    }

    private void field(String tag, List<String> content, int line) {
        switch (tag) {
            case "20" -> {
                flush();
                sawStatement = true;
                sink.statementStarts();
            }
            case "25" -> account = Kinds.blankToNull(String.join("", content));
            case "60F", "60M", "34F" -> {
                String v = content.get(0).strip();
                String code = tag.equals("34F") ? (v.length() >= 3 ? v.substring(0, 3) : "")
                        : (v.length() >= 10 ? v.substring(7, 10) : "");
                currency = Kinds.currency(where(line), code);
            }
            case "61" -> {
                flush();
                pending = parse61(content, line);
            }
            case "86" -> {
                if (pending != null) {
                    emit(pending, content);
                    pending = null;
                }
            }
            case "62F", "62M", "64", "65" -> flush();
            default -> { }
        }
    }

    private void flush() {
        if (pending != null) {
            emit(pending, List.of());
            pending = null;
        }
    }

    private Pending parse61(List<String> content, int line) {
        String first = content.get(0).strip();
        Matcher m = LINE_61.matcher(first);
        if (!m.matches()) {
            throw new UnreadableStatement(where(line), "the :61: statement line \"" + Kinds.cut(first, 60)
                    + "\" does not have the form value date, credit/debit mark, amount, type");
        }
        if (currency == null) {
            throw new UnreadableStatement(where(line),
                    "no opening balance (:60F:) before this transaction, so its currency is unknown");
        }
        LocalDate value = yymmdd(m.group(1), line);
        LocalDate booking = value;
        if (m.group(2) != null && !m.group(2).isBlank()) {
            int month = Integer.parseInt(m.group(2).substring(0, 2));
            int day = Integer.parseInt(m.group(2).substring(2, 4));
            int year = value.getYear();
            if (month - value.getMonthValue() > 6) {
                year--;
            } else if (value.getMonthValue() - month > 6) {
                year++;
            }
            booking = date(year, month, day, line);
        }
        String mark = m.group(3);
        CreditDebit direction = mark.endsWith("C") == !mark.startsWith("R") ? CreditDebit.CRDT : CreditDebit.DBIT;
        var amount = Kinds.amount(where(line), m.group(5), currency, true);
        String rest = m.group(7);
        String customerRef = rest;
        String bankRef = null;
        int slash = rest.indexOf("//");
        if (slash >= 0) {
            customerRef = rest.substring(0, slash);
            bankRef = Kinds.blankToNull(rest.substring(slash + 2));
        }
        customerRef = Kinds.blankToNull(customerRef);
        if (customerRef != null && customerRef.equalsIgnoreCase("NONREF")) {
            customerRef = null;
        }
        if (bankRef != null && bankRef.equalsIgnoreCase("NONREF")) {
            bankRef = null;
        }
        return new Pending(line, value, booking, direction, mark.startsWith("R"), amount, m.group(6), customerRef,
                bankRef);
    }

    private void emit(Pending p, List<String> details) {
        String gvc = null;
        Map<String, String> sub = new LinkedHashMap<>();
        String whole = String.join(" ", details).strip();
        if (!details.isEmpty() && details.get(0).matches("^\\d{3}\\s*\\?.*")) {
            // DK: sub-fields and words wrap across the 65-character lines, so the lines join without a gap.
            String joined = String.join("", details);
            gvc = joined.substring(0, 3);
            Matcher m = SUBFIELD.matcher(joined);
            int start = -1;
            String key = null;
            while (m.find()) {
                if (key != null) {
                    put(sub, key, joined.substring(start, m.start()));
                }
                key = m.group(1);
                start = m.end();
            }
            if (key != null) {
                put(sub, key, joined.substring(start));
            }
        }
        String name = null;
        String iban = null;
        String bic = null;
        String remittance;
        String e2e = null;
        String mandate = null;
        String ultimate = null;
        String bookingText = null;
        String returnReason = null;
        if (gvc != null) {
            bookingText = Kinds.blankToNull(sub.get("00"));
            bic = Kinds.blankToNull(sub.get("30"));
            iban = Kinds.blankToNull(sub.get("31"));
            name = joinParts(List.of(nz(sub.get("32")), nz(sub.get("33"))));
            List<String> purpose = new ArrayList<>();
            for (String k : List.of("20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "60", "61", "62", "63")) {
                if (sub.containsKey(k)) {
                    purpose.add(sub.get(k));
                }
            }
            String text = joinParts(purpose);
            Map<String, String> ids = sepaIdentifiers(text == null ? "" : text);
            if (ids.isEmpty()) {
                remittance = text;
            } else {
                remittance = ids.containsKey("SVWZ") ? ids.get("SVWZ") : ids.get("");
                e2e = ids.get("EREF");
                mandate = ids.get("MREF");
                ultimate = ids.get("ABWA") != null ? ids.get("ABWA") : ids.get("ABWE");
                if (iban == null) {
                    iban = ids.get("IBAN");
                }
            }
            if (e2e != null && e2e.equalsIgnoreCase("NOTPROVIDED")) {
                e2e = null;
            }
            if (ReturnReasons.isReturn(gvc, bookingText)) {
                // The GVC stays the transaction code; the reason is the ISO code the bank wrote, if any.
                returnReason = ReturnReasons.iso(sub.get("34"), text, bookingText);
            }
        } else {
            remittance = Kinds.blankToNull(whole);
        }
        String codes = (p.type() == null ? "" : p.type()) + (gvc == null ? "" : "/" + gvc);
        TransactionKind kind = Kinds.classify(p.direction(), p.reversal(), returnReason, codes, name,
                (remittance == null ? "" : remittance) + " " + (bookingText == null ? "" : bookingText));
        transactions++;
        sink.accept(new ParsedLine(Kinds.cut(account, 64), p.booking(), p.value(), p.amount(), currency,
                p.direction(), kind, Kinds.cut(name, 200), Kinds.cut(iban, 64), Kinds.cut(bic, 16),
                Kinds.cut(remittance, 1000), Kinds.cut(e2e, 100), Kinds.cut(mandate, 100),
                Kinds.cut(p.bankRef(), 100), null, Kinds.cut(ultimate, 200), p.reversal(), Kinds.cut(returnReason, 35),
                Kinds.cut(codes.isEmpty() ? null : codes, 100), Kinds.cut(bookingText, 500)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void put(Map<String, String> sub, String key, String value) {
        sub.merge(key, value, String::concat);
    }

    /** Parts are cut at 27 characters by the bank: a full part continues in the next without a gap. */
    private static String joinParts(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        int previous = 27;
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty() && previous < 27) {
                sb.append(' ');
            }
            sb.append(p);
            previous = p.length();
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }

    static Map<String, String> sepaIdentifiers(String text) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = SEPA_ID.matcher(text);
        String key = null;
        int start = 0;
        while (m.find()) {
            String before = text.substring(start, m.start()).strip();
            if (key == null) {
                if (!before.isEmpty()) {
                    ids.put("", before);
                }
            } else {
                ids.merge(key, before, (a, b) -> a + " " + b);
            }
            key = m.group(1);
            start = m.end();
        }
        if (key != null) {
            ids.merge(key, text.substring(start).strip(), (a, b) -> a + " " + b);
        }
        ids.replaceAll((k, v) -> v.strip());
        ids.values().removeIf(String::isEmpty);
        return ids;
    }

    private LocalDate yymmdd(String s, int line) {
        int yy = Integer.parseInt(s.substring(0, 2));
        return date(yy < 80 ? 2000 + yy : 1900 + yy, Integer.parseInt(s.substring(2, 4)),
                Integer.parseInt(s.substring(4, 6)), line);
    }

    private LocalDate date(int year, int month, int day, int line) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new UnreadableStatement(where(line), "the date " + year + "-" + month + "-" + day + " does not exist");
        }
        // Some banks book interest on 30 February; the last day of the month is what they mean.
        return YearMonth.of(year, month).atDay(Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
    }

    private String where(int line) {
        return (file == null ? "" : file + ", ") + "line " + line;
    }
}
