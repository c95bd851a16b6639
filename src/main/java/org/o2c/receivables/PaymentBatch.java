package org.o2c.receivables;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Actor;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.ValuesList;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments booked like {@link Receivables#applyIfFree} (each item locked without waiting and its open
 * amount checked under the lock), a run of them at a time, whose postings and audit entries are written
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

    /**
     * Books payments in the given order as {@link Receivables#applyIfFree} would one by one, answering an
     * attempt for each; their postings are written by {@link #flush}. All items are locked first (each
     * without waiting), then what is open on them is read in one query, after the locks, so it includes
     * whatever another transaction committed before letting go of an item.
     */
    public List<Receivables.Attempt> applyAllIfFree(List<Receivables.Payment> payments) {
        List<Map<String, Money>> perItem = payments.stream().map(receivables::validated).toList();
        Map<String, Locked> locked = new HashMap<>();
        Set<String> busy = new HashSet<>();
        for (Map<String, Money> items : perItem) {
            for (String number : items.keySet()) {
                if (!locked.containsKey(number) && !busy.contains(number)) {
                    lockIfFree(number).ifPresentOrElse(l -> locked.put(number, l), () -> busy.add(number));
                }
            }
        }
        Map<String, BigDecimal> settled = settled(locked.keySet());
        List<String> refusals = new ArrayList<>();
        int booked = 0;
        for (Map<String, Money> items : perItem) {
            String refusal = refusal(items, locked, busy, settled);
            refusals.add(refusal);
            if (refusal == null) {
                items.forEach((number, amount) -> unwritten.merge(number, amount.rounded().amount(), BigDecimal::add));
                booked++;
            }
        }
        Iterator<Long> applications = receivables.nextApplications(booked).iterator();
        List<Receivables.Attempt> out = new ArrayList<>(payments.size());
        for (int i = 0; i < payments.size(); i++) {
            if (refusals.get(i) != null) {
                out.add(new Receivables.Attempt(null, refusals.get(i)));
                continue;
            }
            long application = applications.next();
            book(application, payments.get(i), locked);
            out.add(new Receivables.Attempt(application, null));
        }
        return out;
    }

    /** Why a payment cannot be booked now, or null; refuses (422) an item that does not exist. */
    private String refusal(Map<String, Money> items, Map<String, Locked> locked, Set<String> busy,
            Map<String, BigDecimal> settled) {
        for (Map.Entry<String, Money> e : items.entrySet()) {
            if (busy.contains(e.getKey()) && receivables.exists(shop, e.getKey())) {
                return e.getKey() + " is being booked by another transaction";
            }
            Locked item = Optional.ofNullable(locked.get(e.getKey())).orElseThrow(() -> Problem.invalid("allocations",
                    "open item " + e.getKey() + " does not exist"));
            Currency currency = item.gross().currency();
            if (!currency.equals(e.getValue().currency())) {
                throw Problem.invalid("allocations", item.number() + " is in " + currency);
            }
            BigDecimal paid = settled.getOrDefault(item.number(), BigDecimal.ZERO)
                    .add(unwritten.getOrDefault(item.number(), BigDecimal.ZERO));
            Money open = item.gross().subtract(Money.of(paid, currency)).rounded();
            if (e.getValue().compareTo(open) > 0) {
                return "only " + open.toPlainString() + " is open on " + item.number();
            }
        }
        return null;
    }

    private void book(long application, Receivables.Payment payment, Map<String, Locked> locked) {
        List<Receivables.Allocation> applied = payment.applied() == null ? List.of() : payment.applied();
        List<Receivables.Allocation> writtenOff = payment.writtenOff() == null ? List.of() : payment.writtenOff();
        for (Receivables.Allocation a : applied) {
            posting(application, a.itemNumber(), locked.get(a.itemNumber()).customerNumber(), Posting.Kind.APPLIED,
                    a.amount(), payment, null);
        }
        for (Receivables.Allocation a : writtenOff) {
            posting(application, a.itemNumber(), locked.get(a.itemNumber()).customerNumber(), Posting.Kind.WRITTEN_OFF,
                    a.amount(), payment, payment.writeOffAccount());
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

    /**
     * What written postings settled of these items. A join with a VALUES list, not an IN list: H2 would use
     * the (shop, item) index only for the shop and read every posting of the shop.
     */
    private Map<String, BigDecimal> settled(Set<String> numbers) {
        Map<String, BigDecimal> out = new HashMap<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(from + 1000, all.size()));
            ValuesList v = ValuesList.of(chunk, "VARCHAR(40)");
            jdbc.sql("SELECT p.item_number, SUM(p.amount) AS s FROM receivable_postings p JOIN " + v.table()
                            + " ON p.item_number = q.v WHERE p.shop_id = :shop GROUP BY p.item_number")
                    .params(v.params()).param("shop", shop.value())
                    .query(rs -> {
                        out.put(rs.getString("item_number"), rs.getBigDecimal("s"));
                    });
        }
        return out;
    }

    private void posting(long application, String item, String customer, Posting.Kind kind, Money amount,
            Receivables.Payment payment, String account) {
        BigDecimal rounded = amount.rounded().amount();
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
