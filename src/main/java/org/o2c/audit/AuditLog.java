package org.o2c.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.o2c.shared.Actor;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the audit trail. Entries join the caller's transaction. */
@Service
public class AuditLog {

    /** One entry as shown to people. {@code hash} is null until the sealer has chained it. */
    public record Entry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
            String reason, String details, String hash) {}

    private static final String INSERT = """
            INSERT INTO audit_entries (shop_id, occurred_at, actor, action, subject_type, subject_id, reason, details)
            VALUES (:shop, :at, :actor, :action, :type, :subject, :reason, :details)""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final NamedParameterJdbcTemplate batch;

    AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Records a change made by the current actor. {@code details} is stored as JSON (what changed,
     * old and new values where they matter).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ShopId shop, String action, String subjectType, String subjectId, String reason,
            Map<String, ?> details) {
        recordAs(Actor.current(), shop, action, subjectType, subjectId, reason, details);
    }

    /** One change for {@link #recordAll}. */
    public record Change(String action, String subjectType, String subjectId, String reason, Map<String, ?> details) {}

    /**
     * Records changes made by the current actor in one JDBC batch, in the given order (a statement import
     * books thousands of payments; one insert each was a noticeable part of its time).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(ShopId shop, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String actor = truncate(Actor.current(), 200);
        java.sql.Timestamp at = java.sql.Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        MapSqlParameterSource[] rows = changes.stream().map(c -> new MapSqlParameterSource()
                .addValue("shop", shop.value()).addValue("at", at).addValue("actor", actor)
                .addValue("action", c.action()).addValue("type", c.subjectType()).addValue("subject", c.subjectId())
                .addValue("reason", truncate(c.reason(), 2000), java.sql.Types.VARCHAR)
                .addValue("details", c.details() == null || c.details().isEmpty() ? null
                        : json.writeValueAsString(c.details()), java.sql.Types.VARCHAR))
                .toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate(INSERT, rows);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, ShopId shop, String action, String subjectType, String subjectId,
            String reason, Map<String, ?> details) {
        jdbc.sql(INSERT)
                .param("shop", shop.value())
                .param("at", java.sql.Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)))
                .param("actor", truncate(actor, 200))
                .param("action", action)
                .param("type", subjectType)
                .param("subject", subjectId)
                .param("reason", truncate(reason, 2000))
                .param("details", details == null || details.isEmpty() ? null : json.writeValueAsString(details))
                .update();
    }

    @Transactional(readOnly = true)
    public List<Entry> forSubject(ShopId shop, String subjectType, String subjectId) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, reason, details, hash
                FROM audit_entries WHERE shop_id = :shop AND subject_type = :type AND subject_id = :subject
                ORDER BY id""")
                .param("shop", shop.value()).param("type", subjectType).param("subject", subjectId)
                .query(AuditLog::entry).list();
    }

    @Transactional(readOnly = true)
    public List<Entry> latest(ShopId shop, int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, reason, details, hash
                FROM audit_entries WHERE shop_id = :shop ORDER BY id DESC LIMIT :limit""")
                .param("shop", shop.value()).param("limit", limit)
                .query(AuditLog::entry).list();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("reason"), rs.getString("details"), rs.getString("hash"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
