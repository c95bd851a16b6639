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
 * wave only and is {@code PICKING} from then until it ships; a cancelled wave, or taking the order out, puts it
 * back to {@code CONFIRMED}. Orders on hold, cancelled or not yet paid are not released to picking.
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
    private final ShippingPromises promises;

    PickWaves(JdbcClient jdbc, Clock clock, Orders orders, Catalog catalog, Warehouse warehouse, AuditLog audit,
            ShippingPromises promises) {
        this.promises = promises;
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
                case PICKING -> "is already in pick wave " + jdbc.sql(
                                "SELECT wave_id FROM orders_in_picking WHERE shop_id = :shop AND order_id = :o")
                        .param("shop", shop.value()).param("o", order.id().toString()).query(String.class).optional()
                        .orElse("?");
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
        String id = persist(shop, PickWave.BATCH, picked, plan);
        for (Order o : picked) {
            orders.startPicking(shop, o.id(), "in pick wave " + id);
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

    /**
     * A re-pick list: one order's missing items, from the bin where they are now. The order's tote is the one
     * of its first wave; the order stays in picking (it is on hold until the short pick is resolved).
     */
    PickWave repick(ShopId shop, Order order, String sku, String location, int quantity, String why) {
        Map<String, Place> places = warehouse.locate(shop, Set.of(location));
        if (!places.containsKey(location)) {
            throw Problem.invalid("bin", "bin " + location + " is not in the warehouse layout or among the placed bins");
        }
        String gtin = catalog.find(shop, new Sku(sku)).map(Product::gtin).orElse(null);
        AisleGrid grid = warehouse.layout(shop).map(Warehouse::grid).orElse(null);
        WavePlanner.Plan plan = WavePlanner.plan(grid, places,
                List.of(new WavePlanner.Line(order.id(), 1, sku, gtin, location, quantity)));
        jdbc.sql("DELETE FROM orders_in_picking WHERE shop_id = :shop AND order_id = :o")
                .param("shop", shop.value()).param("o", order.id().toString()).update();
        String id = persist(shop, PickWave.REPICK, List.of(order), plan);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orders", List.of(order.number()));
        details.put("sku", sku);
        details.put("bin", location);
        details.put("quantity", quantity);
        audit.record(shop, "pick-wave.created", "pick-wave", id, why, details);
        return get(shop, id);
    }

    private String persist(ShopId shop, String kind, List<Order> picked, WavePlanner.Plan plan) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO pick_waves (id, shop_id, status, routing, distance_m, s_shape_m, created_at, created_by, kind)
                VALUES (:id, :shop, 'OPEN', :routing, :d, :s, :at, :by, :kind)""")
                .param("id", id).param("shop", shop.value()).param("routing", plan.routing()).param("kind", kind)
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
        return id;
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
        for (PickWave.Tote t : wave.totes()) {
            orders.stopPicking(shop, t.orderId(), "pick wave " + id + " cancelled: " + why);
        }
        audit.record(shop, "pick-wave.cancelled", "pick-wave", id, why, Map.of("orders", wave.totes().size()));
        return get(shop, id);
    }

    /**
     * Takes one order out of its wave, back to {@code CONFIRMED} (for example to cancel it): from an open wave
     * its stops go (what was already in its tote goes back to the shelf); from a picked wave it only leaves
     * picking. An order with an open short pick is resolved there instead.
     */
    @Transactional
    public PickWave removeOrder(ShopId shop, String id, String orderIdText, String reason) {
        Validation v = new Validation();
        String why = v.text("reason", reason, 1000, true);
        Optional<OrderId> orderId = parse(orderIdText);
        v.throwIfInvalid();
        PickWave wave = lock(shop, id);
        PickWave.Tote tote = wave.totes().stream().filter(t -> orderId.isPresent() && t.orderId().equals(orderId.get()))
                .findFirst().orElseThrow(() -> Problem.notFound("order " + orderIdText + " in pick wave " + id));
        if (PickWave.CANCELLED.equals(wave.status())) {
            throw Problem.conflict("invalid-status", "Pick wave is cancelled", "pick wave " + id + " is cancelled");
        }
        boolean openShort = jdbc.sql("SELECT COUNT(*) FROM short_picks WHERE shop_id = :shop AND order_id = :o AND status = 'OPEN'")
                .param("shop", shop.value()).param("o", tote.orderId().toString()).query(Long.class).single() > 0;
        if (openShort) {
            throw Problem.conflict("short-pick-open", "Resolve the short pick", "order " + tote.orderNumber()
                    + " has an open short pick: resolve it (cancelling the order is one of the choices)");
        }
        Optional<String> current = jdbc.sql("SELECT wave_id FROM orders_in_picking WHERE shop_id = :shop AND order_id = :o")
                .param("shop", shop.value()).param("o", tote.orderId().toString()).query(String.class).optional();
        if (current.isEmpty() || !current.get().equals(id)) {
            throw Problem.conflict("not-in-wave", "Order is not picked in this wave", "order " + tote.orderNumber()
                    + " is " + current.map(w -> "in pick wave " + w).orElse("not in picking"));
        }
        if (PickWave.OPEN.equals(wave.status())) {
            jdbc.sql("DELETE FROM pick_wave_stops WHERE wave_id = :w AND order_id = :o")
                    .param("w", id).param("o", tote.orderId().toString()).update();
            jdbc.sql("DELETE FROM pick_wave_orders WHERE wave_id = :w AND order_id = :o")
                    .param("w", id).param("o", tote.orderId().toString()).update();
        }
        jdbc.sql("DELETE FROM orders_in_picking WHERE shop_id = :shop AND order_id = :o")
                .param("shop", shop.value()).param("o", tote.orderId().toString()).update();
        orders.stopPicking(shop, tote.orderId(), "taken out of pick wave " + id + ": " + why);
        audit.record(shop, "pick-wave.order-removed", "pick-wave", id, why,
                Map.of("order", tote.orderNumber(), "waveStatus", wave.status()));
        PickWave after = get(shop, id);
        if (PickWave.OPEN.equals(after.status())) {
            if (after.totes().isEmpty()) {
                close(shop, after, PickWave.CANCELLED);
                audit.record(shop, "pick-wave.cancelled", "pick-wave", id, "its last order was taken out", Map.of("orders", 0));
            } else if (after.stops().stream().allMatch(PickWave.Stop::settled)) {
                close(shop, after, PickWave.DONE);
                audit.record(shop, "pick-wave.picked", "pick-wave", id, null, Map.of("stops", after.stops().size()));
            }
        }
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
    public record SettingsInput(Integer ordersPerWave, Integer itemsPerCart, String firstBy, String cutOff,
            Integer shipWithinDays, String defaultCarrier, Map<String, String> carrierCutOffs) {
        public SettingsInput(Integer ordersPerWave, Integer itemsPerCart, String firstBy, String cutOff) {
            this(ordersPerWave, itemsPerCart, firstBy, cutOff, null, null, null);
        }
    }

    /** What one run of wave forming did: the waves, and the released orders it had to leave out and why. */
    public record Formed(List<PickWave> waves, Map<String, String> skipped) {}

    @Transactional(readOnly = true)
    public WaveSettings settings(ShopId shop) {
        return promises.settings(shop);
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
        if (!List.of(WaveSettings.CUT_OFF, WaveSettings.CARRIER, WaveSettings.DISTANCE).contains(firstBy)) {
            v.reject("firstBy", "must be CUT_OFF, CARRIER or DISTANCE");
        }
        LocalTime cutOff = time(v, "cutOff", in.cutOff(), WaveSettings.defaults().cutOff());
        int within = in.shipWithinDays() == null ? WaveSettings.defaults().shipWithinDays() : in.shipWithinDays();
        if (within < 0 || within > 30) {
            v.reject("shipWithinDays", "must be between 0 and 30 working days");
        }
        String defaultCarrier = carrier(v, "defaultCarrier", in.defaultCarrier());
        Map<String, LocalTime> carrierCutOffs = new java.util.TreeMap<>();
        if (in.carrierCutOffs() != null) {
            if (in.carrierCutOffs().size() > 50) {
                v.reject("carrierCutOffs", "at most 50 carriers");
            }
            in.carrierCutOffs().forEach((c, t) -> {
                String code = carrier(v, "carrierCutOffs." + c, c);
                LocalTime at = time(v, "carrierCutOffs." + c, t == null ? "" : t, null);
                if (code != null && at != null) {
                    carrierCutOffs.put(code, at);
                }
            });
        }
        v.throwIfInvalid();
        WaveSettings before = settings(shop);
        WaveSettings after = new WaveSettings(in.ordersPerWave(), in.itemsPerCart(), firstBy, cutOff, within,
                defaultCarrier, carrierCutOffs);
        jdbc.sql("DELETE FROM wave_settings WHERE shop_id = :shop").param("shop", shop.value()).update();
        jdbc.sql("""
                INSERT INTO wave_settings (shop_id, orders_per_wave, items_per_cart, first_by, cut_off, ship_within_days,
                    default_carrier, updated_at)
                VALUES (:shop, :o, :i, :f, :c, :w, :dc, :at)""")
                .param("shop", shop.value()).param("o", after.ordersPerWave()).param("i", after.itemsPerCart())
                .param("f", after.firstBy()).param("c", after.cutOff().toString()).param("w", within)
                .param("dc", defaultCarrier).param("at", Timestamp.from(clock.instant())).update();
        jdbc.sql("DELETE FROM carrier_cut_offs WHERE shop_id = :shop").param("shop", shop.value()).update();
        carrierCutOffs.forEach((c, t) -> jdbc.sql(
                        "INSERT INTO carrier_cut_offs (shop_id, carrier, cut_off) VALUES (:shop, :c, :t)")
                .param("shop", shop.value()).param("c", c).param("t", t.toString()).update());
        audit.record(shop, "pick-wave.settings-changed", "warehouse", Long.toString(shop.value()), null,
                Map.of("before", before.toString(), "after", after.toString()));
        return after;
    }

    private static LocalTime time(Validation v, String field, String text, LocalTime otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalTime.parse(text.strip()).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            v.reject(field, "must be a time of day like 14:00");
            return null;
        }
    }

    private static String carrier(Validation v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = Carriers.normalize(text);
        if (!Carriers.CODE.matcher(code).matches()) {
            v.reject(field, "use a carrier code such as DHL, DPD, GLS, UPS or HERMES");
            return null;
        }
        return code;
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
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE));
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
            // Orders taken before promises existed get the promise the settings make now.
            LocalDate promised = o.promisedShipDate() != null ? o.promisedShipDate()
                    : settings.promisedShipDate(o.placedAt(), o.carrier());
            String carrier = settings.carrierOf(o.carrier());
            candidates.add(new WaveForming.Candidate<>(o, !promised.isAfter(today), o.placedAt(),
                    at.stream().distinct().toList(), o.lines().stream().mapToInt(Order.Line::quantity).sum(),
                    settings.deadline(promised, carrier), carrier));
        }
        AisleGrid grid = warehouse.layout(shop).map(Warehouse::grid).orElse(null);
        List<PickWave> made = new ArrayList<>();
        for (List<WaveForming.Candidate<Order>> wave : WaveForming.form(candidates, settings, grid)) {
            if (made.size() >= maxWaves) {
                break;
            }
            made.add(store(shop, wave.stream().map(WaveForming.Candidate::key).toList(),
                    "formed by o2c (" + settings.firstBy()
                            + (WaveSettings.CARRIER.equals(settings.firstBy()) && wave.get(0).carrier() != null
                                    ? " " + wave.get(0).carrier() : "")
                            + ", " + settings.ordersPerWave() + " orders, "
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
                rs.getTimestamp("created_at").toInstant(), rs.getString("kind"));
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
