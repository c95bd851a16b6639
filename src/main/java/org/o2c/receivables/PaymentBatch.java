package org.o2c.receivables;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Actor;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments booked one after another like {@link Receivables#applyIfFree} (each item locked without
 * waiting and its open amount checked under the lock), whose postings and audit entries are written
 * together by {@link #flush}. The open amount counts what this batch has booked but not yet written.
 * Must be used inside one transaction and flushed before anything else reads the postings.
 */
public final class PaymentBatch {

    private static final String INSERT = """
            INSERT INTO receivable_postings (shop_id, application_id, item_number, customer_number, kind, amount,
                currency, source, reverses, credit_note_id, reason, posted_at, posted_by, account)
            VALUES (:shop, :a, :item, :customer, :kind, :amount, :currency, :source, NULL, NULL, :reason, :at, :by,
                :account)""";

    private record Locked(String number, String customerNumber, Money gross) {}

    private final ShopId shop;
    private final Receivables receivables;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, BigDecimal> unwritten = new HashMap<>();
    private final List<MapSqlParameterSource> postings = new ArrayList<>();
    private final List<AuditLog.Change> changes = new ArrayList<>();

    PaymentBatch(ShopId shop, Receivables receivables, JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock,
            AuditLog audit) {
        this.shop = shop;
        this.receivables = receivables;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.audit = audit;
    }

    /** Books a payment as {@link Receivables#applyIfFree} does; its postings are written by {@link #flush}. */
    public Receivables.Attempt applyIfFree(Receivables.Payment payment) {
        Map<String, Money> perItem = receivables.validated(payment);
        Map<String, String> customers = new HashMap<>();
        for (Map.Entry<String, Money> e : perItem.entrySet()) {
            Optional<Locked> locked = lockIfFree(e.getKey());
            if (locked.isEmpty() && receivables.exists(shop, e.getKey())) {
                return new Receivables.Attempt(null, e.getKey() + " is being booked by another transaction");
            }
            Locked item = locked.orElseThrow(() -> Problem.invalid("allocations",
                    "open item " + e.getKey() + " does not exist"));
            Currency currency = item.gross().currency();
            if (!currency.equals(e.getValue().currency())) {
                throw Problem.invalid("allocations", item.number() + " is in " + currency);
            }
            Money open = item.gross().subtract(Money.of(settled(item.number()), currency)).rounded();
            if (e.getValue().compareTo(open) > 0) {
                return new Receivables.Attempt(null, "only " + open.toPlainString() + " is open on " + item.number());
            }
            customers.put(item.number(), item.customerNumber());
        }
        long application = receivables.nextApplication();
        List<Receivables.Allocation> applied = payment.applied() == null ? List.of() : payment.applied();
        List<Receivables.Allocation> writtenOff = payment.writtenOff() == null ? List.of() : payment.writtenOff();
        for (Receivables.Allocation a : applied) {
            posting(application, a.itemNumber(), customers.get(a.itemNumber()), Posting.Kind.APPLIED, a.amount(),
                    payment, null);
        }
        for (Receivables.Allocation a : writtenOff) {
            posting(application, a.itemNumber(), customers.get(a.itemNumber()), Posting.Kind.WRITTEN_OFF, a.amount(),
                    payment, payment.writeOffAccount());
        }
        Money credit = payment.customerCredit();
        if (credit != null && !credit.isZero()) {
            posting(application, null, payment.creditCustomerNumber(), Posting.Kind.CUSTOMER_CREDIT, credit, payment,
                    null);
        }
        Map<String, Object> details = Receivables.details(payment.source(), applied, writtenOff, credit);
        if (!writtenOff.isEmpty() && payment.writeOffAccount() != null) {
            details.put("writeOffAccount", payment.writeOffAccount());
        }
        changes.add(new AuditLog.Change("payment.applied", "receivable-application", String.valueOf(application),
                payment.reason(), details));
        return new Receivables.Attempt(application, null);
    }

    /** Writes the postings and audit entries booked since the last flush. */
    public void flush() {
        if (!postings.isEmpty()) {
            batch.batchUpdate(INSERT, postings.toArray(MapSqlParameterSource[]::new));
        }
        audit.recordAll(shop, List.copyOf(changes));
        postings.clear();
        changes.clear();
        unwritten.clear();
    }

    private Optional<Locked> lockIfFree(String number) {
        return jdbc.sql("SELECT number, customer_number, gross, currency FROM receivable_items"
                        + " WHERE shop_id = :shop AND number = :n FOR UPDATE SKIP LOCKED")
                .param("shop", shop.value()).param("n", number)
                .query((rs, i) -> new Locked(rs.getString("number"), rs.getString("customer_number"),
                        Money.of(rs.getBigDecimal("gross"), Currency.getInstance(rs.getString("currency").trim()))))
                .optional();
    }

    /** What postings settled of an item so far, written or still waiting in this batch. */
    private BigDecimal settled(String number) {
        BigDecimal written = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM receivable_postings"
                        + " WHERE shop_id = :shop AND item_number = :n")
                .param("shop", shop.value()).param("n", number).query(BigDecimal.class).single();
        return written.add(unwritten.getOrDefault(number, BigDecimal.ZERO));
    }

    private void posting(long application, String item, String customer, Posting.Kind kind, Money amount,
            Receivables.Payment payment, String account) {
        BigDecimal rounded = amount.rounded().amount();
        if (item != null) {
            unwritten.merge(item, rounded, BigDecimal::add);
        }
        postings.add(new MapSqlParameterSource()
                .addValue("shop", shop.value()).addValue("a", application)
                .addValue("item", item, java.sql.Types.VARCHAR).addValue("customer", customer, java.sql.Types.VARCHAR)
                .addValue("kind", kind.name()).addValue("amount", rounded)
                .addValue("currency", amount.currency().getCurrencyCode())
                .addValue("source", Receivables.truncate(payment.source(), 100), java.sql.Types.VARCHAR)
                .addValue("reason", Receivables.truncate(payment.reason(), 500), java.sql.Types.VARCHAR)
                .addValue("at", Timestamp.from(clock.instant()))
                .addValue("by", Receivables.truncate(Actor.current(), 200), java.sql.Types.VARCHAR)
                .addValue("account", account, java.sql.Types.VARCHAR));
    }
}
