package org.o2c.receivables;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Actor;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.ValuesList;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open items and the allocation ledger. Everything that settles or reopens an item is a new posting;
 * undo reverses a whole application with new postings. Every change is audited.
 */
@Service
public class Receivables {
    private static final String OPEN_ITEM = """
            INSERT INTO receivable_items (shop_id, number, origin, invoice_id, order_number, customer_number,
                customer_name, issue_date, due_date, gross, currency, creditor_reference, skonto_percent,
                skonto_until, created_at)
            VALUES (:shop, :number, :origin, :invoice, :order, :customer, :name, :issue, :due, :gross, :currency,
                :rf, :skonto, :until, :at) ON CONFLICT DO NOTHING""";

    /** An amount for one open item, by its number. */
    public record Allocation(String itemNumber, Money amount) {}

    /**
     * Money to book against open items: {@code applied} per item, {@code writtenOff} per item (Skonto or a
     * small difference), and {@code customerCredit} for {@code creditCustomerNumber} (an overpayment).
     * {@code source} says where the money came from (e.g. {@code bank-transaction:42}).
     */
    public record Payment(String source, List<Allocation> applied, List<Allocation> writtenOff, Money customerCredit,
            String creditCustomerNumber, String reason, String writeOffAccount) {

        /** A payment whose write-offs name no ledger account. */
        public Payment(String source, List<Allocation> applied, List<Allocation> writtenOff, Money customerCredit,
                String creditCustomerNumber, String reason) {
            this(source, applied, writtenOff, customerCredit, creditCustomerNumber, reason, null);
        }
    }

