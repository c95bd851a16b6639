package org.o2c.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unpaid invoices from the shop's previous system as open items (the contract's CSV). The whole file is
 * checked before anything is stored: one bad line refuses it, naming every bad line. Numbers already
 * known are skipped, so the same file twice imports nothing twice.
 */
@Component
class OpenItemsImport {
    static final List<String> COLUMNS = List.of("invoiceNumber", "invoiceDate", "dueDate", "customerNumber",
            "customerName", "customerIban", "gross", "currency");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private final Receivables receivables;
    private final AuditLog audit;

    OpenItemsImport(Receivables receivables, AuditLog audit) {
        this.receivables = receivables;
        this.audit = audit;
    }

    private record Row(int line, OpenItem item, String iban) {}

    @Transactional
    int load(ShopId shop, String csv) {
        List<Row> rows = parse(csv);
        // The first line of a number counts; a number twice in the file, or known from before, is skipped.
        Map<String, Row> byNumber = new LinkedHashMap<>();
        for (Row row : rows) {
            byNumber.putIfAbsent(row.item().number(), row);
        }
        List<String> opened = receivables.openAll(shop, byNumber.values().stream().map(Row::item).toList());
        Set<Receivables.Payer> payers = new LinkedHashSet<>();
        for (String number : opened) {
            Row row = byNumber.get(number);
            if (row.iban() != null) {
                payers.add(new Receivables.Payer(row.iban(), row.item().customerNumber()));
            }
        }
        receivables.rememberPayers(shop, payers, "open-items import");
        int imported = opened.size();
        audit.record(shop, "open-items.imported", "open-items-file", sha256(csv), null,
                Map.of("lines", rows.size(), "imported", imported));
        return imported;
    }

    private static String sha256(String content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw Problem.invalid("body", "is empty: a header line and one line per open item are expected");
        }
        String[] lines = csv.replace("\uFEFF", "").split("\\r?\\n|\\r");
        Map<String, Integer> index = header(lines[0]);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            Row row = row(n + 1, split(lines[n]), index, problems);
            if (problems.isEmpty()) {
                rows.add(row);
            } else {
                errors.add(new Problem.FieldError("line " + (n + 1), String.join("; ", problems)));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return rows;
    }

    private static Map<String, Integer> header(String line) {
        List<String> names = split(line);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (String column : COLUMNS) {
                if (column.equalsIgnoreCase(names.get(i).strip())) {
                    index.put(column, i);
                }
            }
        }
        List<String> missing = List.of("invoiceNumber", "invoiceDate", "gross").stream()
                .filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw Problem.invalid("line 1", "the header line lacks " + String.join(", ", missing)
                    + " (expected " + String.join(";", COLUMNS) + ")");
        }
        return index;
    }

    private static Row row(int line, List<String> cells, Map<String, Integer> index, List<String> problems) {
        String number = cell(cells, index, "invoiceNumber");
        if (number == null) {
            problems.add("invoiceNumber is required");
        } else if (number.length() > 40) {
            problems.add("invoiceNumber is longer than 40 characters");
        }
        LocalDate date = date(cell(cells, index, "invoiceDate"), "invoiceDate", true, problems);
        LocalDate due = date(cell(cells, index, "dueDate"), "dueDate", false, problems);
        String customerNumber = cell(cells, index, "customerNumber");
        String customerName = cell(cells, index, "customerName");
        if (customerNumber != null && customerNumber.length() > 40) {
            problems.add("customerNumber is longer than 40 characters");
        }
        if (customerName != null && customerName.length() > 200) {
            problems.add("customerName is longer than 200 characters");
        }
        String iban = cell(cells, index, "customerIban");
        if (iban != null) {
            iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
            try {
                IbanUtil.validate(iban);
            } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
                problems.add("customerIban '" + iban + "' is not a valid IBAN");
            }
            if (customerNumber == null) {
                problems.add("customerIban needs a customerNumber");
            }
        }
        Currency currency = Money.EUR;
        String code = cell(cells, index, "currency");
        if (code != null) {
            try {
                currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("currency '" + code + "' is not an ISO 4217 code");
            }
        }
        BigDecimal gross = amount(cell(cells, index, "gross"), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        if (due != null && due.isBefore(date)) {
            problems.add("dueDate is before invoiceDate");
            return null;
        }
        OpenItem item = new OpenItem(number, OpenItem.Origin.IMPORT, null, null, customerNumber, customerName, date,
                due == null ? date : due, Money.of(gross, currency), Money.of(gross, currency), null, null, null, Set.of());
        return new Row(line, item, iban);
    }

    /** Decimal comma or point; with both, the last one is the decimal separator (1.234,56 or 1,234.56). */
    static BigDecimal amount(String raw, List<String> problems) {
        if (raw == null) {
            problems.add("gross is required");
            return null;
        }
        String s = raw.replace(" ", "").replace("\u00A0", "");
        int comma = s.lastIndexOf(','), point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            s = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        try {
            BigDecimal value = new BigDecimal(s);
            if (value.signum() <= 0) {
                problems.add("gross '" + raw + "' must be above zero");
            } else if (value.stripTrailingZeros().scale() > 2) {
                problems.add("gross '" + raw + "' has more than two decimal places");
            } else if (value.precision() - value.scale() > 17) {
                problems.add("gross '" + raw + "' is too large");
            } else {
                return value.setScale(2);
            }
        } catch (NumberFormatException e) {
            problems.add("gross '" + raw + "' is not an amount");
        }
        return null;
    }

    private static LocalDate date(String raw, String field, boolean required, List<String> problems) {
        if (raw == null) {
            if (required) {
                problems.add(field + " is required");
            }
            return null;
        }
        try {
            return raw.contains(".") ? LocalDate.parse(raw, GERMAN_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + raw + "' is not a date (2025-11-02 or 02.11.2025)");
            return null;
        }
    }

    private static String cell(List<String> cells, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    /** Splits at {@code ;}; a cell in double quotes may hold {@code ;} and doubled quotes. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
