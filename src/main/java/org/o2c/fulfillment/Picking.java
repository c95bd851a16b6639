package org.o2c.fulfillment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.catalog.Gtin;
import org.o2c.orders.Order;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.Orders;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A picker walks a wave: scans the bin, then each item. A wrong bin or item is refused at once and nothing is
 * counted; a right item counts one; a short pick is recorded and puts its order on hold, so it is not shipped
 * incomplete, until a person resolves it ({@link ShortPicks}). The wave is done when every stop is picked or
 * reported short. The first scan starts the wave's clock, each settled stop and each refused item is noted:
 * the pick times and the mis-pick rate come from these ({@link FulfillmentMetrics}).
 */
@Service
public class Picking {

    /** What a scan or report did. */
    public enum Outcome { BIN_CONFIRMED, WRONG_BIN, PICKED, STOP_DONE, WAVE_DONE, WRONG_ITEM, NOT_A_GTIN, SHORT_REPORTED }

    /** The outcome and the wave as it is now. */
    public record Result(Outcome outcome, PickWave wave) {}

    private final JdbcClient jdbc;
    private final PickWaves waves;
    private final Orders orders;
    private final AuditLog audit;
    private final Clock clock;

    private final ShortPicks shortPicks;

    Picking(JdbcClient jdbc, PickWaves waves, Orders orders, AuditLog audit, Clock clock, ShortPicks shortPicks) {
        this.shortPicks = shortPicks;
        this.clock = clock;
        this.jdbc = jdbc;
        this.waves = waves;
        this.orders = orders;
        this.audit = audit;
    }

    /** The stop to walk to next: the first that is neither picked nor reported short. */
    public static Optional<PickWave.Stop> current(PickWave wave) {
        return wave.stops().stream().filter(s -> !s.settled()).findFirst();
    }

    @Transactional
    public Result scanBin(ShopId shop, String waveId, int stopNo, String code) {
        PickWave wave = waves.get(shop, waveId);
        PickWave.Stop stop = openStop(wave, stopNo);
        started(waveId);
        boolean right = code != null && code.strip().equalsIgnoreCase(stop.location());
        return new Result(right ? Outcome.BIN_CONFIRMED : Outcome.WRONG_BIN, wave);
    }

    @Transactional
    public Result scanItem(ShopId shop, String waveId, int stopNo, String code) {
        PickWave wave = waves.lock(shop, waveId);
        PickWave.Stop stop = openStop(wave, stopNo);
        started(waveId);
        String scanned = code == null ? "" : code.strip();
        if (scanned.matches("\\d{8,14}") && !Gtin.isValid(scanned)) {
            return new Result(Outcome.NOT_A_GTIN, wave);
        }
        if (!matches(stop, scanned)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("stop", stop.no());
            details.put("bin", stop.location());
            details.put("expected", stop.gtin() != null ? stop.gtin() : stop.sku());
            details.put("scanned", scanned.length() > 40 ? scanned.substring(0, 40) : scanned);
            jdbc.sql("UPDATE pick_wave_stops SET wrong_scans = wrong_scans + 1 WHERE wave_id = :w AND stop_no = :no")
                    .param("w", waveId).param("no", stopNo).update();
            audit.record(shop, "pick-wave.wrong-item", "pick-wave", waveId, "refused at the bin", details);
            return new Result(Outcome.WRONG_ITEM, wave);
        }
        jdbc.sql("UPDATE pick_wave_stops SET picked = picked + 1 WHERE wave_id = :w AND stop_no = :no")
                .param("w", waveId).param("no", stopNo).update();
        boolean stopDone = stop.picked() + 1 + stop.missing() >= stop.quantity();
        if (!stopDone) {
            return new Result(Outcome.PICKED, waves.get(shop, waveId));
        }
        settled(waveId, stopNo);
        return settle(shop, waveId, Outcome.STOP_DONE);
    }

