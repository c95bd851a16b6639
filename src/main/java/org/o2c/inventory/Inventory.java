package org.o2c.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.o2c.audit.AuditLog;
import org.o2c.catalog.Catalog;
import org.o2c.catalog.Product;
import org.o2c.shared.Actor;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock levels, counts, receipts and reservations. A reservation is one conditional UPDATE
 * ({@code on_hand - reserved >= quantity}), so the database decides atomically who gets the last unit.
 */
@Service
public class Inventory {
    /** Bin used for stock of a product that has no location yet. */
    static final String UNASSIGNED_BIN = "UNASSIGNED";

    /** One line to reserve; {@code lineIndex} names the order line in error messages. */
    public record ReservationLine(int lineIndex, Sku sku, int quantity) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final Catalog catalog;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Inventory(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, Catalog catalog, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Reserves every line for the order or nothing: throws {@link InsufficientStock} naming every
     * short line, and the caller's transaction rolls back. Must run inside the order's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(ShopId shop, OrderId order, List<ReservationLine> lines) {
        // Same SKU on several lines counts once; a fixed SKU order avoids deadlocks between orders.
        Map<Sku, int[]> perSku = new TreeMap<>();
        for (ReservationLine l : lines) {
            perSku.computeIfAbsent(l.sku(), k -> new int[] {0, l.lineIndex()})[0] += l.quantity();
        }
        List<InsufficientStock.Shortage> shortages = new ArrayList<>();
        List<StockLevel> reserved = new ArrayList<>();
        for (var e : perSku.entrySet()) {
            Sku sku = e.getKey();
            int qty = e.getValue()[0];
            // The levels after the reservation come back with the update (RETURNING), no second read.
            KeyHolder after = new GeneratedKeyHolder();
            jdbc.sql("""
                    UPDATE stock_items SET reserved = reserved + :q
                    WHERE shop_id = :shop AND sku = :sku AND on_hand - reserved >= :q""")
                    .param("q", qty).param("shop", shop.value()).param("sku", sku.value())
                    .update(after, "on_hand", "reserved", "low_stock_threshold");
            if (after.getKeyList().isEmpty()) {
                int available = level(shop, sku).map(StockLevel::available).orElse(0);
                // (no row: never counted, nothing available)
                shortages.add(new InsufficientStock.Shortage(e.getValue()[1], sku.value(), qty, available));
                continue;
            }
            Map<String, Object> row = after.getKeyList().get(0);
            reserved.add(new StockLevel(sku, ((Number) row.get("on_hand")).intValue(),
                    ((Number) row.get("reserved")).intValue(), ((Number) row.get("low_stock_threshold")).intValue(),
                    List.of()));
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStock(shortages);
        }
        // One batch each for the reservation rows and their movements in the ledger.
        batch.batchUpdate(
                "INSERT INTO stock_reservations (shop_id, order_id, sku, quantity) VALUES (:shop, :o, :sku, :q)",
                reserved.stream().map(l -> new MapSqlParameterSource().addValue("shop", shop.value())
                        .addValue("o", order.toString()).addValue("sku", l.sku().value())
                        .addValue("q", perSku.get(l.sku())[0]))
                        .toArray(SqlParameterSource[]::new));
        Timestamp at = Timestamp.from(clock.instant());
        String actor = Actor.current();
        batch.batchUpdate(MOVEMENT, reserved.stream().map(l -> movementRow(shop, l.sku(), null,
                        MovementKind.RESERVATION, perSku.get(l.sku())[0], l, order, null, actor, at))
                .toArray(SqlParameterSource[]::new));
        for (StockLevel l : reserved) {
            signalIfLow(shop, l);
        }
    }

    /** Gives back everything reserved for the order (cancellation). Releasing twice changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(ShopId shop, OrderId order, String reason) {
        var reservations = jdbc.sql("SELECT sku, quantity FROM stock_reservations WHERE shop_id = :shop AND order_id = :o ORDER BY sku")
                .param("shop", shop.value()).param("o", order.toString())
                .query((rs, i) -> Map.entry(new Sku(rs.getString(1)), rs.getInt(2))).list();
        for (var r : reservations) {
            jdbc.sql("UPDATE stock_items SET reserved = reserved - :q WHERE shop_id = :shop AND sku = :sku")
                    .param("q", r.getValue()).param("shop", shop.value()).param("sku", r.getKey().value()).update();
            jdbc.sql("DELETE FROM stock_reservations WHERE shop_id = :shop AND order_id = :o AND sku = :sku")
                    .param("shop", shop.value()).param("o", order.toString()).param("sku", r.getKey().value()).update();
            StockLevel after = item(shop, r.getKey());
            movement(shop, r.getKey(), null, MovementKind.RELEASE, -r.getValue(), after, order, reason);
            rearmIfRecovered(shop, after);
        }
    }

    /**
     * Gives back part of an order's reservation (items taken off the order). At most what is reserved is
     * given back. Must run inside the order change's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releasePart(ShopId shop, OrderId order, Sku sku, int quantity, String reason) {
        Integer reserved = jdbc.sql("SELECT quantity FROM stock_reservations WHERE shop_id = :shop AND order_id = :o AND sku = :sku")
                .param("shop", shop.value()).param("o", order.toString()).param("sku", sku.value())
                .query(Integer.class).optional().orElse(0);
        int q = Math.min(quantity, reserved);
        if (q <= 0) {
            return;
        }
        lockItem(shop, sku);
        jdbc.sql("UPDATE stock_items SET reserved = reserved - :q WHERE shop_id = :shop AND sku = :sku")
                .param("q", q).param("shop", shop.value()).param("sku", sku.value()).update();
        if (q == reserved) {
            jdbc.sql("DELETE FROM stock_reservations WHERE shop_id = :shop AND order_id = :o AND sku = :sku")
                    .param("shop", shop.value()).param("o", order.toString()).param("sku", sku.value()).update();
        } else {
            jdbc.sql("UPDATE stock_reservations SET quantity = quantity - :q WHERE shop_id = :shop AND order_id = :o AND sku = :sku")
                    .param("q", q).param("shop", shop.value()).param("o", order.toString()).param("sku", sku.value()).update();
        }
        StockLevel after = item(shop, sku);
        movement(shop, sku, null, MovementKind.RELEASE, -q, after, order, reason);
        rearmIfRecovered(shop, after);
    }

    /**
     * The order's parcel left: everything reserved for it leaves the shelves ({@code onHand} and
     * {@code reserved} drop, one ISSUE movement per SKU), taken from the product's own bin first.
     * Issuing twice changes nothing. Must run inside the shipment's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(ShopId shop, OrderId order, String reason) {
        var reservations = jdbc.sql("SELECT sku, quantity FROM stock_reservations WHERE shop_id = :shop AND order_id = :o ORDER BY sku")
                .param("shop", shop.value()).param("o", order.toString())
                .query((rs, i) -> Map.entry(new Sku(rs.getString(1)), rs.getInt(2))).list();
        for (var r : reservations) {
            Sku sku = r.getKey();
            int qty = r.getValue();
            lockItem(shop, sku);
            jdbc.sql("UPDATE stock_items SET on_hand = on_hand - :q, reserved = reserved - :q WHERE shop_id = :shop AND sku = :sku")
                    .param("q", qty).param("shop", shop.value()).param("sku", sku.value()).update();
            jdbc.sql("DELETE FROM stock_reservations WHERE shop_id = :shop AND order_id = :o AND sku = :sku")
                    .param("shop", shop.value()).param("o", order.toString()).param("sku", sku.value()).update();
            String home = catalog.find(shop, sku).map(Product::location).orElse(null);
            List<StockLevel.BinStock> bins = new ArrayList<>(bins(shop, sku));
            bins.sort(java.util.Comparator.comparing((StockLevel.BinStock b) -> !b.bin().equals(home))
                    .thenComparing(StockLevel.BinStock::onHand, java.util.Comparator.reverseOrder()));
            int left = qty;
            String firstBin = null;
            for (StockLevel.BinStock b : bins) {
                if (left == 0) {
                    break;
                }
                int take = Math.min(left, b.onHand());
                if (take > 0) {
                    setBin(shop, sku, b.bin(), b.onHand() - take);
                    firstBin = firstBin == null ? b.bin() : firstBin;
                    left -= take;
                }
            }
            StockLevel after = item(shop, sku);
            movement(shop, sku, firstBin, MovementKind.ISSUE, -qty, after, order, reason);
        }
    }

    /** What is reserved for an order, per SKU. */
    @Transactional(readOnly = true)
    public Map<Sku, Integer> reservedFor(ShopId shop, OrderId order) {
        Map<Sku, Integer> out = new TreeMap<>();
        jdbc.sql("SELECT sku, quantity FROM stock_reservations WHERE shop_id = :shop AND order_id = :o")
                .param("shop", shop.value()).param("o", order.toString())
                .query((rs, i) -> out.put(new Sku(rs.getString(1)), rs.getInt(2))).list();
        return out;
    }

    /**
     * A stock count: sets what lies in a bin (default: the product's location). With stock in
     * several bins the bin must be named. The threshold for low-stock warnings can be set alongside.
     */
    @Transactional
    public StockLevel count(ShopId shop, String skuText, Integer onHand, String binText, Integer lowStockThreshold,
            String reason) {
        Product product = product(shop, skuText);
        Validation v = new Validation();
        if (onHand == null) {
            v.reject("onHand", "is required");
        } else if (onHand < 0 || onHand > 10_000_000) {
            v.reject("onHand", "must be between 0 and 10000000");
        }
        if (lowStockThreshold != null && (lowStockThreshold < 0 || lowStockThreshold > 10_000_000)) {
            v.reject("lowStockThreshold", "must be between 0 and 10000000");
        }
        String bin = v.text("bin", binText, 40, false);
        String why = v.text("reason", reason, 500, false);
        v.throwIfInvalid();
        Sku sku = product.sku();
        ensureItem(shop, sku);
        lockItem(shop, sku);
        List<StockLevel.BinStock> bins = bins(shop, sku);
        if (bin == null) {
            if (bins.size() > 1) {
                throw Problem.invalid("bin", "is required: " + sku + " lies in " + bins.size() + " bins");
            }
            bin = bins.size() == 1 ? bins.get(0).bin()
                    : product.location() != null ? product.location() : UNASSIGNED_BIN;
        }
        final String countedBin = bin;
        int before = bins.stream().filter(b -> b.bin().equals(countedBin)).mapToInt(StockLevel.BinStock::onHand).sum();
        int delta = onHand - before;
        setBin(shop, sku, bin, onHand);
        jdbc.sql("UPDATE stock_items SET on_hand = on_hand + :d WHERE shop_id = :shop AND sku = :sku")
                .param("d", delta).param("shop", shop.value()).param("sku", sku.value()).update();
        if (lowStockThreshold != null) {
            jdbc.sql("UPDATE stock_items SET low_stock_threshold = :t WHERE shop_id = :shop AND sku = :sku")
                    .param("t", lowStockThreshold).param("shop", shop.value()).param("sku", sku.value()).update();
        }
        StockLevel after = level(shop, sku).orElseThrow();
        movement(shop, sku, bin, MovementKind.COUNT, delta, after, null, why);
        audit.record(shop, "stock.counted", "product", sku.value(), why,
                Map.of("bin", bin, "before", before, "counted", onHand, "onHandAfter", after.onHand(),
                        "lowStockThreshold", after.lowStockThreshold()));
        signalIfLow(shop, after);
        rearmIfRecovered(shop, after);
        return after;
    }

    /** Goods arrived: adds to a bin (default: the product's location). */
    @Transactional
    public StockLevel receive(ShopId shop, String skuText, Integer quantity, String binText, String reason) {
        Product product = product(shop, skuText);
        Validation v = new Validation();
        if (quantity == null || quantity < 1 || quantity > 10_000_000) {
            v.reject("quantity", "must be between 1 and 10000000");
        }
        String bin = v.text("bin", binText, 40, false);
        String why = v.text("reason", reason, 500, false);
        v.throwIfInvalid();
        Sku sku = product.sku();
        ensureItem(shop, sku);
        lockItem(shop, sku);
        if (bin == null) {
            bin = product.location() != null ? product.location() : UNASSIGNED_BIN;
        }
        final String target = bin;
        int inBin = bins(shop, sku).stream().filter(b -> b.bin().equals(target)).mapToInt(StockLevel.BinStock::onHand).sum();
        setBin(shop, sku, bin, inBin + quantity);
        jdbc.sql("UPDATE stock_items SET on_hand = on_hand + :d WHERE shop_id = :shop AND sku = :sku")
                .param("d", quantity).param("shop", shop.value()).param("sku", sku.value()).update();
        StockLevel after = level(shop, sku).orElseThrow();
        movement(shop, sku, bin, MovementKind.RECEIPT, quantity, after, null, why);
        audit.record(shop, "stock.received", "product", sku.value(), why, Map.of("bin", bin, "quantity", quantity));
        rearmIfRecovered(shop, after);
        return after;
    }

    /** The SKU's totals without bins (hot path of order intake). */
    private StockLevel item(ShopId shop, Sku sku) {
        return jdbc.sql("SELECT on_hand, reserved, low_stock_threshold FROM stock_items WHERE shop_id = :shop AND sku = :sku")
                .param("shop", shop.value()).param("sku", sku.value())
                .query((rs, i) -> new StockLevel(sku, rs.getInt(1), rs.getInt(2), rs.getInt(3), List.of())).single();
    }

    @Transactional(readOnly = true)
    public Optional<StockLevel> level(ShopId shop, Sku sku) {
        return jdbc.sql("SELECT * FROM stock_items WHERE shop_id = :shop AND sku = :sku")
                .param("shop", shop.value()).param("sku", sku.value())
                .query((rs, i) -> new StockLevel(sku, rs.getInt("on_hand"), rs.getInt("reserved"),
                        rs.getInt("low_stock_threshold"), List.of()))
                .optional()
                .map(l -> new StockLevel(l.sku(), l.onHand(), l.reserved(), l.lowStockThreshold(), bins(shop, sku)));
    }

    /** Stock of every SKU that has been counted, optionally only those at or below their threshold. */
    @Transactional(readOnly = true)
    public List<StockLevel> levels(ShopId shop, boolean lowOnly, int limit) {
        return jdbc.sql("SELECT * FROM stock_items WHERE shop_id = :shop"
                        + (lowOnly ? " AND on_hand - reserved <= low_stock_threshold" : "") + " ORDER BY sku LIMIT :limit")
                .param("shop", shop.value()).param("limit", limit)
                .query((rs, i) -> new StockLevel(new Sku(rs.getString("sku")), rs.getInt("on_hand"),
                        rs.getInt("reserved"), rs.getInt("low_stock_threshold"), List.of()))
                .list();
    }

    @Transactional(readOnly = true)
    public List<StockMovement> movements(ShopId shop, Sku sku, int limit) {
        return jdbc.sql("SELECT * FROM stock_movements WHERE shop_id = :shop AND sku = :sku ORDER BY id DESC LIMIT :limit")
                .param("shop", shop.value()).param("sku", sku.value()).param("limit", limit)
                .query(Inventory::movement).list();
    }

    private Product product(ShopId shop, String skuText) {
        if (!Sku.isValid(skuText)) {
            throw Problem.notFound("product " + skuText);
        }
        return catalog.find(shop, new Sku(skuText)).orElseThrow(() -> Problem.notFound("product " + skuText));
    }

    private void ensureItem(ShopId shop, Sku sku) {
        // ON CONFLICT: a concurrent first count of the same SKU must not abort this transaction.
        jdbc.sql("""
                INSERT INTO stock_items (shop_id, sku, on_hand, reserved, low_stock_threshold, low_stock_signalled)
                VALUES (:shop, :sku, 0, 0, 0, FALSE) ON CONFLICT DO NOTHING""")
                .param("shop", shop.value()).param("sku", sku.value()).update();
    }

    private void lockItem(ShopId shop, Sku sku) {
        jdbc.sql("SELECT on_hand FROM stock_items WHERE shop_id = :shop AND sku = :sku FOR UPDATE")
                .param("shop", shop.value()).param("sku", sku.value()).query(Integer.class).single();
    }

    private List<StockLevel.BinStock> bins(ShopId shop, Sku sku) {
        return jdbc.sql("SELECT bin, on_hand FROM stock_bins WHERE shop_id = :shop AND sku = :sku ORDER BY bin")
                .param("shop", shop.value()).param("sku", sku.value())
                .query((rs, i) -> new StockLevel.BinStock(rs.getString(1), rs.getInt(2))).list();
    }

    private void setBin(ShopId shop, Sku sku, String bin, int onHand) {
        int n = jdbc.sql("UPDATE stock_bins SET on_hand = :q WHERE shop_id = :shop AND sku = :sku AND bin = :bin")
                .param("q", onHand).param("shop", shop.value()).param("sku", sku.value()).param("bin", bin).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO stock_bins (shop_id, sku, bin, on_hand) VALUES (:shop, :sku, :bin, :q)")
                    .param("q", onHand).param("shop", shop.value()).param("sku", sku.value()).param("bin", bin).update();
        }
    }

