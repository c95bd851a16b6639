package org.o2c.fulfillment.routing;

import java.util.List;

/**
 * A closed walk from the depot and back: the indices of the points to visit in walking order (each once,
 * at its first visit) and the walk's length in micrometres.
 */
public record Tour(List<Integer> order, long length) {
    public Tour {
        order = List.copyOf(order);
    }
}
