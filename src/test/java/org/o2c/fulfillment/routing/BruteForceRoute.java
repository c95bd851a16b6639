package org.o2c.fulfillment.routing;

import java.util.List;

/**
 * The shortest pick tour by trying every order of visiting the distinct places, each leg the shortest walk
 * between two places: the yardstick the router is checked against on small cases (tests and the picking
 * benchmark). Factorial, so only for a handful of places.
 */
public final class BruteForceRoute {
    private BruteForceRoute() {}

    public static long shortest(AisleGrid grid, List<GridPoint> picks) {
        List<GridPoint> places = picks.stream().distinct().toList();
        return permute(grid, places, new boolean[places.size()], grid.depot(), 0, 0);
    }

    private static long permute(AisleGrid grid, List<GridPoint> places, boolean[] used, GridPoint at, int done,
            long sofar) {
        if (done == places.size()) {
            return sofar + grid.distance(at, grid.depot());
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < places.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                best = Math.min(best, permute(grid, places, used, places.get(i), done + 1,
                        sofar + grid.distance(at, places.get(i))));
                used[i] = false;
            }
        }
        return best;
    }
}
