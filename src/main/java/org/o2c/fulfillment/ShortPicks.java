package org.o2c.fulfillment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.o2c.audit.AuditLog;
import org.o2c.orders.HoldReason;
import org.o2c.orders.Order;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.OrderStatusChanged;
import org.o2c.orders.Orders;
import org.o2c.shared.Actor;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens after a short pick: the order waits on hold until a person decides. {@code FOUND_ELSEWHERE}
 * (the items lie in another bin) and {@code RECOUNT} (the bin was counted again and holds some after all) make a
 * re-pick list for the missing items; {@code CANCEL_LINE} takes the missing items off the order (totals and
 * reservation shrink) and the order ships without them; {@code CANCEL_ORDER} cancels the order. Once an order
 * has no open short pick left it is back in picking, ready for packing when its re-pick is done.
 */
@Service
public class ShortPicks {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
    /** Closed because the order was cancelled elsewhere. */
    public static final String WITHDRAWN = "WITHDRAWN";

    public static final List<String> RESOLUTIONS = List.of("FOUND_ELSEWHERE", "RECOUNT", "CANCEL_LINE", "CANCEL_ORDER");

    /** One short pick: what was missing where, and how it was resolved. */
    public record ShortPick(String id, String waveId, int stopNo, OrderId orderId, String orderNumber, String sku,
            String location, int missing, String status, Instant reportedAt, String resolution, String note,
            String repickWaveId, Instant resolvedAt, String resolvedBy) {}

    /** A person's decision as it comes in: {@code bin} for FOUND_ELSEWHERE, {@code counted} for RECOUNT. */
    public record Resolution(String resolution, String bin, Integer counted, String reason) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Orders orders;
    private final PickWaves waves;
    private final AuditLog audit;

    ShortPicks(JdbcClient jdbc, Clock clock, Orders orders, PickWaves waves, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.orders = orders;
        this.waves = waves;
        this.audit = audit;
    }

    /** Records a short pick as the picker reported it (in the picker's transaction). */
    void open(ShopId shop, PickWave wave, PickWave.Stop stop, String orderNumber, int missing) {
        jdbc.sql("""
                INSERT INTO short_picks (id, shop_id, wave_id, stop_no, order_id, order_number, sku, location, missing,
                    status, reported_at, reported_by)
                VALUES (:id, :shop, :w, :no, :o, :n, :sku, :loc, :m, 'OPEN', :at, :by)""")
                .param("id", UUID.randomUUID().toString()).param("shop", shop.value()).param("w", wave.id())
                .param("no", stop.no()).param("o", stop.orderId().toString()).param("n", orderNumber)
                .param("sku", stop.sku()).param("loc", stop.location()).param("m", missing)
                .param("at", Timestamp.from(clock.instant())).param("by", Actor.current()).update();
    }

    /** Short picks newest first, optionally only those with this status. */
    @Transactional(readOnly = true)
    public List<ShortPick> list(ShopId shop, String status, int limit) {
        return jdbc.sql("SELECT * FROM short_picks WHERE shop_id = :shop" + (status == null ? "" : " AND status = :s")
                        + " ORDER BY reported_at DESC, id LIMIT :limit")
                .param("shop", shop.value()).param("s", status).param("limit", limit)
                .query((rs, i) -> row(rs)).list();
    }

    @Transactional(readOnly = true)
    public ShortPick get(ShopId shop, String id) {
        return find(shop, id, false).orElseThrow(() -> Problem.notFound("short pick " + id));
    }