    private static final String MOVEMENT = """
            INSERT INTO stock_movements (shop_id, sku, bin, kind, quantity, on_hand_after, reserved_after,
                order_id, reason, actor, occurred_at)
            VALUES (:shop, :sku, :bin, :kind, :q, :onHand, :reserved, :order, :reason, :actor, :at)""";

    private void movement(ShopId shop, Sku sku, String bin, MovementKind kind, int qty, StockLevel after,
            OrderId order, String reason) {
        batch.update(MOVEMENT, movementRow(shop, sku, bin, kind, qty, after, order, reason, Actor.current(),
                Timestamp.from(clock.instant())));
    }

    private static MapSqlParameterSource movementRow(ShopId shop, Sku sku, String bin, MovementKind kind, int qty,
            StockLevel after, OrderId order, String reason, String actor, Timestamp at) {
        return new MapSqlParameterSource().addValue("shop", shop.value()).addValue("sku", sku.value())
                .addValue("bin", bin).addValue("kind", kind.name()).addValue("q", qty)
                .addValue("onHand", after.onHand()).addValue("reserved", after.reserved())
                .addValue("order", order == null ? null : order.toString()).addValue("reason", reason)
                .addValue("actor", actor).addValue("at", at);
    }

    private void signalIfLow(ShopId shop, StockLevel level) {
        if (level.isLow() && level.lowStockThreshold() > 0) {
            int n = jdbc.sql("""
                    UPDATE stock_items SET low_stock_signalled = TRUE
                    WHERE shop_id = :shop AND sku = :sku AND low_stock_signalled = FALSE""")
                    .param("shop", shop.value()).param("sku", level.sku().value()).update();
            if (n > 0) {
                events.publishEvent(new LowStockReached(shop, level.sku(), level.available(), level.lowStockThreshold()));
            }
        }
    }

    private void rearmIfRecovered(ShopId shop, StockLevel level) {
        if (!level.isLow()) {
            jdbc.sql("UPDATE stock_items SET low_stock_signalled = FALSE WHERE shop_id = :shop AND sku = :sku AND low_stock_signalled = TRUE")
                    .param("shop", shop.value()).param("sku", level.sku().value()).update();
        }
    }

    private static StockMovement movement(ResultSet rs, int i) throws SQLException {
        return new StockMovement(rs.getLong("id"), rs.getString("sku"), rs.getString("bin"),
                MovementKind.valueOf(rs.getString("kind")), rs.getInt("quantity"), rs.getInt("on_hand_after"),
                rs.getInt("reserved_after"), rs.getString("order_id"), rs.getString("reason"), rs.getString("actor"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
