package org.o2c.fulfillment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.o2c.shared.TimeConfiguration;

/**
 * How o2c forms pick waves by itself, and the shipping promise the waves serve. At most {@code ordersPerWave}
 * orders (one tote each) and {@code itemsPerCart} items on one cart. {@code firstBy} {@code CUT_OFF} starts with
 * the orders whose ship-by deadline is nearest (promised ship date at their carrier's cut-off), oldest first;
 * {@code CARRIER} does the same but a wave holds the orders of one carrier only (one van, one pile at packing);
 * {@code DISTANCE} starts each wave with the order farthest from the depot, which groups best when nothing is
 * urgent. The promise: an order placed on a working day before its carrier's cut-off ships within
 * {@code shipWithinDays} working days (0: the same day); later orders count from the next working day.
 * {@code defaultCarrier} ships orders whose buyer chose none; {@code carrierCutOffs} overrides {@code cutOff}
 * per carrier.
 */
public record WaveSettings(int ordersPerWave, int itemsPerCart, String firstBy, LocalTime cutOff, int shipWithinDays,
        String defaultCarrier, Map<String, LocalTime> carrierCutOffs) {
    public static final String CUT_OFF = "CUT_OFF";
    public static final String CARRIER = "CARRIER";
    public static final String DISTANCE = "DISTANCE";

    public WaveSettings {
        carrierCutOffs = carrierCutOffs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(carrierCutOffs));
    }

    /** Without a promise or carriers: ships within one working day, no default carrier. */
    public WaveSettings(int ordersPerWave, int itemsPerCart, String firstBy, LocalTime cutOff) {
        this(ordersPerWave, itemsPerCart, firstBy, cutOff, 1, null, Map.of());
    }

    public static WaveSettings defaults() {
        return new WaveSettings(10, 60, CUT_OFF, LocalTime.of(14, 0));
    }

    /** The carrier that ships an order: the buyer's choice, else the shop's default (may be null). */
    public String carrierOf(String chosen) {
        return chosen != null ? chosen : defaultCarrier;
    }

    /** When the carrier's van leaves: its own cut-off, else the shop's. */
    public LocalTime cutOffOf(String carrier) {
        String c = carrierOf(carrier);
        return c == null ? cutOff : carrierCutOffs.getOrDefault(c, cutOff);
    }

    /** The date an order placed at that moment is promised to leave (working days are Monday to Friday). */
    public LocalDate promisedShipDate(Instant placedAt, String carrier) {
        ZonedDateTime at = placedAt.atZone(TimeConfiguration.BUSINESS_ZONE);
        LocalDate day = at.toLocalDate();
        if (!isWorkingDay(day) || !at.toLocalTime().isBefore(cutOffOf(carrier))) {
            day = nextWorkingDay(day);
        }
        for (int i = 0; i < shipWithinDays; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /** The moment the order must be packed by: its promised date at its carrier's cut-off. */
    public Instant deadline(LocalDate promised, String carrier) {
        return promised.atTime(cutOffOf(carrier)).atZone(TimeConfiguration.BUSINESS_ZONE).toInstant();
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
