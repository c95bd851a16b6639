package org.o2c.orders;

import java.util.EnumSet;
import java.util.Set;

/** Where an order stands. Later modules add the states after confirmation (picking, shipped…). */
public enum OrderStatus {
    NEW, ON_HOLD, AWAITING_PAYMENT, CONFIRMED, CANCELLED, SHIPPED;

    /** States from which a person may cancel (stock is released). */
    static final Set<OrderStatus> CANCELLABLE = EnumSet.of(NEW, ON_HOLD, AWAITING_PAYMENT, CONFIRMED);
}
