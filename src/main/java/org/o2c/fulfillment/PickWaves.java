package org.o2c.fulfillment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.o2c.audit.AuditLog;
import org.o2c.catalog.Catalog;
import org.o2c.catalog.Product;
import org.o2c.fulfillment.routing.AisleGrid;
import org.o2c.orders.Order;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.Orders;
import org.o2c.shared.Actor;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.TimeConfiguration;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch picks: several confirmed orders in one walk, each order into its own tote. An order is picked in one
 * wave only (a cancelled wave frees its orders); orders on hold, cancelled or not yet paid are not released to
 * picking.
 */
@Service
public class PickWaves {
    static final int MAX_ORDERS = 100;
    /** Released orders one run of wave forming looks at; the rest wait for the next run. */
    static final int MAX_RELEASED = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Orders orders;
    private final Catalog catalog;
    private final Warehouse warehouse;
    private final AuditLog audit;

    PickWaves(JdbcClient jdbc, Clock clock, Orders orders, Catalog catalog, Warehouse warehouse, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.orders = orders;
        this.catalog = catalog;
        this.warehouse = warehouse;
        this.audit = audit;
    }

    /** Makes one wave of these orders (ids as the API sends them, so each bad one can be named). */
    @Transactional
    public PickWave create(ShopId shop, List<String> orderIds) {
        Validation v = new Validation();
        if (orderIds == null || orderIds.isEmpty()) {
            v.reject("orderIds", "name at least one order");
            v.throwIfInvalid();
        }
        if (orderIds.size() > MAX_ORDERS) {
            v.reject("orderIds", "at most " + MAX_ORDERS + " orders make one wave");
            v.throwIfInvalid();
        }
        List<Order> picked = new ArrayList<>();
        Map<OrderId, Integer> fields = new HashMap<>();
        Set<OrderId> seen = new HashSet<>();
        for (int i = 0; i < orderIds.size(); i++) {
            String field = "orderIds[" + i + "]";
            Optional<OrderId> id = parse(orderIds.get(i));
            if (id.isEmpty()) {
                v.reject(field, "is not an order id");
                continue;
            }
            if (!seen.add(id.get())) {
                v.reject(field, "names order " + id.get() + " a second time");
                continue;
            }
            Optional<Order> order = orders.find(shop, id.get());
            if (order.isEmpty()) {
                v.reject(field, "order " + id.get() + " does not exist");
                continue;
            }
            String refusal = refusal(shop, order.get());
            if (refusal != null) {
                v.reject(field, refusal);
                continue;
            }
            picked.add(order.get());
            fields.put(order.get().id(), i);
        }
        v.throwIfInvalid();
        return store(shop, picked, null, v, fields);
    }

    /** Why this order cannot be picked now, or null when it can. */
    String refusal(ShopId shop, Order order) {
        if (order.status() != OrderStatus.CONFIRMED) {
            String why = switch (order.status()) {
                case ON_HOLD -> "is on hold" + (order.holdReason() == null ? "" : " (" + order.holdReason() + ")");
                case CANCELLED -> "is cancelled";
                case AWAITING_PAYMENT -> "waits for its payment";
                default -> "is " + order.status();
            };
            return "order " + order.number() + " " + why + ": only confirmed orders are picked";
        }
        Optional<String> wave = jdbc.sql("SELECT wave_id FROM orders_in_picking WHERE shop_id = :shop AND order_id = :o")
                .param("shop", shop.value()).param("o", order.id().toString()).query(String.class).optional();
        return wave.map(w -> "order " + order.number() + " is already in pick wave " + w).orElse(null);
    }

