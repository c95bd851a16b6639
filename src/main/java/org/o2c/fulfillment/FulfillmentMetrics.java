package org.o2c.fulfillment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.o2c.orders.Orders;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warehouse's numbers for a period of business days, from what was recorded as it happened: pick time
 * (first scan to last stop of each wave picked in the period, per distinct order and per stop), the mis-pick
 * rate (wrong items scanned and refused, per item scanned), short picks, on-time shipping (parcels that left
 * by the date promised at intake) and parcels per carton type.
 */
@Service
public class FulfillmentMetrics {
    static final int MAX_DAYS = 366;

    /** The numbers of one period; the dates are inclusive. */
    public record Numbers(LocalDate from, LocalDate to, PickNumbers picking, ShipNumbers shipping) {}

    /**
     * Picking: waves picked, distinct orders and stops (lines) in them, items picked, total pick seconds and the
     * averages (null when nothing was picked), wrong item scans and their share of all item scans in percent,
     * stops reported short.
     */
    public record PickNumbers(int waves, int orders, int lines, int items, long pickSeconds, BigDecimal secondsPerOrder,
            BigDecimal secondsPerLine, int wrongScans, BigDecimal misPickPercent, int shortPicks) {}

    /**
     * Shipping: parcels that left, those that left by the promised date and those after it, those of orders
     * without a promise (taken before promises existed), the on-time share in percent of parcels with a promise,
     * and parcels per carton ({@code null}: no standard carton named).
     */
    public record ShipNumbers(int parcels, int onTime, int late, int withoutPromise, BigDecimal onTimePercent,
            List<CartonCount> byCarton) {}

    public record CartonCount(String carton, int parcels) {}

    private final JdbcClient jdbc;
    private final Orders orders;

    FulfillmentMetrics(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public Numbers of(ShopId shop, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "must not be before from");
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() >= MAX_DAYS) {
            throw Problem.invalid("to", "a period is at most " + MAX_DAYS + " days");
        }
        return new Numbers(from, to, picking(shop, from, to), shipping(shop, from, to));
    }

    private PickNumbers picking(ShopId shop, LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(TimeConfiguration.BUSINESS_ZONE).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(TimeConfiguration.BUSINESS_ZONE).toInstant());
        String picked = " FROM pick_waves w WHERE w.shop_id = :shop AND w.status = 'DONE' AND w.started_at IS NOT NULL"
                + " AND w.finished_at >= :start AND w.finished_at < :end";
        List<Duration> times = jdbc.sql("SELECT w.started_at, w.finished_at" + picked)
                .param("shop", shop.value()).param("start", start).param("end", end)
                .query((rs, i) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .list();
        long seconds = times.stream().mapToLong(Duration::toSeconds).sum();
        long[] stops = jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(s.picked), 0), COALESCE(SUM(s.wrong_scans), 0),
                               COALESCE(SUM(CASE WHEN s.short > 0 THEN 1 ELSE 0 END), 0)
                        FROM pick_wave_stops s WHERE s.wave_id IN (SELECT w.id""" + picked + ")")
                .param("shop", shop.value()).param("start", start).param("end", end)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        long distinctOrders = jdbc.sql("SELECT COUNT(DISTINCT o.order_id) FROM pick_wave_orders o WHERE o.wave_id IN"
                        + " (SELECT w.id" + picked + ")")
                .param("shop", shop.value()).param("start", start).param("end", end).query(Long.class).single();
        return new PickNumbers(times.size(), (int) distinctOrders, (int) stops[0], (int) stops[1], seconds,
                ratio(seconds, distinctOrders, 1), ratio(seconds, stops[0], 1), (int) stops[2],
                percent(stops[2], stops[1] + stops[2]), (int) stops[3]);
    }

    private ShipNumbers shipping(ShopId shop, LocalDate from, LocalDate to) {
        record Parcel(OrderId order, LocalDate shippedOn, String carton) {}
        List<Parcel> parcels = jdbc.sql("SELECT order_id, shipped_on, carton_code FROM shipments"
                        + " WHERE shop_id = :shop AND shipped_on >= :from AND shipped_on <= :to")
                .param("shop", shop.value()).param("from", from).param("to", to)
                .query((rs, i) -> new Parcel(OrderId.parse(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getString(3)))
                .list();
        Map<OrderId, LocalDate> promised = orders.promisedShipDates(shop, parcels.stream().map(Parcel::order).toList());
        int onTime = 0;
        int late = 0;
        Map<String, Integer> byCarton = new java.util.TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (Parcel p : parcels) {
            LocalDate due = promised.get(p.order());
            if (due != null && !p.shippedOn().isAfter(due)) {
                onTime++;
            } else if (due != null) {
                late++;
            }
            byCarton.merge(p.carton(), 1, Integer::sum);
        }
        List<CartonCount> cartons = new ArrayList<>();
        byCarton.forEach((c, n) -> cartons.add(new CartonCount(c, n)));
        return new ShipNumbers(parcels.size(), onTime, late, parcels.size() - onTime - late,
                percent(onTime, onTime + late), cartons);
    }

    private static BigDecimal ratio(long a, long b, int scale) {
        return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
