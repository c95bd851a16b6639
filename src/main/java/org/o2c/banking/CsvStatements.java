package org.o2c.banking;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files: PayPal activity downloads (German or English headers, mapped by name), Stripe itemized
 * payout reconciliation reports, and any bank's CSV export read through the shop's saved mapping.
 * A PSP row becomes its payment, refund or chargeback line plus a separate fee line, so a payout that
 * reaches the bank splits into the orders it pays.
 */
final class CsvStatements {
    private static final List<String> DATE_PATTERNS = List.of("dd.MM.uuuu", "dd.MM.uu", "uuuu-MM-dd", "dd/MM/uuuu",
            "d.M.uuuu");

    private CsvStatements() {}

    static StatementFormat read(Path file, Charset charset, CsvMapping mapping, LineSink sink) throws IOException {
        String headerLine;
        try (var r = Files.newBufferedReader(file, charset)) {
            headerLine = r.readLine();
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = r.readLine();
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UnreadableStatement("line 1", "the file is not valid " + charset.name());
        }
        if (headerLine == null) {
            throw new UnreadableStatement("line 1", "the CSV file has no header line");
        }
        headerLine = headerLine.replace("\uFEFF", "");
        char separator = mapping != null && mapping.separator() != null ? mapping.separator() : separator(headerLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                        org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).setTrim(true).get();
        try (Reader in = new BomSkipping(Files.newBufferedReader(file, charset)); CSVParser csv = format.parse(in)) {
            Map<String, Integer> headers = new HashMap<>();
            List<String> names = csv.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                headers.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            if (headers.containsKey("transaktionscode") || headers.containsKey("transaction id")) {
                if (headers.containsKey("brutto") || headers.containsKey("gross")) {
                    paypal(csv, headers, headers.containsKey("brutto"), sink);
                    return StatementFormat.PAYPAL;
                }
            }
            if (headers.containsKey("balance_transaction_id") && headers.containsKey("reporting_category")) {
                stripe(csv, headers, sink);
                return StatementFormat.STRIPE;
            }
            if (mapping == null) {
                throw new UnreadableStatement("line 1", "this CSV is neither a PayPal nor a Stripe report and the "
                        + "shop has no CSV column mapping saved (PUT /api/v1/bank-statements/csv-mapping)");
            }
            mapped(csv, headers, mapping, sink);
            return StatementFormat.CSV;
        } catch (UncheckedIOException e) {
            throw new UnreadableStatement("file", "the CSV cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableStatement("file", "the CSV is malformed: " + e.getMessage(), e);
        }
    }

    private static char separator(String header) {
        int semi = count(header, ';');
        int comma = count(header, ',');
        int tab = count(header, '\t');
        if (tab > semi && tab > comma) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String get(CSVRecord rec, Map<String, Integer> headers, String... names) {
        for (String n : names) {
            Integer i = headers.get(n.toLowerCase(Locale.ROOT));
            if (i != null && i < rec.size()) {
                String v = rec.get(i);
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        }
        return null;
    }

    // ---- PayPal activity download ----

    private static void paypal(CSVParser csv, Map<String, Integer> h, boolean german, LineSink sink) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(german ? "dd.MM.uuuu" : "MM/dd/uuuu")
                .withResolverStyle(ResolverStyle.STRICT);
        for (CSVRecord rec : csv) {
            String where = "line " + csv.getCurrentLineNumber();
            String status = get(rec, h, "Status");
            String impact = get(rec, h, "Auswirkung auf Guthaben", "Balance Impact");
            if (impact != null && impact.equalsIgnoreCase("Memo")) {
                continue; // memo rows do not move money
            }
            if (status != null && !status.matches("(?i)abgeschlossen|completed|erledigt")) {
                continue; // pending or denied: nothing was booked yet
            }
            Currency currency = Kinds.currency(where, get(rec, h, "Währung", "Currency"));
            BigDecimal gross = signed(where, get(rec, h, "Brutto", "Gross"), german, currency);
            BigDecimal fee = signed(where, get(rec, h, "Gebühr", "Fee"), german, currency);
            String dateText = get(rec, h, "Datum", "Date");
            LocalDate date = date(where, dateText, dates);
            CreditDebit dir = impact != null && impact.matches("(?i)soll|debit") ? CreditDebit.DBIT
                    : impact != null && impact.matches("(?i)haben|credit") ? CreditDebit.CRDT
                    : gross.signum() < 0 ? CreditDebit.DBIT : CreditDebit.CRDT;
            String type = get(rec, h, "Typ", "Type");
            TransactionKind kind = paypalKind(type, dir);
            String id = get(rec, h, "Transaktionscode", "Transaction ID");
            String name = get(rec, h, "Name");
            String remittance = joinNonBlank(get(rec, h, "Rechnungsnummer", "Invoice Number"),
                    get(rec, h, "Zollnummer", "Custom Number"), get(rec, h, "Artikelbezeichnung", "Item Title"),
                    get(rec, h, "Betreff", "Subject"), get(rec, h, "Hinweis", "Note"));
            String related = get(rec, h, "Zugehöriger Transaktionscode", "Reference Txn ID");
            sink.accept(new ParsedLine("PayPal", date, date, gross.abs(), currency, dir, kind, Kinds.cut(name, 200),
                    null, null, Kinds.cut(remittance, 1000), null, null, Kinds.cut(id, 100), null, null,
                    false, null, Kinds.cut(type, 100), Kinds.cut(related == null || related.equals(id) ? type
                            : type + " (" + related + ")", 500)));
            if (fee.signum() != 0) {
                sink.accept(new ParsedLine("PayPal", date, date, fee.abs(), currency,
                        CreditDebit.DBIT, TransactionKind.FEE, "PayPal", null, null,
                        Kinds.cut(remittance, 1000), null, null, Kinds.cut(id == null ? null : id + "/fee", 100), null,
                        null, false, null, Kinds.cut(type, 100), german ? "Gebühr" : "Fee"));
            }
        }
    }

    private static TransactionKind paypalKind(String type, CreditDebit dir) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("rückbuchung") || t.contains("chargeback") || t.contains("reversal") || t.contains("dispute")
                || t.contains("konflikt")) {
            return TransactionKind.CHARGEBACK;
        }
        if (t.contains("rückzahlung") || t.contains("erstattung") || t.contains("refund")) {
            return TransactionKind.REFUND;
        }
        if (t.contains("abbuchung") || t.contains("withdrawal") || t.contains("auszahlung")) {
            return TransactionKind.PAYOUT;
        }
        if (t.contains("gebühr") || t.contains("fee")) {
            return TransactionKind.FEE;
        }
        if (t.contains("umrechnung") || t.contains("conversion") || t.contains("deposit") || t.contains("einzahlung")
                || t.contains("einbehalt") || t.contains("hold")) {
            return TransactionKind.OTHER;
        }
        return dir == CreditDebit.CRDT ? TransactionKind.PAYMENT : TransactionKind.OTHER;
    }

