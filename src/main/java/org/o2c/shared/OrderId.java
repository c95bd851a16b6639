package org.o2c.shared;

import java.util.UUID;

/** Technical id of an order; the business number the customer sees is separate. */
public record OrderId(UUID value) {
    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    public static OrderId parse(String s) {
        return new OrderId(UUID.fromString(s));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
