package org.o2c.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands. {@code PICKING}: the order is in a pick wave (being picked, or picked and waiting at
 * packing) until its parcel leaves ({@code SHIPPED}); taking it out of its wave or cancelling the wave puts it
 * back to {@code CONFIRMED}.
 */
public enum OrderStatus {
    NEW, ON_HOLD, AWAITING_PAYMENT, CONFIRMED, PICKING, CANCELLED, SHIPPED;

    /**
     * States from which a person may cancel (stock is released). Not {@code PICKING}: its goods are in a tote,
     * so the warehouse takes the order out of its wave first.
     */
    static final Set<OrderStatus> CANCELLABLE = EnumSet.of(NEW, ON_HOLD, AWAITING_PAYMENT, CONFIRMED);

    /** Whether a person may cancel an order in this state. */
    public boolean cancellable() {
        return CANCELLABLE.contains(this);
    }

    /** States from which the parcel may leave. */
    static final Set<OrderStatus> SHIPPABLE = EnumSet.of(CONFIRMED, PICKING);
}
