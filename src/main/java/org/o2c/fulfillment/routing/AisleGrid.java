package org.o2c.fulfillment.routing;

/**
 * The contract's single-block warehouse in micrometres: {@code aisles} parallel aisles {@code aisleDistance}
 * apart, a front and a back cross aisle whose centre lines are {@link #length()} apart, the depot on the
 * front centre line at the first aisle. Integer micrometres keep every distance exact.
 */
public record AisleGrid(int aisles, int baysPerAisle, long bayWidth, long aisleDistance, long crossAisle) {

    public AisleGrid {
        if (aisles < 1 || baysPerAisle < 1 || bayWidth <= 0 || aisleDistance <= 0 || crossAisle < 0) {
            throw new IllegalArgumentException("not a warehouse: " + aisles + " aisles, " + baysPerAisle + " bays");
        }
    }

    /** Distance between the centre lines of the front and the back cross aisle. */
    public long length() {
        return crossAisle + baysPerAisle * bayWidth;
    }

    /** Distance of aisle {@code aisle} (0 = A) from the depot's aisle. */
    public long x(int aisle) {
        return aisle * aisleDistance;
    }

    /** Distance of bay {@code bay} (1-based) from the front cross aisle's centre line. */
    public long y(int bay) {
        // crossAisle/2 + (bay - 0.5) * bayWidth, halved once at the end so odd micrometres stay exact enough.
        return (crossAisle + (2L * bay - 1) * bayWidth) / 2;
    }

    /** Shortest walk between two points on aisle centre lines (aisle changes go through a cross aisle). */
    public long distance(GridPoint p, GridPoint q) {
        if (p.aisle() == q.aisle()) {
            return Math.abs(p.y() - q.y());
        }
        long across = Math.abs(x(p.aisle()) - x(q.aisle()));
        long viaFront = p.y() + q.y();
        long viaBack = 2 * length() - p.y() - q.y();
        return across + Math.min(viaFront, viaBack);
    }

    /** The depot: front cross aisle, first aisle. */
    public GridPoint depot() {
        return new GridPoint(0, 0);
    }
}