    /** The bin holds fewer than the stop needs: the rest is missing and the order goes on hold. */
    @Transactional
    public Result reportShort(ShopId shop, String waveId, int stopNo) {
        PickWave wave = waves.lock(shop, waveId);
        PickWave.Stop stop = openStop(wave, stopNo);
        started(waveId);
        int missing = stop.quantity() - stop.picked();
        jdbc.sql("UPDATE pick_wave_stops SET short = :m WHERE wave_id = :w AND stop_no = :no")
                .param("m", missing).param("w", waveId).param("no", stopNo).update();
        settled(waveId, stopNo);
        String reason = "short pick: " + missing + " × " + stop.sku() + " missing in bin " + stop.location();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stop", stop.no());
        details.put("orderId", stop.orderId().toString());
        details.put("sku", stop.sku());
        details.put("bin", stop.location());
        details.put("missing", missing);
        audit.record(shop, "pick-wave.short-pick", "pick-wave", waveId, reason, details);
        Order order = orders.get(shop, stop.orderId());
        shortPicks.open(shop, wave, stop, order.number(), missing);
        if (order.status() == OrderStatus.PICKING || order.status() == OrderStatus.CONFIRMED) {
            orders.holdForShortPick(shop, stop.orderId(), reason);
        }
        Result r = settle(shop, waveId, Outcome.SHORT_REPORTED);
        return r.outcome() == Outcome.WAVE_DONE ? r : new Result(Outcome.SHORT_REPORTED, r.wave());
    }

    private Result settle(ShopId shop, String waveId, Outcome outcome) {
        PickWave now = waves.get(shop, waveId);
        if (current(now).isPresent()) {
            return new Result(outcome, now);
        }
        waves.close(shop, now, PickWave.DONE);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stops", now.stops().size());
        details.put("picked", now.stops().stream().mapToInt(PickWave.Stop::picked).sum());
        details.put("missing", now.stops().stream().mapToInt(PickWave.Stop::missing).sum());
        audit.record(shop, "pick-wave.picked", "pick-wave", waveId, null, details);
        return new Result(Outcome.WAVE_DONE, waves.get(shop, waveId));
    }

    /** The first scan starts the wave's pick time. */
    private void started(String waveId) {
        jdbc.sql("UPDATE pick_waves SET started_at = :at WHERE id = :w AND started_at IS NULL")
                .param("at", java.sql.Timestamp.from(clock.instant())).param("w", waveId).update();
    }

    private void settled(String waveId, int stopNo) {
        jdbc.sql("UPDATE pick_wave_stops SET settled_at = :at WHERE wave_id = :w AND stop_no = :no")
                .param("at", java.sql.Timestamp.from(clock.instant())).param("w", waveId).param("no", stopNo).update();
    }

    private static PickWave.Stop openStop(PickWave wave, int stopNo) {
        if (!PickWave.OPEN.equals(wave.status())) {
            throw Problem.conflict("invalid-status", "Pick wave is not open", "pick wave " + wave.id() + " is " + wave.status());
        }
        PickWave.Stop stop = wave.stops().stream().filter(s -> s.no() == stopNo).findFirst()
                .orElseThrow(() -> Problem.notFound("stop " + stopNo + " of pick wave " + wave.id()));
        if (stop.settled()) {
            throw Problem.conflict("stop-settled", "Stop is done", "stop " + stopNo + " is already picked");
        }
        return stop;
    }

    /** GTINs compare as numbers (a GTIN-13 is the GTIN-14 with a leading zero); without a GTIN the SKU label counts. */
    private static boolean matches(PickWave.Stop stop, String scanned) {
        if (stop.gtin() != null && scanned.matches("\\d{8,14}")) {
            return stripZeros(stop.gtin()).equals(stripZeros(scanned));
        }
        return stop.gtin() == null && scanned.toUpperCase(Locale.ROOT).equals(stop.sku().toUpperCase(Locale.ROOT));
    }

    private static String stripZeros(String digits) {
        return digits.replaceFirst("^0+", "");
    }
}
