package org.o2c.fulfillment;

import java.time.LocalTime;

/**
 * How o2c forms pick waves by itself: at most {@code ordersPerWave} orders (one tote each) and
 * {@code itemsPerCart} items on one cart. {@code firstBy} {@code CUT_OFF} starts with the orders placed before
 * today's {@code cutOff} (they must leave today), oldest first; {@code DISTANCE} starts each wave with the order
 * farthest from the depot, which groups best when nothing is urgent.
 */
public record WaveSettings(int ordersPerWave, int itemsPerCart, String firstBy, LocalTime cutOff) {
    public static final String CUT_OFF = "CUT_OFF";
    public static final String DISTANCE = "DISTANCE";

    public static WaveSettings defaults() {
        return new WaveSettings(10, 60, CUT_OFF, LocalTime.of(14, 0));
    }
}
