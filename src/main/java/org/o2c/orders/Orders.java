package org.o2c.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.o2c.audit.AuditLog;
import org.o2c.catalog.Catalog;
import org.o2c.catalog.Product;
import org.o2c.customers.Customers;
import org.o2c.inventory.Inventory;
import org.o2c.shared.Actor;
import org.o2c.shared.CustomerId;
import org.o2c.shared.LinkSigner;
import org.o2c.shared.Money;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes orders and moves them through their life. Intake is one transaction: validation, pricing,
 * customer, duplicate and fraud signals, stock reservation, the order and its history, the audit
 * entry and the events — all or nothing.
 */
@Service
public class Orders {
    static final String CONFIRM_PURPOSE = "order-confirm";

    /** The outcome of intake: the order, and whether this call created it (false: replay of an externalId). */
    public record Taken(Order order, boolean created) {}

    /** One row of the orders list. */
    public record Summary(OrderId id, String number, String externalId, String customerName, String email,
            Money gross, OrderStatus status, HoldReason holdReason, int fraudScore, Instant placedAt) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Customers customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final LinkSigner links;
    private final JsonMapper json;
    private final OrderSettings settings;
    private final org.springframework.beans.factory.ObjectProvider<ShipPromise> promise;

    Orders(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, Catalog catalog, Inventory inventory,
            Customers customers, AuditLog audit, ApplicationEventPublisher events, LinkSigner links, JsonMapper json,
            OrderSettings settings, org.springframework.beans.factory.ObjectProvider<ShipPromise> promise) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.catalog = catalog;
        this.inventory = inventory;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.links = links;
        this.json = json;
        this.settings = settings;
        this.promise = promise;
    }

    @Transactional
    public Taken take(ShopId shop, OrderIntake intake) {
        Validation v = new Validation();
        ValidIntake in = IntakeValidator.validate(intake, v);
        if (v.isValid() && in.externalId() != null) {
            Optional<Order> existing = byExternalId(shop, in.externalId());
            if (existing.isPresent()) {
                return new Taken(existing.get(), false);
            }
        }
        Map<Sku, Product> products = catalog.findAll(shop, in.lines().stream().map(ValidIntake.ValidLine::sku).toList());
        List<Order.Line> lines = new ArrayList<>();
        Map<BigDecimal, Money> goodsByRate = new TreeMap<>();
        Currency currency = in.currency();
        for (ValidIntake.ValidLine l : in.lines()) {
            Product p = products.get(l.sku());
            if (p == null) {
                v.reject("lines[" + l.index() + "].sku", "unknown SKU " + l.sku());
                continue;
            }
            if (currency == null) {
                continue;
            }
            if (!p.price().currency().equals(currency)) {
                v.reject("currency", l.sku() + " is priced in " + p.price().currency().getCurrencyCode());
                continue;
            }
            Money unit = l.unitPrice() == null ? p.price() : Money.of(l.unitPrice(), currency);
            Money gross = unit.times(l.quantity()).rounded();
            BigDecimal rate = IndicativeVat.rate(p.taxCategory().name());
            goodsByRate.merge(rate, gross, Money::add);
            lines.add(new Order.Line(lines.size() + 1, p.sku().value(), p.name(), l.quantity(), unit,
                    p.taxCategory().name(), rate, gross));
        }
        v.throwIfInvalid();
        Money shipping = Money.of(in.shippingCost(), currency);
        Order.Totals totals = IndicativeVat.totals(goodsByRate, shipping);

        // Stored timestamps keep microseconds: the answer built below equals what a later read shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Customers.Registration registration = customers.register(shop, in.email(), in.name(), in.company(), in.vatId());
        CustomerId customerId = registration.customer().id();

        RecentOrders recent = recentOrders(shop, in, customerId, now);
        Optional<String> duplicateOf = Optional.ofNullable(recent.duplicateOf());
        FraudPolicy.Context ctx = new FraudPolicy.Context(registration.isNew() || !recent.customerHasOrders(),
                settings.firstOrderHighValue(), recent.byEmail(), recent.byIp(), recent.byDevice(),
                settings.velocityMaxOrders(), settings.velocityWindowMinutes());
        List<Order.FraudSignal> signals = FraudPolicy.assess(in, totals.gross().amount(), ctx);
        int score = FraudPolicy.score(signals);
        boolean suspicious = score >= settings.holdThreshold();

        HoldReason hold = duplicateOf.isPresent() ? HoldReason.POSSIBLE_DUPLICATE : suspicious ? HoldReason.FRAUD_REVIEW : null;
        String holdDetail = null;
        if (duplicateOf.isPresent()) {
            holdDetail = "same customer and lines as order " + duplicateOf.get() + " a few minutes earlier";
            if (suspicious) {
                holdDetail += "; fraud score " + score;
            }
        } else if (suspicious) {
            holdDetail = "fraud score " + score + ": " + signals.stream().map(Order.FraudSignal::detail)
                    .reduce((a, b) -> a + "; " + b).orElse("");
        }
        OrderStatus status = hold != null ? OrderStatus.ON_HOLD : in.paymentMethod().statusOnceCleared();

        OrderId id = new OrderId(UUID.randomUUID());
        inventory.reserve(shop, id, lines.stream()
                .map(l -> new Inventory.ReservationLine(l.lineNo() - 1, new Sku(l.sku()), l.quantity())).toList());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id.toString());
        row.put("shop", shop.value());
        row.put("ext", in.externalId());
        row.put("channel", in.channel());
        row.put("customerId", customerId.toString());
        row.put("customerNumber", registration.customer().number());
        row.put("email", in.email());
        row.put("customerName", in.name());
        row.put("company", in.company());
        row.put("vatId", in.vatId());
        row.put("buyerReference", in.buyerReference());
        row.put("language", in.language());
        address(row, "b", in.billing());
        address(row, "s", in.shipping());
        row.put("payment", in.paymentMethod().name());
        row.put("currency", currency.getCurrencyCode());
        row.put("shippingGross", shipping.rounded().amount());
        row.put("net", totals.net().amount());
        row.put("tax", totals.tax().amount());
        row.put("gross", totals.gross().amount());
        row.put("status", status.name());
        row.put("hold", hold == null ? null : hold.name());
        row.put("holdDetail", truncate(holdDetail, 1000));
        row.put("score", score);
        row.put("signals", signals.isEmpty() ? null : json.writeValueAsString(signals));
        row.put("signature", truncate(in.lineSignature(), 2000));
        row.put("ip", in.clientIp());
        row.put("device", in.clientDevice());
        row.put("agent", in.userAgent());
        row.put("at", Timestamp.from(now));
        row.put("carrier", in.carrier());
        ShipPromise shipPromise = promise.getIfAvailable();
        java.time.LocalDate promised = shipPromise == null ? null : shipPromise.promisedShipDate(shop, now, in.carrier());
        row.put("promised", promised);
        // The order number is drawn by the insert itself and comes back with it (one round trip less).
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO orders (id, shop_id, number, external_id, channel, customer_id, customer_number, email,
                    customer_name, company, vat_id, buyer_reference, language,
                    billing_name, billing_company, billing_street, billing_street2, billing_postal_code, billing_city,
                    billing_country, shipping_name, shipping_company, shipping_street, shipping_street2,
                    shipping_postal_code, shipping_city, shipping_country, payment_method, currency, shipping_gross,
                    net_total, tax_total, gross_total, status, hold_reason, hold_detail, fraud_score, fraud_signals,
                    line_signature, client_ip, client_device, client_user_agent, placed_at, updated_at, carrier,
                    promised_ship_date)
                VALUES (:id, :shop, CAST(nextval('order_numbers') AS VARCHAR(20)), :ext, :channel, :customerId,
                    :customerNumber, :email, :customerName,
                    :company, :vatId, :buyerReference, :language, :bName, :bCompany, :bStreet, :bStreet2, :bPostal, :bCity, :bCountry,
                    :sName, :sCompany, :sStreet, :sStreet2, :sPostal, :sCity, :sCountry, :payment, :currency,
                    :shippingGross, :net, :tax, :gross, :status, :hold, :holdDetail, :score, :signals, :signature,
                    :ip, :device, :agent, :at, :at, :carrier, :promised)""")
                .params(row).update(keys, "number");
        String number = String.valueOf(keys.getKeyList().get(0).get("number"));
        batch.batchUpdate("""
                INSERT INTO order_lines (shop_id, order_id, line_no, sku, name, quantity, unit_price, tax_category,
                    tax_rate, line_gross)
                VALUES (:shop, :order, :no, :sku, :name, :qty, :unit, :cat, :rate, :gross)""",
                lines.stream().map(l -> new MapSqlParameterSource()
                        .addValue("shop", shop.value()).addValue("order", id.toString()).addValue("no", l.lineNo())
                        .addValue("sku", l.sku()).addValue("name", l.name()).addValue("qty", l.quantity())
                        .addValue("unit", l.unitPrice().amount()).addValue("cat", l.taxCategory())
                        .addValue("rate", l.taxRate()).addValue("gross", l.gross().amount()))
                        .toArray(SqlParameterSource[]::new));
        String actor = Actor.current();
        List<Order.StatusChange> history = List.of(
                new Order.StatusChange(OrderStatus.NEW, truncate("received via " + in.channel(), 1000), actor, now),
                new Order.StatusChange(status, truncate(hold == null ? null : hold.name() + ": " + holdDetail, 1000),
                        actor, now));
        history(shop, id, history);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", number);
        details.put("externalId", in.externalId());
        details.put("gross", totals.gross().toPlainString());
        details.put("status", status.name());
        details.put("fraudScore", score);
        if (hold != null) {
            details.put("hold", hold.name());
        }
        audit.record(shop, "order.placed", "order", id.toString(), holdDetail, details);
        events.publishEvent(new OrderPlaced(shop, id, number, status));
        if (hold == HoldReason.FRAUD_REVIEW) {
            events.publishEvent(new OrderConfirmationRequested(shop, id, number, in.email(), in.name(), in.language(),
                    confirmUrl(id)));
        }
        // The answer is what was just written, built from memory rather than read back.
        Order order = new Order(id, number, in.externalId(), in.channel(), customerId,
                registration.customer().number(), in.email(), in.name(), in.company(), in.vatId(), in.buyerReference(),
                in.language(), in.billing(), in.shipping(), in.paymentMethod(), shipping.rounded(), totals, status,
                hold, truncate(holdDetail, 1000), score, signals, in.clientIp(), in.clientDevice(), now, lines, history,
                in.carrier(), promised);
        return new Taken(order, true);
    }

    /** The signed link that lets the buyer confirm a held order (valid 14 days). */
    String confirmUrl(OrderId id) {
        LinkSigner.Signature sig = links.sign(CONFIRM_PURPOSE, id.toString(), Duration.ofDays(14));
        return settings.baseUrl() + "/portal/orders/" + id + "/confirm?" + sig.query();
    }

    boolean verifyConfirmLink(OrderId id, long expires, String sig) {
        return links.verify(CONFIRM_PURPOSE, id.toString(), expires, sig);
    }

    /** What the duplicate and fraud checks need to know about the shop's recent orders. */
    private record RecentOrders(String duplicateOf, int byEmail, int byIp, int byDevice, boolean customerHasOrders) {}

    /**
     * The duplicate check (same buyer and lines within minutes), the velocity counts by e-mail, IP and
     * device, and whether the customer ordered before, in one round trip. Each count is its own
     * subquery so that each uses its own index (one query with OR would read every order of the shop on H2).
     */
    private RecentOrders recentOrders(ShopId shop, ValidIntake in, CustomerId customer, Instant now) {
        return jdbc.sql("""
                SELECT (SELECT number FROM orders
                        WHERE shop_id = :shop AND email = :email AND line_signature = :sig AND placed_at >= :dupSince
                          AND status <> 'CANCELLED'
                        ORDER BY placed_at DESC LIMIT 1),
                       (SELECT COUNT(*) FROM orders WHERE shop_id = :shop AND email = :email AND placed_at >= :since),
                       (SELECT COUNT(*) FROM orders WHERE shop_id = :shop AND client_ip = :ip AND placed_at >= :since),
                       (SELECT COUNT(*) FROM orders WHERE shop_id = :shop AND client_device = :device
                          AND placed_at >= :since),
                       (SELECT COUNT(*) FROM orders WHERE shop_id = :shop AND customer_id = :customer)""")
                .param("shop", shop.value()).param("email", in.email()).param("ip", in.clientIp())
                .param("device", in.clientDevice()).param("customer", customer.toString())
                .param("sig", truncate(in.lineSignature(), 2000))
                .param("dupSince", Timestamp.from(now.minus(Duration.ofMinutes(settings.duplicateWindowMinutes()))))
                .param("since", Timestamp.from(now.minus(Duration.ofMinutes(settings.velocityWindowMinutes()))))
                .query((rs, i) -> new RecentOrders(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5) > 0))
                .single();
    }

    // ---- life of an order ----

    /** Releases a held order to where it would have gone without the hold. */
    @Transactional
    public Order release(ShopId shop, OrderId id, String reason) {
        String why = requireReason(reason);
        Order order = lock(shop, id);
        if (order.status() != OrderStatus.ON_HOLD) {
            throw Problem.conflict("invalid-status", "Order is not on hold", "order " + order.number() + " is " + order.status());
        }
        if (order.holdReason() == HoldReason.SHORT_PICK) {
            throw Problem.conflict("short-pick-open", "Resolve the short pick",
                    "order " + order.number() + " waits for its short pick to be resolved in picking (re-pick, recount,"
                            + " cancel the line or the order)");
        }
        return move(shop, order, order.paymentMethod().statusOnceCleared(), why, Actor.current(), "order.released");
    }

    /** The buyer confirmed a held order through the signed link. Confirming twice changes nothing. */
    @Transactional
    public Order confirmByCustomer(ShopId shop, OrderId id) {
        Order order = lock(shop, id);
        if (order.status() != OrderStatus.ON_HOLD || order.holdReason() != HoldReason.FRAUD_REVIEW) {
            return order;
        }
        return move(shop, order, order.paymentMethod().statusOnceCleared(), "confirmed by the customer",
                "customer:" + order.email(), "order.confirmed-by-customer");
    }

    /** Puts an order on hold by hand, for example while a question with the buyer is open. */
    @Transactional
    public Order hold(ShopId shop, OrderId id, String reason) {
        String why = requireReason(reason);
        Order order = lock(shop, id);
        if (order.status() != OrderStatus.CONFIRMED && order.status() != OrderStatus.AWAITING_PAYMENT) {
            throw Problem.conflict("invalid-status", "Order cannot be held", "order " + order.number() + " is " + order.status());
        }
        jdbc.sql("UPDATE orders SET hold_reason = 'MANUAL', hold_detail = :d WHERE id = :id")
                .param("d", truncate(why, 1000)).param("id", id.toString()).update();
        return move(shop, order, OrderStatus.ON_HOLD, why, Actor.current(), "order.held");
    }

    /** Cancels the order and gives its reserved stock back. */
    @Transactional
    public Order cancel(ShopId shop, OrderId id, String reason) {
        String why = requireReason(reason);
        Order order = lock(shop, id);
        if (order.status() == OrderStatus.PICKING) {
            throw Problem.conflict("order-in-picking", "Order cannot be cancelled while it is picked",
                    "order " + order.number() + " is in a pick wave: take it out of the wave (or cancel the wave) first,"
                            + " so its items go back to the shelf");
        }
        if (!OrderStatus.CANCELLABLE.contains(order.status())) {
            throw Problem.conflict("invalid-status", "Order cannot be cancelled", "order " + order.number() + " is " + order.status());
        }
        inventory.release(shop, id, "order " + order.number() + " cancelled: " + why);
        return move(shop, order, OrderStatus.CANCELLED, why, Actor.current(), "order.cancelled");
    }

    /**
     * The order's parcel left: its reserved stock is issued and the order becomes {@code SHIPPED}, in the
     * caller's transaction. Only a confirmed order (picked or not) ships; shipping a shipped order again changes
     * nothing.
     */
    @Transactional
    public Order ship(ShopId shop, OrderId id, String reason) {
        Order order = lock(shop, id);
        if (order.status() == OrderStatus.SHIPPED) {
            return order;
        }
        if (!OrderStatus.SHIPPABLE.contains(order.status())) {
            String type = switch (order.status()) {
                case ON_HOLD -> "order-on-hold";
                case CANCELLED -> "order-cancelled";
                case AWAITING_PAYMENT -> "awaiting-payment";
                default -> "invalid-status";
            };
            throw Problem.conflict(type, "Order cannot be shipped", "order " + order.number() + " is "
                    + order.status() + (order.status() == OrderStatus.ON_HOLD ? ": release it first" : ""));
        }
        inventory.issue(shop, id, "order " + order.number() + " shipped");
        return move(shop, order, OrderStatus.SHIPPED, reason, Actor.current(), "order.shipped");
    }

    // ---- picking (the warehouse calls these inside its own transaction) ----

    /** The order went into a pick wave: {@code CONFIRMED} becomes {@code PICKING}. */
    @Transactional
    public Order startPicking(ShopId shop, OrderId id, String reason) {
        Order order = lock(shop, id);
        if (order.status() != OrderStatus.CONFIRMED) {
            throw Problem.conflict("invalid-status", "Order cannot be picked", "order " + order.number() + " is " + order.status());
        }
        return move(shop, order, OrderStatus.PICKING, reason, Actor.current(), "order.picking-started");
    }

    /**
     * The order left picking without being shipped (its wave was cancelled or it was taken out): back to
     * {@code CONFIRMED}, ready for another wave. An order not in picking is left as it is.
     */
    @Transactional
    public Order stopPicking(ShopId shop, OrderId id, String reason) {
        Order order = lock(shop, id);
        if (order.status() != OrderStatus.PICKING) {
            return order;
        }
        return move(shop, order, OrderStatus.CONFIRMED, reason, Actor.current(), "order.picking-stopped");
    }

    /** The picker found less than the order needs: it is held until the warehouse resolves the short pick. */
    @Transactional
    public Order holdForShortPick(ShopId shop, OrderId id, String reason) {
        Order order = lock(shop, id);
        if (order.status() == OrderStatus.ON_HOLD && order.holdReason() == HoldReason.SHORT_PICK) {
            return order;
        }
        if (order.status() != OrderStatus.PICKING && order.status() != OrderStatus.CONFIRMED) {
            return order;
        }
        jdbc.sql("UPDATE orders SET hold_reason = 'SHORT_PICK', hold_detail = :d WHERE id = :id")
                .param("d", truncate(reason, 1000)).param("id", id.toString()).update();
        return move(shop, order, OrderStatus.ON_HOLD, reason, Actor.current(), "order.held");
    }

    /** The short pick is resolved: the order is back in picking (re-picked, or complete as it is). */
    @Transactional
    public Order resumePicking(ShopId shop, OrderId id, String reason) {
        Order order = lock(shop, id);
        if (order.status() != OrderStatus.ON_HOLD || order.holdReason() != HoldReason.SHORT_PICK) {
            throw Problem.conflict("invalid-status", "Order has no open short pick",
                    "order " + order.number() + " is " + order.status());
        }
        return move(shop, order, OrderStatus.PICKING, reason, Actor.current(), "order.picking-resumed");
    }

    /**
     * Takes items the warehouse cannot deliver off the order (a short pick resolved by cancelling the line):
     * quantities drop, lines that reach zero go, totals are computed again and the reservation shrinks.
     * Refused when nothing would be left: that is a cancellation.
     */
    @Transactional
    public Order removeItems(ShopId shop, OrderId id, Map<Sku, Integer> quantities, String reason) {
        String why = requireReason(reason);
        Order order = lock(shop, id);
        if (order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.CANCELLED) {
            throw Problem.conflict("invalid-status", "Order cannot be changed", "order " + order.number() + " is " + order.status());
        }
        Map<Sku, Integer> left = new LinkedHashMap<>(quantities);
        List<Order.Line> kept = new ArrayList<>();
        // The last lines of a SKU give way first, so the shop's first line stays as it was.
        List<Order.Line> reversed = new ArrayList<>(order.lines());
        java.util.Collections.reverse(reversed);
        for (Order.Line l : reversed) {
            Sku sku = new Sku(l.sku());
            int take = Math.min(l.quantity(), left.getOrDefault(sku, 0));
            left.computeIfPresent(sku, (k, q) -> q - take);
            if (l.quantity() - take > 0) {
                int q = l.quantity() - take;
                kept.add(0, new Order.Line(l.lineNo(), l.sku(), l.name(), q, l.unitPrice(), l.taxCategory(), l.taxRate(),
                        l.unitPrice().times(q).rounded()));
            }
        }
        left.forEach((sku, q) -> {
            if (q > 0) {
                throw Problem.invalid("quantity", "order " + order.number() + " has fewer than that of " + sku);
            }
        });
        if (kept.isEmpty()) {
            throw Problem.conflict("nothing-left", "Nothing would be left", "order " + order.number()
                    + " would have no lines left: cancel the order instead");
        }
        Map<BigDecimal, Money> goodsByRate = new TreeMap<>();
        kept.forEach(l -> goodsByRate.merge(l.taxRate(), l.gross(), Money::add));
        Order.Totals totals = IndicativeVat.totals(goodsByRate, order.shipping());
        Map<Integer, Order.Line> byNo = new java.util.HashMap<>();
        kept.forEach(l -> byNo.put(l.lineNo(), l));
        for (Order.Line l : order.lines()) {
            Order.Line now = byNo.get(l.lineNo());
            if (now == null) {
                jdbc.sql("DELETE FROM order_lines WHERE order_id = :o AND line_no = :n")
                        .param("o", id.toString()).param("n", l.lineNo()).update();
            } else if (now.quantity() != l.quantity()) {
                jdbc.sql("UPDATE order_lines SET quantity = :q, line_gross = :g WHERE order_id = :o AND line_no = :n")
                        .param("q", now.quantity()).param("g", now.gross().amount()).param("o", id.toString())
                        .param("n", l.lineNo()).update();
            }
        }
        jdbc.sql("UPDATE orders SET net_total = :net, tax_total = :tax, gross_total = :gross, updated_at = :at"
                        + " WHERE id = :id AND shop_id = :shop")
                .param("net", totals.net().amount()).param("tax", totals.tax().amount())
                .param("gross", totals.gross().amount()).param("at", Timestamp.from(clock.instant()))
                .param("id", id.toString()).param("shop", shop.value()).update();
        quantities.forEach((sku, q) -> inventory.releasePart(shop, id, sku, q, "order " + order.number() + ": " + why));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", order.number());
        details.put("removed", quantities.entrySet().stream().map(e -> e.getKey().value() + " × " + e.getValue()).toList());
        details.put("grossBefore", order.totals().gross().toPlainString());
        details.put("grossAfter", totals.gross().toPlainString());
        audit.record(shop, "order.items-removed", "order", id.toString(), why, details);
        return get(shop, id);
    }

    /**
     * Checks and normalises a postal address exactly as intake does (required fields, ISO country,
     * the country's postal-code rules); bad fields are collected in {@code v} under {@code at}.
     */
    public static Order.PostalAddress validAddress(Validation v, String at, OrderIntake.Address address) {
        return IntakeValidator.address(v, at, address, true);
    }

    private Order move(ShopId shop, Order order, OrderStatus to, String reason, String actor, String action) {
        Instant now = clock.instant();
        boolean leavesHold = order.status() == OrderStatus.ON_HOLD && to != OrderStatus.ON_HOLD;
        jdbc.sql("UPDATE orders SET status = :s, updated_at = :at"
                        + (leavesHold && to != OrderStatus.CANCELLED ? ", hold_reason = NULL, hold_detail = NULL" : "")
                        + " WHERE id = :id AND shop_id = :shop")
                .param("s", to.name()).param("at", Timestamp.from(now)).param("id", order.id().toString())
                .param("shop", shop.value()).update();
        jdbc.sql("""
                INSERT INTO order_status_history (shop_id, order_id, status, reason, actor, occurred_at)
                VALUES (:shop, :order, :status, :reason, :actor, :at)""")
                .param("shop", shop.value()).param("order", order.id().toString()).param("status", to.name())
                .param("reason", truncate(reason, 1000)).param("actor", actor).param("at", Timestamp.from(now)).update();
        audit.recordAs(actor, shop, action, "order", order.id().toString(), reason,
                Map.of("number", order.number(), "from", order.status().name(), "to", to.name()));
        events.publishEvent(new OrderStatusChanged(shop, order.id(), order.number(), order.status(), to, reason));
        return get(shop, order.id());
    }

    private static String requireReason(String reason) {
        Validation v = new Validation();
        String why = v.text("reason", reason, 1000, true);
        v.throwIfInvalid();
        return why;
    }

    private Order lock(ShopId shop, OrderId id) {
        jdbc.sql("SELECT id FROM orders WHERE id = :id AND shop_id = :shop FOR UPDATE")
                .param("id", id.toString()).param("shop", shop.value()).query(String.class).optional()
                .orElseThrow(() -> Problem.notFound("order " + id));
        return get(shop, id);
    }

    private void history(ShopId shop, OrderId id, List<Order.StatusChange> changes) {
        batch.batchUpdate("""
                INSERT INTO order_status_history (shop_id, order_id, status, reason, actor, occurred_at)
                VALUES (:shop, :order, :status, :reason, :actor, :at)""",
                changes.stream().map(c -> new MapSqlParameterSource()
                        .addValue("shop", shop.value()).addValue("order", id.toString())
                        .addValue("status", c.status().name()).addValue("reason", c.reason())
                        .addValue("actor", c.actor()).addValue("at", Timestamp.from(c.at())))
                        .toArray(SqlParameterSource[]::new));
    }

    // ---- queries ----

    @Transactional(readOnly = true)
    public Order get(ShopId shop, OrderId id) {
        return find(shop, id).orElseThrow(() -> Problem.notFound("order " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(ShopId shop, OrderId id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = :id AND shop_id = :shop")
                .param("id", id.toString()).param("shop", shop.value())
                .query((rs, i) -> order(shop, rs)).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Order> byExternalId(ShopId shop, String externalId) {
        return jdbc.sql("SELECT * FROM orders WHERE shop_id = :shop AND external_id = :ext")
                .param("shop", shop.value()).param("ext", externalId)
                .query((rs, i) -> order(shop, rs)).optional();
    }

    /** Orders newest first, optionally by status and matching a search (number, external id, name, e-mail). */
    @Transactional(readOnly = true)
    public List<Summary> list(ShopId shop, OrderStatus status, String search, int limit, int offset) {
        String like = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase() + "%";
        return jdbc.sql("SELECT id, number, external_id, customer_name, email, gross_total, currency, status, hold_reason,"
                        + " fraud_score, placed_at FROM orders WHERE shop_id = :shop"
                        + (status == null ? "" : " AND status = :status")
                        + (like == null ? "" : " AND (LOWER(number) LIKE :q OR LOWER(external_id) LIKE :q"
                                + " OR LOWER(customer_name) LIKE :q OR LOWER(email) LIKE :q)")
                        + " ORDER BY placed_at DESC, number DESC LIMIT :limit OFFSET :offset")
                .param("shop", shop.value()).param("status", status == null ? null : status.name()).param("q", like)
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> new Summary(OrderId.parse(rs.getString("id")), rs.getString("number"),
                        rs.getString("external_id"), rs.getString("customer_name"), rs.getString("email"),
                        Money.of(rs.getBigDecimal("gross_total"), Currency.getInstance(rs.getString("currency").trim())),
                        OrderStatus.valueOf(rs.getString("status")), holdReason(rs.getString("hold_reason")),
                        rs.getInt("fraud_score"), rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    /** The promised ship dates of these orders (orders without a promise are left out). */
    @Transactional(readOnly = true)
    public Map<OrderId, java.time.LocalDate> promisedShipDates(ShopId shop, java.util.Collection<OrderId> ids) {
        Map<OrderId, java.time.LocalDate> out = new java.util.HashMap<>();
        List<String> all = ids.stream().map(OrderId::toString).distinct().toList();
        for (int i = 0; i < all.size(); i += 500) {
            jdbc.sql("SELECT id, promised_ship_date FROM orders WHERE shop_id = :shop AND id IN (:ids)"
                            + " AND promised_ship_date IS NOT NULL")
                    .param("shop", shop.value()).param("ids", all.subList(i, Math.min(all.size(), i + 500)))
                    .query((rs, n) -> out.put(OrderId.parse(rs.getString(1)),
                            rs.getObject(2, java.time.LocalDate.class)))
                    .list();
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Map<OrderStatus, Long> countByStatus(ShopId shop) {
        Map<OrderStatus, Long> out = new java.util.EnumMap<>(OrderStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM orders WHERE shop_id = :shop GROUP BY status")
                .param("shop", shop.value())
                .query((rs, i) -> out.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return out;
    }

    private Order order(ShopId shop, ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        String id = rs.getString("id");
        String signals = rs.getString("fraud_signals");
        List<Order.FraudSignal> fraud = signals == null ? List.of()
                : json.readValue(signals, new TypeReference<List<Order.FraudSignal>>() {});
        List<Order.Line> lines = jdbc.sql("SELECT * FROM order_lines WHERE order_id = :id ORDER BY line_no")
                .param("id", id)
                .query((r, i) -> new Order.Line(r.getInt("line_no"), r.getString("sku"), r.getString("name"),
                        r.getInt("quantity"), Money.of(r.getBigDecimal("unit_price"), currency),
                        r.getString("tax_category"), r.getBigDecimal("tax_rate"),
                        Money.of(r.getBigDecimal("line_gross"), currency)))
                .list();
        List<Order.StatusChange> history = jdbc.sql(
                        "SELECT status, reason, actor, occurred_at FROM order_status_history WHERE order_id = :id ORDER BY id")
                .param("id", id)
                .query((r, i) -> new Order.StatusChange(OrderStatus.valueOf(r.getString(1)), r.getString(2),
                        r.getString(3), r.getTimestamp(4).toInstant()))
                .list();
        return new Order(OrderId.parse(id), rs.getString("number"), rs.getString("external_id"),
                rs.getString("channel"), new CustomerId(UUID.fromString(rs.getString("customer_id"))),
                rs.getString("customer_number"), rs.getString("email"), rs.getString("customer_name"),
                rs.getString("company"), rs.getString("vat_id"), rs.getString("buyer_reference"),
                rs.getString("language").trim(),
                address(rs, "billing"), address(rs, "shipping"), PaymentMethod.valueOf(rs.getString("payment_method")),
                Money.of(rs.getBigDecimal("shipping_gross"), currency),
                new Order.Totals(Money.of(rs.getBigDecimal("net_total"), currency),
                        Money.of(rs.getBigDecimal("tax_total"), currency),
                        Money.of(rs.getBigDecimal("gross_total"), currency)),
                OrderStatus.valueOf(rs.getString("status")), holdReason(rs.getString("hold_reason")),
                rs.getString("hold_detail"), rs.getInt("fraud_score"), fraud, rs.getString("client_ip"),
                rs.getString("client_device"), rs.getTimestamp("placed_at").toInstant(), lines, history,
                rs.getString("carrier"), rs.getObject("promised_ship_date", java.time.LocalDate.class));
    }

    private static HoldReason holdReason(String s) {
        return s == null ? null : HoldReason.valueOf(s);
    }

    private static Order.PostalAddress address(ResultSet rs, String prefix) throws SQLException {
        return new Order.PostalAddress(rs.getString(prefix + "_name"), rs.getString(prefix + "_company"),
                rs.getString(prefix + "_street"), rs.getString(prefix + "_street2"),
                rs.getString(prefix + "_postal_code"), rs.getString(prefix + "_city"),
                rs.getString(prefix + "_country").trim());
    }

    private static void address(Map<String, Object> row, String p, Order.PostalAddress a) {
        row.put(p + "Name", a.name());
        row.put(p + "Company", a.company());
        row.put(p + "Street", a.street());
        row.put(p + "Street2", a.street2());
        row.put(p + "Postal", a.postalCode());
        row.put(p + "City", a.city());
        row.put(p + "Country", a.country());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
