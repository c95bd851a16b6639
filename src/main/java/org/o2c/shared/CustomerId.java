package org.o2c.shared;

import java.util.UUID;

/** Technical id of a customer; the customer number printed on documents is separate. */
public record CustomerId(UUID value) {
    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
