package org.o2c.banking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books one file in one transaction: the statement row, every line not booked before, cash application
 * for the new lines (in chunks, so a large file never sits in memory), the audit entry and the event.
 * Anything unreadable rolls all of it back.
 */
@Component
class StatementImporter {
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PaymentMatching matching;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final StatementReader reader;
    private final CsvMappings csvMappings;

    StatementImporter(JdbcClient jdbc, Clock clock, PaymentMatching matching, AuditLog audit,
            ApplicationEventPublisher events, BankingSettings settings, CsvMappings csvMappings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.matching = matching;
        this.audit = audit;
        this.events = events;
        this.reader = new StatementReader(settings.maxUncompressedBytes(), settings.maxZipEntries());
        this.csvMappings = csvMappings;
    }

    Optional<StatementSummary> existing(ShopId shop, String sha256) {
        return jdbc.sql("SELECT * FROM bank_statements WHERE shop_id = :shop AND file_sha256 = :sha")
                .param("shop", shop.value()).param("sha", sha256)
                .query((rs, n) -> BankStatements.summary(rs, true)).optional();
    }

    @Transactional
    StatementSummary importFile(ShopId shop, Path file, String sha256, String contentType, String fileName,
            String source) {
        Optional<StatementSummary> before = existing(shop, sha256);
        if (before.isPresent()) {
            return before.get();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO bank_statements (shop_id, file_sha256, format, file_name, source, transactions, duplicates,
                    matched, suggested, unmatched, imported_at)
                VALUES (:shop, :sha, 'CSV', :name, :source, 0, 0, 0, 0, 0, :at)""")
                .param("shop", shop.value()).param("sha", sha256).param("name", Kinds.cut(fileName, 255))
                .param("source", source).param("at", Timestamp.from(now))
                .update(key, "id");
        long statementId = key.getKey().longValue();
        Booking booking = new Booking(shop, statementId);
        StatementFormat format;
        try {
            format = reader.read(file, contentType, () -> csvMappings.get(shop).orElse(null), booking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        booking.flush();
        jdbc.sql("""
                UPDATE bank_statements SET format = :format, transactions = :tx, duplicates = :dup, matched = :m,
                    suggested = :s, unmatched = :u WHERE id = :id""")
                .param("format", format.name()).param("tx", booking.booked).param("dup", booking.duplicates)
                .param("m", booking.matched).param("s", booking.suggested).param("u", booking.unmatched)
                .param("id", statementId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.name());
        details.put("file", fileName);
        details.put("sha256", sha256);
        details.put("transactions", booking.booked);
        details.put("duplicates", booking.duplicates);
        details.put("matched", booking.matched);
        audit.record(shop, "bank-statement.imported", "bank-statement", Long.toString(statementId),
                "read from " + source, details);
        events.publishEvent(new StatementImported(shop, statementId, fileName, source, format, booking.booked, null));
        return new StatementSummary(statementId, format, fileName, source, now, booking.booked, booking.duplicates,
                booking.matched, booking.suggested, booking.unmatched, false);
    }

    /** Books lines as the parser streams them and hands them to cash application in chunks. */
    private final class Booking implements LineSink {
        private final ShopId shop;
        private final long statementId;
        private final Map<Long, Integer> seen = new HashMap<>();
        private final List<BankTransaction> chunk = new ArrayList<>(CHUNK);
        int booked;
        int duplicates;
        int matched;
        int suggested;
        int unmatched;

        Booking(ShopId shop, long statementId) {
            this.shop = shop;
            this.statementId = statementId;
        }

        @Override
        public void accept(ParsedLine l) {
            String base = baseKey(l);
            byte[] digest = sha256(base);
            long shortKey = java.nio.ByteBuffer.wrap(digest).getLong();
            int ordinal = seen.merge(shortKey, 1, Integer::sum) - 1;
            String fingerprint = HexFormat.of().formatHex(sha256(base + "|" + ordinal));
            boolean known = jdbc.sql("SELECT COUNT(*) FROM bank_transactions WHERE shop_id = :shop AND fingerprint = :fp")
                    .param("shop", shop.value()).param("fp", fingerprint).query(Long.class).single() > 0;
            if (known) {
                duplicates++;
                return;
            }
            String remittance = l.remittanceInfo();
            if (l.creditorReference() != null && (remittance == null || !remittance.replace(" ", "")
                    .contains(l.creditorReference().replace(" ", "")))) {
                // Matching reads references from the remittance text; a structured one belongs there too.
                remittance = remittance == null ? l.creditorReference() : remittance + " " + l.creditorReference();
            }
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO bank_transactions (shop_id, statement_id, fingerprint, account, booking_date, value_date,
                        amount, currency, direction, kind, counterparty_name, counterparty_iban, counterparty_bic,
                        remittance_info, end_to_end_id, mandate_reference, bank_reference, creditor_reference,
                        ultimate_party, reversal, return_reason, transaction_code, booking_text)
                    VALUES (:shop, :statement, :fp, :account, :booking, :value, :amount, :currency, :direction, :kind,
                        :name, :iban, :bic, :remittance, :e2e, :mandate, :ref, :cref, :ultimate, :reversal, :rr,
                        :code, :text)""")
                    .param("shop", shop.value()).param("statement", statementId).param("fp", fingerprint)
                    .param("account", Kinds.cut(l.account(), 64)).param("booking", l.bookingDate())
                    .param("value", l.valueDate())
                    .param("amount", l.amount()).param("currency", l.currency().getCurrencyCode())
                    .param("direction", l.direction().name()).param("kind", l.kind().name())
                    .param("name", l.counterpartyName()).param("iban", iban(l.counterpartyIban()))
                    .param("bic", l.counterpartyBic()).param("remittance", Kinds.cut(remittance, 1200))
                    .param("e2e", l.endToEndId()).param("mandate", l.mandateReference())
                    .param("ref", l.bankReference()).param("cref", l.creditorReference())
                    .param("ultimate", l.ultimateParty()).param("reversal", l.reversal())
                    .param("rr", l.returnReason()).param("code", l.bankTransactionCode())
                    .param("text", l.bookingText())
                    .update(key, "id");
            booked++;
            chunk.add(new BankTransaction(key.getKey().longValue(), shop, statementId, l.bookingDate(), l.valueDate(),
                    Money.of(l.amount(), l.currency()), l.direction(), l.kind(), l.counterpartyName(),
                    iban(l.counterpartyIban()), l.counterpartyBic(), Kinds.cut(remittance, 1200), l.endToEndId(),
                    l.mandateReference(), l.bankReference(), l.reversal(), l.returnReason(), l.creditorReference(),
                    l.ultimateParty()));
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            Map<Long, LineOutcome> outcomes = matching.match(shop, List.copyOf(chunk));
            for (BankTransaction t : chunk) {
                LineOutcome o = outcomes.get(t.id());
                LineStatus s = o == null ? LineStatus.UNMATCHED : o.status();
                switch (s) {
                    case MATCHED -> matched++;
                    case SUGGESTED -> suggested++;
                    default -> unmatched++;
                }
            }
            chunk.clear();
        }
    }

    private static String iban(String s) {
        return s == null ? null : Kinds.cut(s.replace(" ", "").toUpperCase(java.util.Locale.ROOT), 64);
    }

    /**
     * What makes a line the same line in another file: the bank's own reference where it gives one,
     * else the line's content. The caller adds the ordinal among identical lines of the file.
     */
    static String baseKey(ParsedLine l) {
        String common = nz(l.account()) + "|" + l.bookingDate() + "|" + l.amount().toPlainString() + "|"
                + l.currency().getCurrencyCode() + "|" + l.direction();
        if (l.bankReference() != null) {
            return "ref|" + common + "|" + l.bankReference();
        }
        return "content|" + common + "|" + nz(l.endToEndId()) + "|" + nz(l.remittanceInfo()) + "|"
                + nz(iban(l.counterpartyIban())) + "|" + nz(l.counterpartyName()) + "|" + l.reversal();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