    /**
     * Plans and stores a wave of orders that passed the checks. {@code fields} (may be null) has each order's
     * index in the request, to name it when one of its products has no bin in the warehouse.
     */
    PickWave store(ShopId shop, List<Order> picked, String formedBy, Validation v, Map<OrderId, Integer> fields) {
        Optional<WarehouseLayout> layout = warehouse.layout(shop);
        Map<Sku, Product> products = catalog.findAll(shop, picked.stream().flatMap(o -> o.lines().stream())
                .map(l -> new Sku(l.sku())).distinct().toList());
        Set<String> locations = new HashSet<>();
        products.values().forEach(p -> {
            if (p.location() != null) {
                locations.add(p.location());
            }
        });
        Map<String, Place> places = warehouse.locate(shop, locations);
        List<WavePlanner.Line> lines = new ArrayList<>();
        for (int k = 0; k < picked.size(); k++) {
            Order o = picked.get(k);
            String field = "orderIds[" + (fields == null ? k : fields.get(o.id())) + "]";
            Map<String, Integer> bySku = new LinkedHashMap<>();
            o.lines().forEach(l -> bySku.merge(l.sku(), l.quantity(), Integer::sum));
            for (var e : bySku.entrySet()) {
                Product p = products.get(new Sku(e.getKey()));
                if (p == null || p.location() == null) {
                    v.reject(field, "order " + o.number() + ": product " + e.getKey() + " has no bin (location)");
                } else if (!places.containsKey(p.location())) {
                    v.reject(field, "order " + o.number() + ": bin " + p.location() + " of product " + e.getKey()
                            + (layout.isEmpty() ? " cannot be found: the warehouse layout is not set"
                                    : " is not in the warehouse layout or among the placed bins"));
                } else {
                    lines.add(new WavePlanner.Line(o.id(), k + 1, e.getKey(), p.gtin(), p.location(), e.getValue()));
                }
            }
        }
        v.throwIfInvalid();
        AisleGrid grid = layout.map(Warehouse::grid).orElse(null);
        WavePlanner.Plan plan = WavePlanner.plan(grid, places, lines);

        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO pick_waves (id, shop_id, status, routing, distance_m, s_shape_m, created_at, created_by)
                VALUES (:id, :shop, 'OPEN', :routing, :d, :s, :at, :by)""")
                .param("id", id).param("shop", shop.value()).param("routing", plan.routing())
                .param("d", Warehouse.meters(plan.distance()))
                .param("s", plan.sShape() < 0 ? null : Warehouse.meters(plan.sShape()))
                .param("at", Timestamp.from(now)).param("by", Actor.current()).update();
        for (int k = 0; k < picked.size(); k++) {
            Order o = picked.get(k);
            jdbc.sql("""
                    INSERT INTO pick_wave_orders (wave_id, shop_id, order_id, order_number, tote)
                    VALUES (:w, :shop, :o, :n, :t)""")
                    .param("w", id).param("shop", shop.value()).param("o", o.id().toString()).param("n", o.number())
                    .param("t", k + 1).update();
            jdbc.sql("INSERT INTO orders_in_picking (shop_id, order_id, wave_id) VALUES (:shop, :o, :w)")
                    .param("shop", shop.value()).param("o", o.id().toString()).param("w", id).update();
        }
        int no = 1;
        for (WavePlanner.Line l : plan.stops()) {
            jdbc.sql("""
                    INSERT INTO pick_wave_stops (wave_id, stop_no, shop_id, location, sku, gtin, quantity, order_id, tote)
                    VALUES (:w, :no, :shop, :loc, :sku, :gtin, :q, :o, :t)""")
                    .param("w", id).param("no", no++).param("shop", shop.value()).param("loc", l.location())
                    .param("sku", l.sku()).param("gtin", l.gtin()).param("q", l.quantity())
                    .param("o", l.orderId().toString()).param("t", l.tote()).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orders", picked.stream().map(Order::number).toList());
        details.put("stops", plan.stops().size());
        details.put("distanceMeters", Warehouse.meters(plan.distance()).toPlainString());
        details.put("routing", plan.routing());
        if (formedBy != null) {
            details.put("formedBy", formedBy);
        }
        audit.record(shop, "pick-wave.created", "pick-wave", id, formedBy, details);
        return get(shop, id);
    }

    @Transactional(readOnly = true)
    public PickWave get(ShopId shop, String id) {
        return find(shop, id).orElseThrow(() -> Problem.notFound("pick wave " + id));
    }

    @Transactional(readOnly = true)
    public Optional<PickWave> find(ShopId shop, String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM pick_waves WHERE id = :id AND shop_id = :shop")
                .param("id", id).param("shop", shop.value())
                .query((rs, i) -> wave(shop, rs)).optional();
    }

    /** Waves newest first, optionally only those with this status. */
    @Transactional(readOnly = true)
    public List<PickWave> list(ShopId shop, String status, int limit) {
        return jdbc.sql("SELECT * FROM pick_waves WHERE shop_id = :shop" + (status == null ? "" : " AND status = :status")
                        + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("shop", shop.value()).param("status", status).param("limit", limit)
                .query((rs, i) -> wave(shop, rs)).list();
    }

    /** Cancels an open wave: its orders are free to be picked in another. */
    @Transactional
    public PickWave cancel(ShopId shop, String id, String reason) {
        Validation v = new Validation();
        String why = v.text("reason", reason, 1000, true);
        v.throwIfInvalid();
        PickWave wave = lock(shop, id);
        if (!PickWave.OPEN.equals(wave.status())) {
            throw Problem.conflict("invalid-status", "Pick wave is not open", "pick wave " + id + " is " + wave.status());
        }
        close(shop, wave, PickWave.CANCELLED);
        audit.record(shop, "pick-wave.cancelled", "pick-wave", id, why, Map.of("orders", wave.totes().size()));
        return get(shop, id);
    }

    PickWave lock(ShopId shop, String id) {
        if (!isUuid(id)) {
            throw Problem.notFound("pick wave " + id);
        }
        jdbc.sql("SELECT id FROM pick_waves WHERE id = :id AND shop_id = :shop FOR UPDATE")
                .param("id", id).param("shop", shop.value()).query(String.class).optional()
                .orElseThrow(() -> Problem.notFound("pick wave " + id));
        return get(shop, id);
    }

    void close(ShopId shop, PickWave wave, String status) {
        jdbc.sql("UPDATE pick_waves SET status = :s, finished_at = :at WHERE id = :id AND shop_id = :shop")
                .param("s", status).param("at", Timestamp.from(clock.instant())).param("id", wave.id())
                .param("shop", shop.value()).update();
        if (PickWave.CANCELLED.equals(status)) {
            // A picked order stays marked, so it is not released to picking a second time.
            jdbc.sql("DELETE FROM orders_in_picking WHERE shop_id = :shop AND wave_id = :id")
                    .param("shop", shop.value()).param("id", wave.id()).update();
        }
    }

    // ---- o2c forms waves itself ----

    /** A settings change as it comes in over the API. */
    public record SettingsInput(Integer ordersPerWave, Integer itemsPerCart, String firstBy, String cutOff) {}

    /** What one run of wave forming did: the waves, and the released orders it had to leave out and why. */
    public record Formed(List<PickWave> waves, Map<String, String> skipped) {}

    @Transactional(readOnly = true)
    public WaveSettings settings(ShopId shop) {
        return jdbc.sql("SELECT * FROM wave_settings WHERE shop_id = :shop").param("shop", shop.value())
                .query((rs, i) -> new WaveSettings(rs.getInt("orders_per_wave"), rs.getInt("items_per_cart"),
                        rs.getString("first_by"), LocalTime.parse(rs.getString("cut_off"))))
                .optional().orElse(WaveSettings.defaults());
    }

    @Transactional
    public WaveSettings putSettings(ShopId shop, SettingsInput in) {
        Validation v = new Validation();
        if (in.ordersPerWave() == null || in.ordersPerWave() < 1 || in.ordersPerWave() > MAX_ORDERS) {
            v.reject("ordersPerWave", "must be between 1 and " + MAX_ORDERS);
        }
        if (in.itemsPerCart() == null || in.itemsPerCart() < 1 || in.itemsPerCart() > 10_000) {
            v.reject("itemsPerCart", "must be between 1 and 10000");
        }
        String firstBy = in.firstBy() == null ? WaveSettings.CUT_OFF : in.firstBy();
        if (!WaveSettings.CUT_OFF.equals(firstBy) && !WaveSettings.DISTANCE.equals(firstBy)) {
            v.reject("firstBy", "must be CUT_OFF or DISTANCE");
        }
        LocalTime cutOff = WaveSettings.defaults().cutOff();
        if (in.cutOff() != null) {
            try {
                cutOff = LocalTime.parse(in.cutOff().strip());
            } catch (DateTimeParseException e) {
                v.reject("cutOff", "must be a time of day like 14:00");
            }
        }
        v.throwIfInvalid();
        WaveSettings before = settings(shop);
        WaveSettings after = new WaveSettings(in.ordersPerWave(), in.itemsPerCart(), firstBy,
                cutOff.truncatedTo(ChronoUnit.MINUTES));
        jdbc.sql("DELETE FROM wave_settings WHERE shop_id = :shop").param("shop", shop.value()).update();
        jdbc.sql("""
                INSERT INTO wave_settings (shop_id, orders_per_wave, items_per_cart, first_by, cut_off, updated_at)
                VALUES (:shop, :o, :i, :f, :c, :at)""")
                .param("shop", shop.value()).param("o", after.ordersPerWave()).param("i", after.itemsPerCart())
                .param("f", after.firstBy()).param("c", after.cutOff().toString())
                .param("at", Timestamp.from(clock.instant())).update();
        audit.record(shop, "pick-wave.settings-changed", "warehouse", Long.toString(shop.value()), null,
                Map.of("before", before.toString(), "after", after.toString()));
        return after;
    }

    /**
     * Forms waves from every released order (confirmed, not in an open wave) by the shop's settings, up to
     * {@code maxWaves}. Orders whose products have no bin in the warehouse are left out and named.
     */
    @Transactional
    public Formed formWaves(ShopId shop, int maxWaves) {
        WaveSettings settings = settings(shop);
        Set<String> inPicking = new HashSet<>(jdbc.sql("SELECT order_id FROM orders_in_picking WHERE shop_id = :shop")
                .param("shop", shop.value()).query(String.class).list());
        List<Order> released = new ArrayList<>();
        for (Orders.Summary s : orders.list(shop, OrderStatus.CONFIRMED, null, MAX_RELEASED, 0)) {
            if (!inPicking.contains(s.id().toString())) {
                released.add(orders.get(shop, s.id()));
            }
        }
        Map<Sku, Product> products = catalog.findAll(shop, released.stream().flatMap(o -> o.lines().stream())
                .map(l -> new Sku(l.sku())).distinct().toList());
        Set<String> locations = new HashSet<>();
        products.values().stream().map(Product::location).filter(java.util.Objects::nonNull).forEach(locations::add);
        Map<String, Place> places = warehouse.locate(shop, locations);
        Instant cutOff = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE)).atTime(settings.cutOff())
                .atZone(TimeConfiguration.BUSINESS_ZONE).toInstant();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<WaveForming.Candidate<Order>> candidates = new ArrayList<>();
        for (Order o : released) {
            List<Place> at = new ArrayList<>();
            String missing = null;
            for (Order.Line l : o.lines()) {
                Product p = products.get(new Sku(l.sku()));
                Place place = p == null || p.location() == null ? null : places.get(p.location());
                if (place == null) {
                    missing = "product " + l.sku() + " has no bin in the warehouse";
                    break;
                }
                at.add(place);
            }
            if (missing != null) {
                skipped.put(o.number(), missing);
                continue;
            }
            candidates.add(new WaveForming.Candidate<>(o, o.placedAt().isBefore(cutOff), o.placedAt(),
                    at.stream().distinct().toList(), o.lines().stream().mapToInt(Order.Line::quantity).sum()));
        }
        AisleGrid grid = warehouse.layout(shop).map(Warehouse::grid).orElse(null);
        List<PickWave> made = new ArrayList<>();
        for (List<WaveForming.Candidate<Order>> wave : WaveForming.form(candidates, settings, grid)) {
            if (made.size() >= maxWaves) {
                break;
            }
            made.add(store(shop, wave.stream().map(WaveForming.Candidate::key).toList(),
                    "formed by o2c (" + settings.firstBy() + ", " + settings.ordersPerWave() + " orders, "
                            + settings.itemsPerCart() + " items per cart)",
                    new Validation(), null));
        }
        return new Formed(made, skipped);
    }

    private PickWave wave(ShopId shop, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<PickWave.Tote> totes = jdbc.sql(
                        "SELECT tote, order_id, order_number FROM pick_wave_orders WHERE wave_id = :id ORDER BY tote")
                .param("id", id)
                .query((r, i) -> new PickWave.Tote(r.getInt(1), OrderId.parse(r.getString(2)), r.getString(3))).list();
        List<PickWave.Stop> stops = jdbc.sql("SELECT * FROM pick_wave_stops WHERE wave_id = :id ORDER BY stop_no")
                .param("id", id)
                .query((r, i) -> new PickWave.Stop(r.getInt("stop_no"), r.getString("location"), r.getString("sku"),
                        r.getString("gtin"), r.getInt("quantity"), OrderId.parse(r.getString("order_id")),
                        r.getInt("tote"), r.getInt("picked"), r.getInt("short")))
                .list();
        return new PickWave(id, rs.getString("status"), rs.getString("routing"), totes, stops,
                rs.getBigDecimal("distance_m").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getBigDecimal("s_shape_m") == null ? null
                        : rs.getBigDecimal("s_shape_m").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getTimestamp("created_at").toInstant());
    }

    private static boolean isUuid(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<OrderId> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(OrderId.parse(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
