package org.o2c.banking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.shared.ValuesList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private static final Logger log = LoggerFactory.getLogger(StatementImporter.class);
    private static final int CHUNK = 500;
    /**
     * Lines handed to cash application at once. Larger than the booking chunk because cash application
     * reads the shop's open items once per call; 5,000 lines keep that to a few reads even for a large file
     * while the lines waiting for it stay a few megabytes.
     */
    private static final int MATCH_CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PaymentMatching matching;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final StatementReader reader;
    private final CsvMappings csvMappings;
    private final JdbcTemplate batch;
    private final BatchLinks batchLinks;

    StatementImporter(JdbcClient jdbc, JdbcTemplate batch, Clock clock, PaymentMatching matching, AuditLog audit,
            ApplicationEventPublisher events, BankingSettings settings, CsvMappings csvMappings) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.batchLinks = new BatchLinks(jdbc, matching, audit);
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
        long started = System.nanoTime();
        StatementFormat format;
        try {
            format = reader.read(file, contentType, () -> csvMappings.get(shop).orElse(null), booking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        booking.flushAll();
        int duplicates = booking.duplicates + booking.covered;
        long millis = (System.nanoTime() - started) / 1_000_000;
        long matchingMillis = booking.matchingNanos / 1_000_000;
        // The benchmark reads this line: parsing and booking versus cash application, inside one import.
        log.info("statement {} of shop {}: {} lines booked, {} duplicates, {} covered by a batch, in {} ms"
                        + " (parse and book {} ms, matching {} ms)", statementId, shop.value(), booking.booked,
                booking.duplicates, booking.covered, millis, millis - matchingMillis, matchingMillis);
        jdbc.sql("""
                UPDATE bank_statements SET format = :format, transactions = :tx, duplicates = :dup, matched = :m,
                    suggested = :s, unmatched = :u WHERE id = :id""")
                .param("format", format.name()).param("tx", booking.booked).param("dup", duplicates)
                .param("m", booking.matched).param("s", booking.suggested).param("u", booking.unmatched)
                .param("id", statementId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.name());
        details.put("file", fileName);
        details.put("sha256", sha256);
        details.put("transactions", booking.booked);
        details.put("duplicates", booking.duplicates);
        details.put("coveredByBatch", booking.covered);
        details.put("lumpsSuperseded", booking.superseded);
        details.put("matched", booking.matched);
        audit.record(shop, "bank-statement.imported", "bank-statement", Long.toString(statementId),
                "read from " + source, details);
        events.publishEvent(new StatementImported(shop, statementId, fileName, source, format, booking.booked, null));
        return new StatementSummary(statementId, format, fileName, source, now, booking.booked, duplicates,
                booking.matched, booking.suggested, booking.unmatched, false);
    }

    /**
     * Books lines as the parser streams them, a chunk at a time: one query finds which fingerprints of the chunk
     * are booked already, one JDBC batch inserts the new lines, and cash application gets them as one list.
     * Nothing here grows with the file but the per-statement ordinal counter, which a new statement resets.
     */
    private final class Booking implements LineSink {
        private final ShopId shop;
        private final long statementId;
        private final Ordinals seen = new Ordinals();
        private final MessageDigest digest = sha256Digest();
        private final List<Pending> pending = new ArrayList<>(CHUNK);
        private final List<BankTransaction> toMatch = new ArrayList<>();
        private final Set<Long> lumps = new HashSet<>();
        private final BatchLinks.Decisions decisions;
        int booked;
        int duplicates;
        int covered;
        int superseded;
        int matched;
        int suggested;
        int unmatched;
        long matchingNanos;
        /** Lumps booked from this file, with their outcome, in case their items follow in the same file. */
        private final Map<Long, LineStatus> lumpsHere = new Lru<>(256);

        Booking(ShopId shop, long statementId) {
            this.shop = shop;
            this.statementId = statementId;
            this.decisions = batchLinks.decisions(shop, statementId);
        }

        @Override
        public void statementStarts() {
            seen.clear();
        }

        @Override
        public void accept(ParsedLine l) {
            String base = baseKey(l);
            byte[] hash = digest.digest(base.getBytes(StandardCharsets.UTF_8));
            int ordinal = seen.next(java.nio.ByteBuffer.wrap(hash).getLong());
            String fingerprint = HexFormat.of().formatHex(
                    digest.digest((base + "|" + ordinal).getBytes(StandardCharsets.UTF_8)));
            if (l.batch() != null && !decisions.known(l)) {
                // A batch decision reads what is booked and matched: everything before this line goes first.
                flushAll();
            }
            pending.add(new Pending(l, fingerprint, remittance(l)));
            if (pending.size() >= CHUNK) {
                flush();
            }
        }

        /** Books what is pending and hands everything booked so far to cash application. */
        void flushAll() {
            flush();
            match();
        }

        /** Books the pending chunk; cash application follows once {@value #MATCH_CHUNK} lines wait for it. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Set<String> known = knownFingerprints(pending);
            Set<String> inChunk = new HashSet<>();
            List<Pending> insert = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                if (known.contains(p.fingerprint) || !inChunk.add(p.fingerprint)) {
                    duplicates++;
                    continue;
                }
                if (p.line.batch() != null) {
                    BatchLinks.Decision d = decisions.decide(p.line);
                    p.state = d.state();
                    p.note = d.note();
                    if (d.supersededLump() != 0) {
                        superseded++;
                        if (d.supersededIn() == statementId) {
                            replacedHere(d.supersededLump());
                        }
                    }
                }
                insert.add(p);
            }
            pending.clear();
            List<Long> ids = insert(insert);
            for (int i = 0; i < insert.size(); i++) {
                Pending p = insert.get(i);
                if (p.state != BatchLinks.State.BOOKED) {
                    covered++;
                    continue;
                }
                booked++;
                toMatch.add(transaction(ids.get(i), p));
                if (p.line.batch() != null && p.line.batch().role() == BatchLink.Role.LUMP) {
                    lumps.add(ids.get(i));
                }
            }
            if (toMatch.size() >= MATCH_CHUNK) {
                match();
            }
        }

        private void match() {
            if (toMatch.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            Map<Long, LineOutcome> outcomes = matching.match(shop, List.copyOf(toMatch));
            matchingNanos += System.nanoTime() - t0;
            for (BankTransaction t : toMatch) {
                LineOutcome o = outcomes.get(t.id());
                LineStatus s = o == null ? LineStatus.UNMATCHED : o.status();
                count(s, 1);
                if (lumps.contains(t.id())) {
                    lumpsHere.put(t.id(), s);
                }
            }
            toMatch.clear();
            lumps.clear();
        }

        private void count(LineStatus s, int n) {
            switch (s) {
                case MATCHED -> matched += n;
                case SUGGESTED -> suggested += n;
                default -> unmatched += n;
            }
        }

        /** A lump booked from this very file was replaced by its items further on: it no longer counts here. */
        private void replacedHere(long lumpId) {
            LineStatus s = lumpsHere.remove(lumpId);
            if (s != null) {
                booked--;
                covered++;
                count(s, -1);
            }
        }

        /** The chunk's fingerprints that are booked already (through the (shop, fingerprint) index). */
        private Set<String> knownFingerprints(List<Pending> lines) {
            ValuesList v = ValuesList.of(lines.stream().map(l -> l.fingerprint).toList(), "CHAR(64)");
            return new HashSet<>(jdbc.sql("SELECT t.fingerprint FROM bank_transactions t JOIN " + v.table()
                            + " ON t.fingerprint = q.v WHERE t.shop_id = :shop")
                    .params(v.params()).param("shop", shop.value()).query(String.class).list());
        }

        /** One JDBC batch; the generated ids come back in the order of the lines. */
        private List<Long> insert(List<Pending> lines) {
            if (lines.isEmpty()) {
                return List.of();
            }
            KeyHolder keys = new GeneratedKeyHolder();
            batch.batchUpdate(con -> con.prepareStatement(INSERT, new String[] {"id"}),
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            bind(ps, lines.get(i));
                        }

                        @Override
                        public int getBatchSize() {
                            return lines.size();
                        }
                    }, keys);
            List<Map<String, Object>> rows = keys.getKeyList();
            if (rows.size() != lines.size()) {
                throw new IllegalStateException("the database returned " + rows.size() + " ids for " + lines.size()
                        + " booked lines");
            }
            List<Long> ids = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                ids.add(((Number) row.values().iterator().next()).longValue());
            }
            return ids;
        }

        private void bind(PreparedStatement ps, Pending p) throws SQLException {
            ParsedLine l = p.line;
            BatchLink b = l.batch();
            int i = 1;
            ps.setLong(i++, shop.value());
            ps.setLong(i++, statementId);
            ps.setString(i++, p.fingerprint);
            ps.setString(i++, Kinds.cut(l.account(), 64));
            ps.setObject(i++, l.bookingDate());
            ps.setObject(i++, l.valueDate(), Types.DATE);
            ps.setBigDecimal(i++, l.amount());
            ps.setString(i++, l.currency().getCurrencyCode());
            ps.setString(i++, l.direction().name());
            ps.setString(i++, l.kind().name());
            ps.setString(i++, l.counterpartyName());
            ps.setString(i++, iban(l.counterpartyIban()));
            ps.setString(i++, l.counterpartyBic());
            ps.setString(i++, p.remittance);
            ps.setString(i++, l.endToEndId());
            ps.setString(i++, l.mandateReference());
            ps.setString(i++, l.bankReference());
            ps.setString(i++, l.creditorReference());
            ps.setString(i++, l.ultimateParty());
            ps.setBoolean(i++, l.reversal());
            ps.setString(i++, l.returnReason());
            ps.setString(i++, l.bankTransactionCode());
            ps.setString(i++, l.bookingText());
            ps.setString(i++, p.state.name());
            ps.setString(i++, Kinds.cut(p.note, 300));
            ps.setString(i++, b == null ? null : b.role().name());
            ps.setString(i++, b == null ? null : b.entryRef());
            ps.setString(i++, b == null ? null : b.batchId());
            ps.setBigDecimal(i++, b == null ? null : b.total());
            if (b == null) {
                ps.setNull(i, Types.INTEGER);
            } else {
                ps.setInt(i, b.count());
            }
        }

        private BankTransaction transaction(long id, Pending p) {
            ParsedLine l = p.line;
            return new BankTransaction(id, shop, statementId, l.bookingDate(), l.valueDate(),
                    Money.of(l.amount(), l.currency()), l.direction(), l.kind(), l.counterpartyName(),
                    iban(l.counterpartyIban()), l.counterpartyBic(), p.remittance, l.endToEndId(),
                    l.mandateReference(), l.bankReference(), l.reversal(), l.returnReason(), l.creditorReference(),
                    l.ultimateParty());
        }
    }

    private static final String INSERT = """
            INSERT INTO bank_transactions (shop_id, statement_id, fingerprint, account, booking_date, value_date,
                amount, currency, direction, kind, counterparty_name, counterparty_iban, counterparty_bic,
                remittance_info, end_to_end_id, mandate_reference, bank_reference, creditor_reference,
                ultimate_party, reversal, return_reason, transaction_code, booking_text, booking_state, booking_note,
                batch_role, batch_ref, batch_id, batch_total, batch_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A parsed line waiting in the chunk, with what booking decided for it. */
    private static final class Pending {
        final ParsedLine line;
        final String fingerprint;
        final String remittance;
        BatchLinks.State state = BatchLinks.State.BOOKED;
        String note;

        Pending(ParsedLine line, String fingerprint, String remittance) {
            this.line = line;
            this.fingerprint = fingerprint;
            this.remittance = remittance;
        }
    }

    /** Matching reads references from the remittance text; a structured one belongs there too. */
    private static String remittance(ParsedLine l) {
        String remittance = l.remittanceInfo();
        if (l.creditorReference() != null && (remittance == null || !remittance.replace(" ", "")
                .contains(l.creditorReference().replace(" ", "")))) {
            remittance = remittance == null ? l.creditorReference() : remittance + " " + l.creditorReference();
        }
        return Kinds.cut(remittance, 1200);
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
        return sha256Digest().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