    /**
     * What {@link #applyIfFree} did: booked under {@code application}, or not booked because of
     * {@code refusal} (an item another transaction is booking right now, or no longer open enough).
     */
    public record Attempt(Long application, String refusal) {
        public boolean booked() {
            return application != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final NamedParameterJdbcTemplate batch;

    Receivables(JdbcClient jdbc, Clock clock, AuditLog audit, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- reading ----

    /** Items still owed (open amount above zero), oldest due date first. */
    @Transactional(readOnly = true)
    public List<OpenItem> openItems(ShopId shop) {
        return items(shop, null, Integer.MAX_VALUE).stream().filter(i -> !i.isSettled()).toList();
    }

    /** Items whose number, customer or order matches {@code search} (all when blank), open or not. */
    @Transactional(readOnly = true)
    public List<OpenItem> search(ShopId shop, String search, int limit) {
        return items(shop, search, limit);
    }

    @Transactional(readOnly = true)
    public Optional<OpenItem> find(ShopId shop, String number) {
        return find(shop, number, true);
    }

    private Optional<OpenItem> find(ShopId shop, String number, boolean withIbans) {
        Map<String, BigDecimal> settled = sums(shop, number);
        Map<String, Set<String>> ibans = withIbans ? ibans(shop) : Map.of();
        return jdbc.sql("SELECT * FROM receivable_items WHERE shop_id = :shop AND number = :n")
                .param("shop", shop.value()).param("n", number)
                .query((rs, i) -> item(rs, settled, ibans)).optional();
    }

    /** The ledger of one item, oldest first. */
    @Transactional(readOnly = true)
    public List<Posting> postings(ShopId shop, String itemNumber) {
        return jdbc.sql("SELECT * FROM receivable_postings WHERE shop_id = :shop AND item_number = :n ORDER BY id")
                .param("shop", shop.value()).param("n", itemNumber).query(Receivables::posting).list();
    }

    /** The postings of one application, in the order they were made. */
    @Transactional(readOnly = true)
    public List<Posting> application(ShopId shop, long applicationId) {
        return jdbc.sql("SELECT * FROM receivable_postings WHERE shop_id = :shop AND application_id = :a ORDER BY id")
                .param("shop", shop.value()).param("a", applicationId).query(Receivables::posting).list();
    }

    /** What payments settled of an item: applied and written off, less chargebacks and reversals (not credit notes). */
    @Transactional(readOnly = true)
    public Money settledByPayments(ShopId shop, String itemNumber, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM receivable_postings
                WHERE shop_id = :shop AND item_number = :n AND kind <> 'CREDITED'""")
                .param("shop", shop.value()).param("n", itemNumber).query(BigDecimal.class).single();
        return Money.of(sum, currency).rounded();
    }

    /** The credit a customer has with the shop from overpayments. */
    @Transactional(readOnly = true)
    public Money customerCredit(ShopId shop, String customerNumber, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM receivable_postings
                WHERE shop_id = :shop AND customer_number = :c AND item_number IS NULL AND currency = :cur""")
                .param("shop", shop.value()).param("c", customerNumber).param("cur", currency.getCurrencyCode())
                .query(BigDecimal.class).single();
        return Money.of(sum, currency).rounded();
    }

    // ---- booking ----

    /**
     * Books a payment: applies and writes off per item and keeps the rest as customer credit, all under
     * one application id that undo reverses. Refuses (422) an unknown item, a wrong currency, an amount
     * that is not positive, and more than is open on an item; nothing is booked then.
     */
    @Transactional
    public long apply(ShopId shop, Payment payment) {
        return book(shop, payment, true).application();
    }

    /**
     * Books a payment like {@link #apply} but never waits for another transaction: when one of its items
     * is being booked elsewhere right now, or has less open than the payment wants (read under the lock),
     * nothing is booked and the refusal says why. The statement import books this way, so two imports
     * (or an import and a person) working on the same invoices never wait for each other in a circle.
     */
    @Transactional
    public Attempt applyIfFree(ShopId shop, Payment payment) {
        return book(shop, payment, false);
    }

    /**
     * Payments to book one after another in this transaction, their postings and audit entries written
     * together (the statement import books thousands). See {@link PaymentBatch}.
     */
    public PaymentBatch batch(ShopId shop) {
        return new PaymentBatch(shop, this, jdbc, batch, clock, audit);
    }

    private Attempt book(ShopId shop, Payment payment, boolean wait) {
        List<Allocation> applied = payment.applied() == null ? List.of() : payment.applied();
        List<Allocation> writtenOff = payment.writtenOff() == null ? List.of() : payment.writtenOff();
        Map<String, Money> perItem = validated(payment);
        Money credit = payment.customerCredit();
        for (Map.Entry<String, Money> e : perItem.entrySet()) {
            Optional<OpenItem> locked = wait ? lock(shop, e.getKey()) : lockIfFree(shop, e.getKey());
            if (locked.isEmpty() && !wait && exists(shop, e.getKey())) {
                return new Attempt(null, e.getKey() + " is being booked by another transaction");
            }
            OpenItem item = locked.orElseThrow(() -> Problem.invalid("allocations",
                    "open item " + e.getKey() + " does not exist"));
            if (!item.gross().currency().equals(e.getValue().currency())) {
                throw Problem.invalid("allocations", item.number() + " is in " + item.gross().currency());
            }
            if (e.getValue().compareTo(item.open()) > 0) {
                String only = "only " + item.open().toPlainString() + " is open on " + item.number();
                if (!wait) {
                    return new Attempt(null, only);
                }
                throw Problem.invalid("allocations", only);
            }
        }
        long application = nextApplication();
        for (Allocation a : applied) {
            insert(shop, application, a.itemNumber(), customerOf(shop, a.itemNumber()), Posting.Kind.APPLIED,
                    a.amount(), payment.source(), null, payment.reason(), null, null);
        }
        for (Allocation a : writtenOff) {
            insert(shop, application, a.itemNumber(), customerOf(shop, a.itemNumber()), Posting.Kind.WRITTEN_OFF,
                    a.amount(), payment.source(), null, payment.reason(), null, payment.writeOffAccount());
        }
        if (credit != null && !credit.isZero()) {
            insert(shop, application, null, payment.creditCustomerNumber(), Posting.Kind.CUSTOMER_CREDIT, credit,
                    payment.source(), null, payment.reason(), null, null);
        }
        Map<String, Object> details = details(payment.source(), applied, writtenOff, credit);
        if (!writtenOff.isEmpty() && payment.writeOffAccount() != null) {
            details.put("writeOffAccount", payment.writeOffAccount());
        }
        audit.record(shop, "payment.applied", "receivable-application", String.valueOf(application), payment.reason(),
                details);
        return new Attempt(application, null);
    }

    /** The payment's amounts per item, in the order of the numbers; refuses (422) what cannot be booked. */
    Map<String, Money> validated(Payment payment) {
        List<Allocation> applied = payment.applied() == null ? List.of() : payment.applied();
        List<Allocation> writtenOff = payment.writtenOff() == null ? List.of() : payment.writtenOff();
        // Items are locked in the order of their numbers: two bookings never wait for each other in a circle.
        Map<String, Money> perItem = new TreeMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        check("allocations", applied, perItem, errors);
        check("writeOffs", writtenOff, perItem, errors);
        Money credit = payment.customerCredit();
        if (credit != null && credit.isNegative()) {
            errors.add(new Problem.FieldError("customerCredit", "must not be negative"));
        }
        if (credit != null && !credit.isZero() && blank(payment.creditCustomerNumber())) {
            errors.add(new Problem.FieldError("customerCredit", "needs the customer it belongs to"));
        }
        if (perItem.isEmpty() && (credit == null || credit.isZero())) {
            errors.add(new Problem.FieldError("allocations", "nothing to book"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return perItem;
    }

    /** Reopens items because their payment was pulled back (chargeback, returned direct debit). */
    @Transactional
    public long reopen(ShopId shop, String source, List<Allocation> items, String reason) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check("items", items, new LinkedHashMap<>(), errors);
        if (items.isEmpty()) {
            errors.add(new Problem.FieldError("items", "nothing to reopen"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        for (Allocation a : items) {
            if (!exists(shop, a.itemNumber())) {
                throw Problem.invalid("items", a.itemNumber() + " does not exist");
            }
        }
        // No lock: reopening only raises what is open, which no concurrent booking can overdraw. The
        // statement import reopens this way and so never waits for an item another transaction holds.
        long application = nextApplication();
        for (Allocation a : items) {
            insert(shop, application, a.itemNumber(), customerOf(shop, a.itemNumber()), Posting.Kind.CHARGEBACK,
                    a.amount().times(-1), source, null, reason, null, null);
        }
        audit.record(shop, "payment.reopened", "receivable-application", String.valueOf(application), reason,
                details(source, items, List.of(), null));
        return application;
    }

    /**
     * Undoes an application with reversing postings (never a delete); answers the reversal's application id.
     * An application that was already undone answers 409.
     */
    @Transactional
    public long reverse(ShopId shop, long applicationId, String reason) {
        List<Posting> rows = application(shop, applicationId).stream()
                .filter(p -> p.kind() != Posting.Kind.REVERSED && p.kind() != Posting.Kind.CREDITED).toList();
        if (rows.isEmpty()) {
            throw Problem.notFound("application " + applicationId);
        }
        // Lock in the order of the numbers, and refuse a reversal that would settle more than is open
        // (undoing a chargeback after the invoice was paid again).
        Map<String, Money> settles = new TreeMap<>();
        for (Posting p : rows) {
            if (p.itemNumber() != null) {
                settles.merge(p.itemNumber(), p.amount().times(-1), Money::add);
            }
        }
        for (Map.Entry<String, Money> e : settles.entrySet()) {
            Optional<OpenItem> item = lock(shop, e.getKey());
            if (item.isPresent() && e.getValue().amount().signum() > 0 && e.getValue().compareTo(item.get().open()) > 0) {
                throw Problem.conflict("would-overpay", "Would settle too much", "undoing application " + applicationId
                        + " would settle " + e.getValue().toPlainString() + " of " + e.getKey() + ", but only "
                        + item.get().open().toPlainString() + " is open; undo the later payment first");
            }
        }
        Integer reversed = jdbc.sql("""
                SELECT COUNT(*) FROM receivable_postings r JOIN receivable_postings o ON r.reverses = o.id
                WHERE o.shop_id = :shop AND o.application_id = :a""")
                .param("shop", shop.value()).param("a", applicationId).query(Integer.class).single();
        if (reversed > 0) {
            throw Problem.conflict("already-reversed", "Already undone", "application " + applicationId + " was undone before");
        }
        long reversal = nextApplication();
        for (Posting p : rows) {
            insert(shop, reversal, p.itemNumber(), p.customerNumber(), Posting.Kind.REVERSED, p.amount().times(-1),
                    p.source(), p.id(), reason, null, p.account());
        }
        audit.record(shop, "payment.reversed", "receivable-application", String.valueOf(applicationId), reason,
                Map.of("reversal", reversal));
        return reversal;
    }

    /** Remembers that a customer pays from this IBAN; answers whether it was new. */
    @Transactional
    public boolean rememberPayer(ShopId shop, String iban, String customerNumber, String learnedFrom) {
        if (blank(iban) || blank(customerNumber)) {
            return false;
        }
        String normalized = iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        int inserted = jdbc.sql("""
                INSERT INTO receivable_payer_accounts (shop_id, iban, customer_number, learned_from, learned_at)
                VALUES (:shop, :iban, :c, :from, :at) ON CONFLICT DO NOTHING""")
                .param("shop", shop.value()).param("iban", normalized).param("c", customerNumber)
                .param("from", learnedFrom).param("at", Timestamp.from(clock.instant())).update();
        if (inserted == 1) {
            audit.record(shop, "payer.learned", "customer", customerNumber, null, Map.of("iban", normalized,
                    "from", learnedFrom));
        }
        return inserted == 1;
    }

    // ---- package: used by the listener and the import ----

    /** Opens an item once; answers whether it was new. */
    boolean open(ShopId shop, OpenItem item) {
        int inserted = jdbc.sql(OPEN_ITEM)
                .param("shop", shop.value()).param("number", item.number()).param("origin", item.origin().name())
                .param("invoice", item.invoiceId()).param("order", item.orderNumber())
                .param("customer", item.customerNumber()).param("name", item.customerName())
                .param("issue", item.issueDate()).param("due", item.dueDate()).param("gross", item.gross().amount())
                .param("currency", item.gross().currency().getCurrencyCode()).param("rf", item.creditorReference())
                .param("skonto", item.skontoPercent()).param("until", item.skontoUntil())
                .param("at", Timestamp.from(clock.instant())).update();
        return inserted == 1;
    }

    /**
     * Opens many items at once (the open-items import): the numbers already known are left out, the rest go in
     * one JDBC batch per thousand. Answers the numbers opened. Two imports of the same numbers at once cannot
     * both open one: the insert still does nothing on a known number, though the answer may then count it.
     */
    List<String> openAll(ShopId shop, List<OpenItem> items) {
        List<String> opened = new ArrayList<>();
        Timestamp at = Timestamp.from(clock.instant());
        for (int from = 0; from < items.size(); from += 1000) {
            List<OpenItem> chunk = items.subList(from, Math.min(from + 1000, items.size()));
            Set<String> known = knownNumbers(shop, chunk.stream().map(OpenItem::number).toList());
            List<MapSqlParameterSource> rows = new ArrayList<>();
            for (OpenItem item : chunk) {
                if (known.contains(item.number())) {
                    continue;
                }
                rows.add(new MapSqlParameterSource().addValue("shop", shop.value()).addValue("number", item.number())
                        .addValue("origin", item.origin().name()).addValue("invoice", item.invoiceId(), Types.VARCHAR)
                        .addValue("order", item.orderNumber(), Types.VARCHAR)
                        .addValue("customer", item.customerNumber(), Types.VARCHAR)
                        .addValue("name", item.customerName(), Types.VARCHAR).addValue("issue", item.issueDate())
                        .addValue("due", item.dueDate()).addValue("gross", item.gross().amount())
                        .addValue("currency", item.gross().currency().getCurrencyCode())
                        .addValue("rf", item.creditorReference(), Types.VARCHAR)
                        .addValue("skonto", item.skontoPercent(), Types.DECIMAL)
                        .addValue("until", item.skontoUntil(), Types.DATE).addValue("at", at));
                opened.add(item.number());
            }
            if (!rows.isEmpty()) {
                batch.batchUpdate(OPEN_ITEM, rows.toArray(MapSqlParameterSource[]::new));
            }
        }
        return opened;
    }

    /** A customer who pays from this IBAN (an IBAN may be known for several customers). */
    record Payer(String iban, String customerNumber) {}

    /** Remembers many payers at once; the new ones are audited as learned. */
    void rememberPayers(ShopId shop, Set<Payer> payers, String learnedFrom) {
        List<Payer> all = List.copyOf(payers);
        Timestamp at = Timestamp.from(clock.instant());
        for (int from = 0; from < all.size(); from += 1000) {
            List<Payer> chunk = all.subList(from, Math.min(from + 1000, all.size()));
            Set<Payer> known = new HashSet<>();
            ValuesList v = ValuesList.of(chunk.stream().map(Payer::iban).distinct().toList(), "VARCHAR(34)");
            jdbc.sql("SELECT t.iban, t.customer_number FROM receivable_payer_accounts t JOIN " + v.table()
                            + " ON t.iban = q.v WHERE t.shop_id = :shop")
                    .params(v.params()).param("shop", shop.value())
                    .query(rs -> {
                        known.add(new Payer(rs.getString(1), rs.getString(2)));
                    });
            List<MapSqlParameterSource> rows = new ArrayList<>();
            List<AuditLog.Change> learned = new ArrayList<>();
            for (Payer p : chunk) {
                if (known.add(p)) {
                    rows.add(new MapSqlParameterSource().addValue("shop", shop.value()).addValue("iban", p.iban())
                            .addValue("c", p.customerNumber()).addValue("from", learnedFrom).addValue("at", at));
                    learned.add(new AuditLog.Change("payer.learned", "customer", p.customerNumber(), null,
                            Map.of("iban", p.iban(), "from", learnedFrom)));
                }
            }
            if (!rows.isEmpty()) {
                batch.batchUpdate("""
                        INSERT INTO receivable_payer_accounts (shop_id, iban, customer_number, learned_from, learned_at)
                        VALUES (:shop, :iban, :c, :from, :at) ON CONFLICT DO NOTHING""",
                        rows.toArray(MapSqlParameterSource[]::new));
                audit.recordAll(shop, learned);
            }
        }
    }

    /** Which of these item numbers the shop has already (through the (shop, number) key). */
    private Set<String> knownNumbers(ShopId shop, List<String> numbers) {
        ValuesList v = ValuesList.of(numbers, "VARCHAR(40)");
        return new HashSet<>(jdbc.sql("SELECT t.number FROM receivable_items t JOIN " + v.table()
                        + " ON t.number = q.v WHERE t.shop_id = :shop")
                .params(v.params()).param("shop", shop.value()).query(String.class).list());
    }

    boolean exists(ShopId shop, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM receivable_items WHERE shop_id = :shop AND number = :n")
                .param("shop", shop.value()).param("n", number).query(Integer.class).single() > 0;
    }

    /** Posts a credit note once, however often its event arrives. */
    boolean credit(ShopId shop, String creditNoteId, String creditNoteNumber, String invoiceNumber, Money gross) {
        int inserted = jdbc.sql("""
                INSERT INTO receivable_postings (shop_id, application_id, item_number, customer_number, kind, amount,
                    currency, source, reverses, credit_note_id, reason, posted_at, posted_by)
                VALUES (:shop, :a, :item, NULL, 'CREDITED', :amount, :currency, :source, NULL, :cn, NULL, :at, :by)
                ON CONFLICT DO NOTHING""")
                .param("shop", shop.value()).param("a", nextApplication()).param("item", invoiceNumber)
                .param("amount", gross.amount()).param("currency", gross.currency().getCurrencyCode())
                .param("source", "credit-note:" + creditNoteNumber).param("cn", creditNoteId)
                .param("at", Timestamp.from(clock.instant())).param("by", Actor.current()).update();
        return inserted == 1;
    }

    // ---- internals ----

    private void check(String field, List<Allocation> list, Map<String, Money> perItem, List<Problem.FieldError> errors) {
        for (int i = 0; i < list.size(); i++) {
            Allocation a = list.get(i);
            if (a == null || blank(a.itemNumber())) {
                errors.add(new Problem.FieldError(field + "[" + i + "].invoiceNumber", "is required"));
            } else if (a.amount() == null || a.amount().amount().signum() <= 0 || a.amount().amount().scale() > 2
                    && a.amount().amount().stripTrailingZeros().scale() > 2) {
                errors.add(new Problem.FieldError(field + "[" + i + "].amount", "must be a positive amount with two places"));
            } else {
                perItem.merge(a.itemNumber(), a.amount(), Money::add);
            }
        }
    }

    /** Waits for the item's row lock, then reads what is open now (after the holder committed). */
    private Optional<OpenItem> lock(ShopId shop, String number) {
        jdbc.sql("SELECT number FROM receivable_items WHERE shop_id = :shop AND number = :n FOR UPDATE")
                .param("shop", shop.value()).param("n", number).query(String.class).optional();
        // Booking needs the open amount, not the payer accounts: a statement books thousands of lines.
        return find(shop, number, false);
    }

    /** Locks the item unless another transaction holds it (then empty), and reads what is open now. */
    private Optional<OpenItem> lockIfFree(ShopId shop, String number) {
        Optional<String> locked = jdbc.sql(
                        "SELECT number FROM receivable_items WHERE shop_id = :shop AND number = :n FOR UPDATE SKIP LOCKED")
                .param("shop", shop.value()).param("n", number).query(String.class).optional();
        return locked.isEmpty() ? Optional.empty() : find(shop, number, false);
    }

    private String customerOf(ShopId shop, String number) {
        return jdbc.sql("SELECT customer_number FROM receivable_items WHERE shop_id = :shop AND number = :n")
                .param("shop", shop.value()).param("n", number).query(String.class).optional().orElse(null);
    }

    /** {@code count} new application ids in one query, ascending. */
    List<Long> nextApplications(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < :n)"
                        + " SELECT nextval('receivable_applications') FROM r")
                .param("n", count).query(Long.class).list().stream().sorted().toList();
    }

    long nextApplication() {
        return jdbc.sql("SELECT nextval('receivable_applications')").query(Long.class).single();
    }

    private void insert(ShopId shop, long application, String item, String customer, Posting.Kind kind, Money amount,
            String source, Long reverses, String reason, String creditNoteId, String account) {
        jdbc.sql("""
                INSERT INTO receivable_postings (shop_id, application_id, item_number, customer_number, kind, amount,
                    currency, source, reverses, credit_note_id, reason, posted_at, posted_by, account)
                VALUES (:shop, :a, :item, :customer, :kind, :amount, :currency, :source, :reverses, :cn, :reason, :at, :by,
                    :account)""")
                .param("shop", shop.value()).param("a", application).param("item", item).param("customer", customer)
                .param("kind", kind.name()).param("amount", amount.rounded().amount())
                .param("currency", amount.currency().getCurrencyCode()).param("source", truncate(source, 100))
                .param("reverses", reverses).param("cn", creditNoteId).param("reason", truncate(reason, 500))
                .param("at", Timestamp.from(clock.instant())).param("by", truncate(Actor.current(), 200))
                .param("account", account).update();
    }

    private List<OpenItem> items(ShopId shop, String search, int limit) {
        Map<String, BigDecimal> settled = sums(shop, null);
        Map<String, Set<String>> ibans = ibans(shop);
        String like = blank(search) ? null : "%" + search.strip().toLowerCase(java.util.Locale.ROOT) + "%";
        return jdbc.sql("SELECT * FROM receivable_items WHERE shop_id = :shop"
                        + (like == null ? "" : " AND (LOWER(number) LIKE :q OR LOWER(customer_name) LIKE :q"
                        + " OR LOWER(customer_number) LIKE :q OR LOWER(order_number) LIKE :q)")
                        + " ORDER BY due_date, number LIMIT :limit")
                .param("shop", shop.value()).param("q", like).param("limit", limit)
                .query((rs, i) -> item(rs, settled, ibans)).list();
    }

    private Map<String, BigDecimal> sums(ShopId shop, String number) {
        Map<String, BigDecimal> out = new HashMap<>();
        jdbc.sql("SELECT item_number, SUM(amount) AS s FROM receivable_postings WHERE shop_id = :shop"
                        + " AND item_number IS NOT NULL" + (number == null ? "" : " AND item_number = :n")
                        + " GROUP BY item_number")
                .param("shop", shop.value()).param("n", number)
                .query(rs -> {
                    out.put(rs.getString("item_number"), rs.getBigDecimal("s"));
                });
        return out;
    }

    private Map<String, Set<String>> ibans(ShopId shop) {
        Map<String, Set<String>> out = new HashMap<>();
        jdbc.sql("SELECT customer_number, iban FROM receivable_payer_accounts WHERE shop_id = :shop")
                .param("shop", shop.value())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString("customer_number"), k -> new TreeSet<>()).add(rs.getString("iban"));
                });
        return out;
    }

    private static OpenItem item(ResultSet rs, Map<String, BigDecimal> settled, Map<String, Set<String>> ibans)
            throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        Money gross = Money.of(rs.getBigDecimal("gross"), currency);
        Money open = gross.subtract(Money.of(settled.getOrDefault(rs.getString("number"), BigDecimal.ZERO), currency)).rounded();
        String customer = rs.getString("customer_number");
        java.sql.Date until = rs.getDate("skonto_until");
        return new OpenItem(rs.getString("number"), OpenItem.Origin.valueOf(rs.getString("origin")),
                rs.getString("invoice_id"), rs.getString("order_number"), customer, rs.getString("customer_name"),
                rs.getDate("issue_date").toLocalDate(), rs.getDate("due_date").toLocalDate(), gross, open,
                rs.getString("creditor_reference"), rs.getBigDecimal("skonto_percent"),
                until == null ? null : until.toLocalDate(),
                customer == null ? Set.of() : Set.copyOf(ibans.getOrDefault(customer, Set.of())));
    }

    private static Posting posting(ResultSet rs, int i) throws SQLException {
        Object reverses = rs.getObject("reverses");
        return new Posting(rs.getLong("id"), rs.getLong("application_id"), rs.getString("item_number"),
                rs.getString("customer_number"), Posting.Kind.valueOf(rs.getString("kind")),
                Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency").trim())),
                rs.getString("source"), reverses == null ? null : ((Number) reverses).longValue(), rs.getString("reason"),
                rs.getTimestamp("posted_at").toInstant(), rs.getString("posted_by"), rs.getString("account"));
    }

    static Map<String, Object> details(String source, List<Allocation> applied, List<Allocation> writtenOff,
            Money credit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("applied", applied.stream().map(a -> a.itemNumber() + " " + a.amount().toPlainString()).toList());
        if (!writtenOff.isEmpty()) {
            m.put("writtenOff", writtenOff.stream().map(a -> a.itemNumber() + " " + a.amount().toPlainString()).toList());
        }
        if (credit != null && !credit.isZero()) {
            m.put("customerCredit", credit.toPlainString());
        }
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
