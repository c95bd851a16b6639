package org.o2c.fulfillment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.o2c.shared.OrderId;

/**
 * One batch pick: a single walk from the depot and back that visits every bin once, the items sorted into one
 * tote per order. {@code stops} are in walking order; {@code distanceMeters} is the walk's length and
 * {@code sShapeMeters} what the S-shape rule would have walked (null in rooms without an aisle grid).
 */
public record PickWave(String id, String status, String routing, List<Tote> totes, List<Stop> stops,
        BigDecimal distanceMeters, BigDecimal sShapeMeters, Instant createdAt, String kind) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";
    /** A wave of several orders, as planned. */
    public static final String BATCH = "BATCH";
    /** A re-pick list: the missing items of one order after a short pick. */
    public static final String REPICK = "REPICK";

    /** The tote that collects one order's items. */
    public record Tote(int number, OrderId orderId, String orderNumber) {}

    /**
     * Take {@code quantity} of {@code sku} from bin {@code location} into tote {@code tote}; {@code picked} so far
     * and {@code missing} (reported short) are counted on the picking screen.
     */
    public record Stop(int no, String location, String sku, String gtin, int quantity, OrderId orderId, int tote,
            int picked, int missing) {
        public boolean settled() {
            return picked + missing >= quantity;
        }
    }

    public List<OrderId> orderIds() {
        return totes.stream().map(Tote::orderId).toList();
    }
}
