package org.o2c.fulfillment.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The S-shape (traversal) rule pickers follow without a plan: every aisle with a pick is walked through from end
 * to end, alternating direction; with an odd number of such aisles the last one is entered from the front and
 * left the same way. Kept for comparison: o2c's own routes are never longer.
 */
public final class SShape {
    private SShape() {}

    public static Tour route(AisleGrid grid, List<GridPoint> picks) {
        if (picks.isEmpty()) {
            return new Tour(List.of(), 0);
        }
        TreeMap<Integer, List<Integer>> byAisle = new TreeMap<>();
        for (int i = 0; i < picks.size(); i++) {
            byAisle.computeIfAbsent(picks.get(i).aisle(), k -> new ArrayList<>()).add(i);
        }
        int m = byAisle.size();
        List<Integer> order = new ArrayList<>();
        long length = 2 * grid.x(byAisle.lastKey());
        int k = 0;
        for (var entry : byAisle.entrySet()) {
            List<Integer> here = entry.getValue();
            boolean returnTrip = m % 2 == 1 && k == m - 1;
            boolean upwards = k % 2 == 0;
            Comparator<Integer> byY = Comparator.comparingLong(i -> picks.get(i).y());
            here.sort(upwards || returnTrip ? byY.thenComparing(i -> i) : byY.reversed().thenComparing(i -> i));
            order.addAll(here);
            length += returnTrip ? 2 * here.stream().mapToLong(i -> picks.get(i).y()).max().orElse(0) : grid.length();
            k++;
        }
        return new Tour(order, length);
    }
}
