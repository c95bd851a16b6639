package org.o2c.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals audit entries into a SHA-256 hash chain in the order they became visible, and verifies
 * the chain. Sealing holds the chain head's row lock, so several instances never chain twice.
 */
@Service
public class AuditChain {

    /** The outcome of a verification: how many entries were checked and which ones do not hold. */
    public record Verification(long sealed, long pending, List<Long> brokenEntryIds) {
        public boolean intact() {
            return brokenEntryIds.isEmpty();
        }
    }

    private record Row(long id, long shopId, Timestamp at, String actor, String action, String type, String subject,
            String reason, String details, Long chainNo, String prevHash, String hash) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditChain(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${o2c.audit.seal-interval-ms:1000}")
    @Transactional
    public int seal() {
        var head = jdbc.sql("SELECT chain_no, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long chainNo = (Long) head[0];
        String prev = (String) head[1];
        List<Row> pending = jdbc.sql(select() + " WHERE chain_no IS NULL ORDER BY id LIMIT 2000").query(AuditChain::row).list();
        // One batch for all seals: one round trip instead of one per entry.
        List<Object[]> seals = new ArrayList<>(pending.size());
        for (Row r : pending) {
            chainNo++;
            String hash = hash(prev, r);
            seals.add(new Object[] {chainNo, prev, hash, r.id});
            prev = hash;
        }
        if (!pending.isEmpty()) {
            batch.batchUpdate("UPDATE audit_entries SET chain_no = ?, prev_hash = ?, hash = ? WHERE id = ?", seals);
            jdbc.sql("UPDATE audit_chain_head SET chain_no = :no, hash = :hash WHERE id = 1")
                    .param("no", chainNo).param("hash", prev).update();
        }
        return pending.size();
    }

    /** Recomputes every hash along the chain and lists the entries whose content or link no longer fits. */
    @Transactional(readOnly = true)
    public Verification verify() {
        List<Long> broken = new ArrayList<>();
        long[] sealed = {0};
        String[] prev = {"0".repeat(64)};
        jdbc.sql(select() + " WHERE chain_no IS NOT NULL ORDER BY chain_no").query(AuditChain::row).stream()
                .forEach(r -> {
                    sealed[0]++;
                    if (!prev[0].equals(r.prevHash) || !hash(prev[0], r).equals(r.hash) || r.chainNo != sealed[0]) {
                        broken.add(r.id);
                    }
                    prev[0] = r.hash;
                });
        long pending = jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE chain_no IS NULL").query(Long.class).single();
        return new Verification(sealed[0], pending, broken);
    }

    private static String select() {
        return "SELECT id, shop_id, occurred_at, actor, action, subject_type, subject_id, reason, details,"
                + " chain_no, prev_hash, hash FROM audit_entries";
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long chainNo = rs.getLong("chain_no");
        return new Row(rs.getLong("id"), rs.getLong("shop_id"), rs.getTimestamp("occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("reason"), rs.getString("details"), rs.wasNull() ? null : chainNo,
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    static String hash(String prev, Row r) {
        String content = String.join("\u001f", prev, Long.toString(r.id), Long.toString(r.shopId),
                r.at.toInstant().toString(), r.actor, r.action, r.type, r.subject,
                r.reason == null ? "" : r.reason, r.details == null ? "" : r.details);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
