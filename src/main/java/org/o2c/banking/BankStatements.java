package org.o2c.banking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statement files in: from the API, an upload in the back office or the inbox folder. A file is spooled
 * to disk while its SHA-256 is computed (never held in memory), then read and booked in one transaction.
 */
@Service
public class BankStatements {
    /**
     * One booked line with where cash application placed it. {@code bookingState} is {@code BOOKED} for a line
     * that counts, {@code COVERED} or {@code SUPERSEDED} for one side of a bank batch whose money the other side
     * carries (see docs/banking.md); {@code bookingNote} says why.
     */
    public record Line(BankTransaction transaction, LineOutcome outcome, String bookingText, String bookingState,
            String bookingNote) {

        public boolean counts() {
            return "BOOKED".equals(bookingState);
        }
    }

    private final StatementImporter importer;
    private final JdbcClient jdbc;
    private final PaymentMatching matching;
    private final CsvMappings csvMappings;
    private final BankingSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    BankStatements(StatementImporter importer, JdbcClient jdbc, PaymentMatching matching, CsvMappings csvMappings,
            BankingSettings settings, ApplicationEventPublisher events, PlatformTransactionManager txm, AuditLog audit) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.matching = matching;
        this.csvMappings = csvMappings;
        this.settings = settings;
        this.events = events;
        this.tx = new TransactionTemplate(txm);
        this.audit = audit;
    }

    /**
     * Reads a statement from a stream (the request body or an uploaded file). Throws
     * {@link UnreadableStatement} when it cannot be read; then nothing is kept.
     */
    public StatementSummary importStream(ShopId shop, InputStream body, String contentType, String fileName,
            String source) throws IOException {
        Files.createDirectories(settings.spool());
        Path spooled = Files.createTempFile(settings.spool(), "statement-", ".tmp");
        try {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(spooled)) {
                in.transferTo(out);
            }
            return importSpooled(shop, spooled, HexFormat.of().formatHex(sha.digest()), contentType, fileName, source);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    /** Reads a statement file that is already on disk (the inbox). */
    public StatementSummary importFile(ShopId shop, Path file, String contentType, String source) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return importSpooled(shop, file, HexFormat.of().formatHex(sha.digest()), contentType,
                file.getFileName().toString(), source);
    }

    private StatementSummary importSpooled(ShopId shop, Path file, String sha, String contentType, String fileName,
            String source) {
        try {
            return importer.importFile(shop, file, sha, contentType, fileName, source);
        } catch (UnreadableStatement e) {
            refused(shop, fileName, source, e.where() + ": " + e.getMessage());
            throw e;
        }
    }

    /** A refused file leaves a trace (audit and event) in a transaction of its own; its content is not kept. */
    private void refused(ShopId shop, String fileName, String source, String reason) {
        tx.executeWithoutResult(s -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", fileName);
            details.put("reason", reason);
            audit.record(shop, "bank-statement.refused", "bank-statement", fileName == null ? "-" : fileName,
                    "read from " + source, details);
            events.publishEvent(new StatementImported(shop, 0, fileName, source, null, 0, reason));
        });
    }

    public List<StatementSummary> list(ShopId shop, int limit) {
        return jdbc.sql("SELECT * FROM bank_statements WHERE shop_id = :shop ORDER BY id DESC LIMIT :limit")
                .param("shop", shop.value()).param("limit", limit).query((rs, n) -> summary(rs, false)).list();
    }

    public Optional<StatementSummary> get(ShopId shop, long id) {
        return jdbc.sql("SELECT * FROM bank_statements WHERE shop_id = :shop AND id = :id")
                .param("shop", shop.value()).param("id", id).query((rs, n) -> summary(rs, false)).optional();
    }

    /** Every line booked from the statement, with its current cash-application outcome. */
    public List<Line> transactions(ShopId shop, long statementId) {
        List<Object[]> rows = jdbc.sql("SELECT * FROM bank_transactions WHERE shop_id = :shop AND statement_id = :id ORDER BY id")
                .param("shop", shop.value()).param("id", statementId)
                .query((rs, n) -> new Object[] {transaction(rs), rs.getString("booking_text"),
                        rs.getString("booking_state"), rs.getString("booking_note")}).list();
        List<Long> ids = rows.stream().map(r -> ((BankTransaction) r[0]).id()).toList();
        Map<Long, LineOutcome> outcomes = ids.isEmpty() ? Map.of() : matching.outcomes(shop, ids);
        List<Line> lines = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            BankTransaction t = (BankTransaction) r[0];
            LineOutcome outcome = outcomes.getOrDefault(t.id(), LineOutcome.unmatched());
            if (!"BOOKED".equals(r[2]) && outcome.status() != LineStatus.MATCHED) {
                // its money is carried by the other side of its batch: nothing for cash application to do
                outcome = new LineOutcome(LineStatus.IGNORED, null, List.of());
            }
            lines.add(new Line(t, outcome, (String) r[1], (String) r[2], (String) r[3]));
        }
        return lines;
    }

    public Optional<CsvMapping> csvMapping(ShopId shop) {
        return csvMappings.get(shop);
    }

    /** Saves the shop's CSV column mapping after checking it; a 422 names every bad field. */
    public CsvMapping saveCsvMapping(ShopId shop, CsvMapping mapping) {
        Validation v = new Validation();
        Map<String, String> columns = mapping.columns() == null ? Map.of() : mapping.columns();
        for (String field : columns.keySet()) {
            if (!CsvMapping.FIELDS.contains(field)) {
                v.reject("columns." + field, "is not a field; use one of " + String.join(", ", CsvMapping.FIELDS));
            } else {
                v.text("columns." + field, columns.get(field), 200, true);
            }
        }
        for (String required : List.of("bookingDate", "amount")) {
            if (!columns.containsKey(required) && !v.has("columns." + required)) {
                v.reject("columns." + required, "is required");
            }
        }
        if (mapping.separator() != null && ";,\t|".indexOf(mapping.separator()) < 0) {
            v.reject("separator", "must be one of ; , | or a tab");
        }
        if (mapping.dateFormat() != null) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(mapping.dateFormat());
                if (!mapping.dateFormat().contains("d") || !mapping.dateFormat().contains("M")
                        || !mapping.dateFormat().contains("y")) {
                    v.reject("dateFormat", "must contain day (d), month (M) and year (y), e.g. dd.MM.yyyy");
                }
            } catch (IllegalArgumentException e) {
                v.reject("dateFormat", "is not a date pattern such as dd.MM.yyyy");
            }
        }
        if (mapping.currency() != null) {
            v.currency("currency", mapping.currency());
        }
        v.throwIfInvalid();
        CsvMapping clean = new CsvMapping(mapping.separator(), mapping.decimalComma(), mapping.dateFormat(),
                mapping.currency(), Map.copyOf(columns));
        tx.executeWithoutResult(s -> {
            csvMappings.save(shop, clean);
            audit.record(shop, "bank-statement.csv-mapping-saved", "shop", shop.toString(), null,
                    Map.of("columns", clean.columns()));
        });
        return clean;
    }

    static StatementSummary summary(ResultSet rs, boolean alreadyImported) throws SQLException {
        return new StatementSummary(rs.getLong("id"), StatementFormat.valueOf(rs.getString("format")),
                rs.getString("file_name"), rs.getString("source"), rs.getTimestamp("imported_at").toInstant(),
                rs.getInt("transactions"), rs.getInt("duplicates"), rs.getInt("matched"), rs.getInt("suggested"),
                rs.getInt("unmatched"), alreadyImported);
    }

    private static BankTransaction transaction(ResultSet rs) throws SQLException {
        LocalDate value = rs.getObject("value_date", LocalDate.class);
        BigDecimal amount = rs.getBigDecimal("amount");
        return new BankTransaction(rs.getLong("id"), new ShopId(rs.getLong("shop_id")), rs.getLong("statement_id"),
                rs.getObject("booking_date", LocalDate.class), value,
                Money.of(amount, java.util.Currency.getInstance(rs.getString("currency").strip())),
                CreditDebit.valueOf(rs.getString("direction")), TransactionKind.valueOf(rs.getString("kind")),
                rs.getString("counterparty_name"), rs.getString("counterparty_iban"), rs.getString("counterparty_bic"),
                rs.getString("remittance_info"), rs.getString("end_to_end_id"), rs.getString("mandate_reference"),
                rs.getString("bank_reference"), rs.getBoolean("reversal"), rs.getString("return_reason"),
                rs.getString("creditor_reference"), rs.getString("ultimate_party"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content type a statement file has by its name, for uploads whose browser sends none that helps. */
    public static String contentTypeFor(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".zip")) {
            return "application/zip";
        }
        if (n.endsWith(".xml")) {
            return "application/xml";
        }
        if (n.endsWith(".csv")) {
            return "text/csv";
        }
        return "text/plain";
    }

}
