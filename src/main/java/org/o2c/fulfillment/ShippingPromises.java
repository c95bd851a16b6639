package org.o2c.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.o2c.orders.ShipPromise;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers order intake's question when an order is promised to ship, from the shop's wave settings (the
 * promise lives with the cut-off times it depends on). The date is fixed at intake: a later settings change
 * does not move the promises already made.
 */
@Component
class ShippingPromises implements ShipPromise {
    private final JdbcClient jdbc;

    ShippingPromises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** On the intake path: one small query for what the promise needs, not the whole settings. */
    @Override
    public LocalDate promisedShipDate(ShopId shop, Instant placedAt, String carrier) {
        WaveSettings d = WaveSettings.defaults();
        WaveSettings s = jdbc.sql("""
                        SELECT w.cut_off, w.ship_within_days, w.default_carrier,
                               (SELECT c.cut_off FROM carrier_cut_offs c
                                 WHERE c.shop_id = w.shop_id AND c.carrier = COALESCE(:carrier, w.default_carrier)) AS own
                        FROM wave_settings w WHERE w.shop_id = :shop""")
                .param("shop", shop.value()).param("carrier", carrier)
                .query((rs, i) -> {
                    String chosen = carrier != null ? carrier : rs.getString(3);
                    Map<String, LocalTime> own = rs.getString(4) == null || chosen == null ? Map.of()
                            : Map.of(chosen, LocalTime.parse(rs.getString(4)));
                    return new WaveSettings(d.ordersPerWave(), d.itemsPerCart(), d.firstBy(),
                            LocalTime.parse(rs.getString(1)), rs.getInt(2), rs.getString(3), own);
                })
                .optional().orElse(d);
        return s.promisedShipDate(placedAt, carrier);
    }

    WaveSettings settings(ShopId shop) {
        Map<String, LocalTime> carriers = new HashMap<>();
        jdbc.sql("SELECT carrier, cut_off FROM carrier_cut_offs WHERE shop_id = :shop").param("shop", shop.value())
                .query((rs, i) -> carriers.put(rs.getString(1), LocalTime.parse(rs.getString(2)))).list();
        return jdbc.sql("SELECT * FROM wave_settings WHERE shop_id = :shop").param("shop", shop.value())
                .query((rs, i) -> new WaveSettings(rs.getInt("orders_per_wave"), rs.getInt("items_per_cart"),
                        rs.getString("first_by"), LocalTime.parse(rs.getString("cut_off")),
                        rs.getInt("ship_within_days"), rs.getString("default_carrier"), carriers))
                .optional().orElseGet(() -> {
                    WaveSettings d = WaveSettings.defaults();
                    return new WaveSettings(d.ordersPerWave(), d.itemsPerCart(), d.firstBy(), d.cutOff(),
                            d.shipWithinDays(), d.defaultCarrier(), carriers);
                });
    }
}
