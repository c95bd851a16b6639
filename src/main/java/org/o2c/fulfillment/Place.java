package org.o2c.fulfillment;

/**
 * Where a bin is for routing, in micrometres: in the aisle grid ({@code aisle} ≥ 0, {@code y} along the aisle)
 * or free in the room ({@code aisle} = -1, {@code x}/{@code y} from the depot).
 */
record Place(int aisle, long x, long y) {
    boolean inGrid() {
        return aisle >= 0;
    }
}