    // ---- Stripe itemized payout reconciliation ----

    private static void stripe(CSVParser csv, Map<String, Integer> h, LineSink sink) {
        List<String> metadata = new ArrayList<>();
        for (String name : h.keySet()) {
            if (name.startsWith("payment_metadata[") || name.startsWith("refund_metadata[")) {
                metadata.add(name);
            }
        }
        java.util.Collections.sort(metadata);
        for (CSVRecord rec : csv) {
            String where = "line " + csv.getCurrentLineNumber();
            Currency currency = Kinds.currency(where, upper(get(rec, h, "currency")));
            BigDecimal gross = signed(where, get(rec, h, "gross"), false, currency);
            BigDecimal fee = signed(where, get(rec, h, "fee"), false, currency);
            String created = get(rec, h, "created", "created_utc", "available_on");
            LocalDate date = created == null ? null : date(where, created.length() >= 10 ? created.substring(0, 10)
                    : created, DateTimeFormatter.ISO_LOCAL_DATE);
            if (date == null) {
                throw new UnreadableStatement(where, "the row has no date (created)");
            }
            String category = get(rec, h, "reporting_category");
            TransactionKind kind = switch (category == null ? "" : category) {
                case "charge", "payment" -> TransactionKind.PAYMENT;
                case "refund", "refund_failure", "partial_capture_reversal" -> TransactionKind.REFUND;
                case "dispute", "dispute_reversal" -> TransactionKind.CHARGEBACK;
                case "fee", "stripe_fee", "network_cost", "tax" -> TransactionKind.FEE;
                case "payout", "payout_reversal" -> TransactionKind.PAYOUT;
                default -> TransactionKind.OTHER;
            };
            CreditDebit dir = gross.signum() < 0 ? CreditDebit.DBIT : CreditDebit.CRDT;
            List<String> text = new ArrayList<>();
            text.add(get(rec, h, "invoice_number"));
            for (String m : metadata) {
                text.add(get(rec, h, m));
            }
            text.add(get(rec, h, "description"));
            String remittance = joinNonBlank(text.toArray(String[]::new));
            String id = get(rec, h, "balance_transaction_id");
            String payout = get(rec, h, "automatic_payout_id");
            String name = get(rec, h, "customer_name", "customer_email");
            sink.accept(new ParsedLine("Stripe", date, date, gross.abs(), currency, dir, kind, Kinds.cut(name, 200),
                    null, null, Kinds.cut(remittance, 1000), Kinds.cut(get(rec, h, "payment_intent_id", "charge_id"), 100),
                    null, Kinds.cut(id, 100), null, null, false, null, Kinds.cut(category, 100),
                    Kinds.cut(payout == null ? category : category + " in payout " + payout, 500)));
            if (fee.signum() != 0 && kind != TransactionKind.FEE) {
                sink.accept(new ParsedLine("Stripe", date, date, fee.abs(), currency,
                        fee.signum() > 0 ? CreditDebit.DBIT : CreditDebit.CRDT, TransactionKind.FEE, "Stripe", null,
                        null, Kinds.cut(remittance, 1000), null, null, Kinds.cut(id == null ? null : id + "/fee", 100),
                        null, null, false, null, "fee", Kinds.cut(payout == null ? "fee" : "fee in payout " + payout, 500)));
            }
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    // ---- a bank's CSV through the saved mapping ----

    private static void mapped(CSVParser csv, Map<String, Integer> h, CsvMapping m, LineSink sink) {
        Map<String, String> cols = m.columns();
        for (var e : cols.entrySet()) {
            if (e.getValue() != null && !h.containsKey(e.getValue().strip().toLowerCase(Locale.ROOT))) {
                throw new UnreadableStatement("line 1", "the saved mapping names the column \"" + e.getValue()
                        + "\" for " + e.getKey() + ", but the file has no such column");
            }
        }
        boolean comma = m.decimalComma() == null || m.decimalComma();
        List<DateTimeFormatter> formats = new ArrayList<>();
        for (String p : m.dateFormat() != null ? List.of(m.dateFormat()) : DATE_PATTERNS) {
            formats.add(DateTimeFormatter.ofPattern(p.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT));
        }
        for (CSVRecord rec : csv) {
            String where = "line " + csv.getCurrentLineNumber();
            String ccyText = col(rec, h, cols, "currency");
            Currency currency = Kinds.currency(where, ccyText != null ? ccyText : m.currency() != null ? m.currency() : "EUR");
            BigDecimal amount = signed(where, col(rec, h, cols, "amount"), comma, currency);
            CreditDebit dir = amount.signum() < 0 ? CreditDebit.DBIT : CreditDebit.CRDT;
            String cd = col(rec, h, cols, "creditDebit");
            if (cd != null) {
                String c = cd.toUpperCase(Locale.ROOT);
                if (c.startsWith("S") || c.startsWith("D") || c.equals("-")) {
                    dir = CreditDebit.DBIT;
                } else if (c.startsWith("H") || c.startsWith("C") || c.equals("+")) {
                    dir = CreditDebit.CRDT;
                }
            }
            LocalDate booking = anyDate(where, col(rec, h, cols, "bookingDate"), formats);
            String valueText = col(rec, h, cols, "valueDate");
            LocalDate value = valueText == null ? null : anyDate(where, valueText, formats);
            String name = col(rec, h, cols, "counterpartyName");
            String remittance = col(rec, h, cols, "remittanceInfo");
            String bookingText = col(rec, h, cols, "bookingText");
            String e2e = col(rec, h, cols, "endToEndId");
            if (e2e != null && e2e.equalsIgnoreCase("NOTPROVIDED")) {
                e2e = null;
            }
            TransactionKind kind = Kinds.classify(dir, false, null, null, name,
                    (remittance == null ? "" : remittance) + " " + (bookingText == null ? "" : bookingText));
            sink.accept(new ParsedLine(null, booking, value, amount.abs(), currency, dir, kind, Kinds.cut(name, 200),
                    Kinds.cut(col(rec, h, cols, "counterpartyIban"), 64), Kinds.cut(col(rec, h, cols, "counterpartyBic"), 16),
                    Kinds.cut(remittance, 1000), Kinds.cut(e2e, 100), Kinds.cut(col(rec, h, cols, "mandateReference"), 100),
                    Kinds.cut(col(rec, h, cols, "bankReference"), 100), null, null, false, null, null,
                    Kinds.cut(bookingText, 500)));
        }
    }

    private static String col(CSVRecord rec, Map<String, Integer> h, Map<String, String> cols, String field) {
        String header = cols.get(field);
        return header == null ? null : get(rec, h, header.strip());
    }

    private static LocalDate anyDate(String where, String text, List<DateTimeFormatter> formats) {
        if (text == null) {
            throw new UnreadableStatement(where, "the booking date is missing");
        }
        for (DateTimeFormatter f : formats) {
            try {
                return LocalDate.parse(text.strip(), f);
            } catch (DateTimeParseException ignored) {
                // try the next pattern
            }
        }
        throw new UnreadableStatement(where, "\"" + text + "\" is not a date in a known format");
    }

    private static LocalDate date(String where, String text, DateTimeFormatter f) {
        if (text == null) {
            throw new UnreadableStatement(where, "the date is missing");
        }
        try {
            return LocalDate.parse(text.strip(), f);
        } catch (DateTimeParseException e) {
            throw new UnreadableStatement(where, "\"" + text + "\" is not a date");
        }
    }

    /** A signed amount as CSV exports write it: German -1.234,56 or English -1,234.56 (decimal comma or point). */
    static BigDecimal signed(String where, String text, boolean decimalComma, Currency currency) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO.setScale(2);
        }
        String t = text.strip().replace(" ", "").replace("\u00a0", "");
        boolean negative = t.startsWith("-") || (t.startsWith("(") && t.endsWith(")")) || t.endsWith("-");
        t = t.replace("-", "").replace("+", "").replace("(", "").replace(")", "");
        if (!decimalComma) {
            t = t.replace(",", "");
        }
        BigDecimal v = Kinds.amount(where, t, currency, decimalComma);
        return negative ? v.negate() : v;
    }

    private static String joinNonBlank(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(p.strip());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** Drops a UTF-8 byte order mark, which PayPal puts in front of the first header. */
    private static final class BomSkipping extends java.io.FilterReader {
        private boolean first = true;

        BomSkipping(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (first && n > 0) {
                first = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    return n - 1 == 0 ? read(buf, off, len) : n - 1;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    return super.read();
                }
            }
            return c;
        }
    }
}