    @Transactional
    public ShortPick resolve(ShopId shop, String id, Resolution in) {
        Validation v = new Validation();
        String resolution = in.resolution() == null ? null : in.resolution().strip().toUpperCase(java.util.Locale.ROOT);
        if (resolution == null || !RESOLUTIONS.contains(resolution)) {
            v.reject("resolution", "must be one of " + String.join(", ", RESOLUTIONS));
        }
        String why = v.text("reason", in.reason(), 1000, true);
        String bin = v.text("bin", in.bin(), 40, "FOUND_ELSEWHERE".equals(resolution));
        if ("RECOUNT".equals(resolution)) {
            if (in.counted() == null) {
                v.reject("counted", "is required: how many the bin holds now");
            } else if (in.counted() < 0 || in.counted() > 1_000_000) {
                v.reject("counted", "must be between 0 and 1000000");
            }
        }
        v.throwIfInvalid();
        ShortPick sp = find(shop, id, true).orElseThrow(() -> Problem.notFound("short pick " + id));
        if (!OPEN.equals(sp.status())) {
            throw Problem.conflict("short-pick-resolved", "Short pick already resolved",
                    "the short pick of order " + sp.orderNumber() + " is " + sp.status());
        }
        Order order = orders.get(shop, sp.orderId());
        if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.SHIPPED) {
            throw Problem.conflict("invalid-status", "Order is closed", "order " + order.number() + " is " + order.status());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("order", sp.orderNumber());
        details.put("sku", sp.sku());
        details.put("missing", sp.missing());
        details.put("resolution", resolution);
        String repick = null;
        int stillMissing = 0;
        switch (resolution) {
            case "FOUND_ELSEWHERE" -> {
                repick = waves.repick(shop, order, sp.sku(), bin.toUpperCase(java.util.Locale.ROOT), sp.missing(),
                        "re-pick after short pick: " + why).id();
                details.put("bin", bin);
            }
            case "RECOUNT" -> {
                int found = Math.min(in.counted(), sp.missing());
                stillMissing = sp.missing() - found;
                if (found > 0) {
                    repick = waves.repick(shop, order, sp.sku(), sp.location(), found,
                            "re-pick after recount: " + why).id();
                }
                details.put("counted", in.counted());
                details.put("stillMissing", stillMissing);
            }
            case "CANCEL_LINE" -> orders.removeItems(shop, sp.orderId(), Map.of(new Sku(sp.sku()), sp.missing()),
                    "short pick: " + why);
            default -> { }
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (stillMissing > 0) {
            // Part was found: that part is re-picked, the rest stays short and waits for the next decision.
            jdbc.sql("UPDATE short_picks SET missing = :m, note = :note, repick_wave_id = :r WHERE id = :id")
                    .param("m", stillMissing).param("note", truncate("recounted: " + in.counted() + " found; " + why))
                    .param("r", repick).param("id", id).update();
        } else {
            close(shop, "CANCEL_ORDER".equals(resolution) ? null : id, sp.orderId(), resolution, why, repick, now);
        }
        audit.record(shop, "short-pick.resolved", "order", sp.orderId().toString(), why, details);
        if ("CANCEL_ORDER".equals(resolution)) {
            jdbc.sql("DELETE FROM orders_in_picking WHERE shop_id = :shop AND order_id = :o")
                    .param("shop", shop.value()).param("o", sp.orderId().toString()).update();
            orders.cancel(shop, sp.orderId(), "short pick: " + why);
        } else if (openFor(shop, sp.orderId()) == 0) {
            Order now2 = orders.get(shop, sp.orderId());
            if (now2.status() == OrderStatus.ON_HOLD && now2.holdReason() == HoldReason.SHORT_PICK) {
                orders.resumePicking(shop, sp.orderId(), repick != null ? "short pick resolved, re-pick " + repick
                        : "short pick resolved: " + why);
            }
        }
        return get(shop, id);
    }

    /** An order cancelled elsewhere takes its open short picks along and leaves picking. */
    @ApplicationModuleListener
    void on(OrderStatusChanged e) {
        if (e.to() != OrderStatus.CANCELLED) {
            return;
        }
        jdbc.sql("UPDATE short_picks SET status = 'WITHDRAWN', resolved_at = :at, note = :note"
                        + " WHERE shop_id = :shop AND order_id = :o AND status = 'OPEN'")
                .param("at", Timestamp.from(clock.instant())).param("note", truncate("order cancelled: " + e.reason()))
                .param("shop", e.shopId().value()).param("o", e.orderId().toString()).update();
        jdbc.sql("DELETE FROM orders_in_picking WHERE shop_id = :shop AND order_id = :o")
                .param("shop", e.shopId().value()).param("o", e.orderId().toString()).update();
    }

    /** Closes one short pick, or (id null) every open one of the order. */
    private void close(ShopId shop, String id, OrderId order, String resolution, String why, String repick, Timestamp now) {
        jdbc.sql("UPDATE short_picks SET status = 'RESOLVED', resolution = :r, note = :note, repick_wave_id = :w,"
                        + " resolved_at = :at, resolved_by = :by WHERE shop_id = :shop AND status = 'OPEN' AND "
                        + (id == null ? "order_id = :o" : "id = :id"))
                .param("r", resolution).param("note", truncate(why)).param("w", repick).param("at", now)
                .param("by", Actor.current()).param("shop", shop.value()).param("o", order.toString())
                .param("id", id).update();
    }

    private long openFor(ShopId shop, OrderId order) {
        return jdbc.sql("SELECT COUNT(*) FROM short_picks WHERE shop_id = :shop AND order_id = :o AND status = 'OPEN'")
                .param("shop", shop.value()).param("o", order.toString()).query(Long.class).single();
    }

    private Optional<ShortPick> find(ShopId shop, String id, boolean lock) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM short_picks WHERE id = :id AND shop_id = :shop" + (lock ? " FOR UPDATE" : ""))
                .param("id", id).param("shop", shop.value()).query((rs, i) -> row(rs)).optional();
    }

    private static ShortPick row(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new ShortPick(rs.getString("id"), rs.getString("wave_id"), rs.getInt("stop_no"),
                OrderId.parse(rs.getString("order_id")), rs.getString("order_number"), rs.getString("sku"),
                rs.getString("location"), rs.getInt("missing"), rs.getString("status"),
                rs.getTimestamp("reported_at").toInstant(), rs.getString("resolution"), rs.getString("note"),
                rs.getString("repick_wave_id"), resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
