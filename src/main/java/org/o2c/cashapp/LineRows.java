package org.o2c.cashapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.LineStatus;
import org.o2c.receivables.PaymentBatch;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code cashapp_lines} rows one matching call decides, written together in one JDBC batch with
 * their final state (status, application, allocations), instead of an insert and an update per line;
 * with them the receivables postings and audit entries of the payments booked for these lines.
 */
final class LineRows {

    private static final String INSERT = """
            INSERT INTO cashapp_lines (shop_id, transaction_id, statement_id, booking_date, amount, currency,
                credit_debit, kind, counterparty_name, counterparty_iban, remittance, end_to_end_id,
                mandate_reference, status, decided_by, confidence, reason_key, proposal, note, application_id,
                allocations, pulls_back, created_at, updated_at)
            VALUES (:shop, :id, :statement, :date, :amount, :currency, :cd, :kind, :name, :iban, :remittance, :e2e,
                :mandate, :status, :by, :confidence, :reason, :proposal, :note, :a, :alloc, :pullsBack, :at, :at)""";

    /** One row still to be written; {@link #booked} and {@link #pullsBack} complete it. */
    static final class Row {
        private final MapSqlParameterSource params;

        private Row(MapSqlParameterSource params) {
            this.params = params;
        }

        Row booked(long application, String allocationsJson) {
            params.addValue("a", application).addValue("alloc", allocationsJson);
            return this;
        }

        Row pullsBack(long originalTransaction) {
            params.addValue("pullsBack", originalTransaction);
            return this;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final List<Row> pending = new ArrayList<>();
    private final PaymentBatch payments;

    LineRows(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock, PaymentBatch payments) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    Row add(ShopId shop, BankTransaction t, LineStatus status, String decidedBy, BigDecimal confidence,
            String reasonKey, CashApplication.StoredProposal proposal, String note) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("shop", shop.value()).addValue("id", t.id()).addValue("statement", t.statementId())
                .addValue("date", t.bookingDate()).addValue("amount", t.amount().amount())
                .addValue("currency", t.amount().currency().getCurrencyCode()).addValue("cd", t.direction().name())
                .addValue("kind", t.kind().name()).addValue("name", cut(t.counterpartyName(), 200))
                .addValue("iban", cut(t.counterpartyIban(), 34)).addValue("remittance", cut(t.remittanceInfo(), 1000))
                .addValue("e2e", cut(t.endToEndId(), 100)).addValue("mandate", cut(t.mandateReference(), 100))
                .addValue("status", status.name()).addValue("by", decidedBy)
                .addValue("confidence", confidence == null ? null : confidence.setScale(3, RoundingMode.HALF_UP))
                .addValue("reason", reasonKey)
                .addValue("proposal", proposal == null ? null : json.writeValueAsString(proposal))
                .addValue("note", cut(note, 500)).addValue("a", null, java.sql.Types.BIGINT)
                .addValue("alloc", null, java.sql.Types.VARCHAR).addValue("pullsBack", null, java.sql.Types.BIGINT)
                .addValue("at", Timestamp.from(clock.instant()));
        Row row = new Row(p);
        pending.add(row);
        return row;
    }

    /** Where the automatic payments for these lines are booked. */
    PaymentBatch payments() {
        return payments;
    }

    /**
     * Writes what is pending, postings first; called before anything reads these lines or postings back
     * and at the end of the call.
     */
    void flush() {
        payments.flush();
        if (pending.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, pending.stream().map(r -> r.params).toArray(MapSqlParameterSource[]::new));
        pending.clear();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
