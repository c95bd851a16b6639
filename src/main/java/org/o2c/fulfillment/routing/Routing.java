package org.o2c.fulfillment.routing;

import java.util.List;

/** Picks the right method: exact in an aisle grid, local search where places have free coordinates. */
public final class Routing {
    private Routing() {}

    /** A place with free coordinates in micrometres, measured from the depot. */
    public record Spot(long x, long y) {}

    /** Shortest-walk distances in the aisle grid, depot first. */
    public static long[][] matrix(AisleGrid grid, List<GridPoint> picks) {
        int n = picks.size() + 1;
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) {
            GridPoint p = i == 0 ? grid.depot() : picks.get(i - 1);
            for (int j = 0; j < n; j++) {
                d[i][j] = grid.distance(p, j == 0 ? grid.depot() : picks.get(j - 1));
            }
        }
        return d;
    }

    /**
     * Rectilinear (city-block) distances between free places, depot at (0, 0) first: walking in a room of
     * shelves goes along and across, rarely diagonally, so |dx| + |dy| is closer to the truth than a straight line.
     */
    public static long[][] matrix(List<Spot> spots) {
        int n = spots.size() + 1;
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) {
            Spot p = i == 0 ? new Spot(0, 0) : spots.get(i - 1);
            for (int j = 0; j < n; j++) {
                Spot q = j == 0 ? new Spot(0, 0) : spots.get(j - 1);
                d[i][j] = Math.abs(p.x() - q.x()) + Math.abs(p.y() - q.y());
            }
        }
        return d;
    }

    /** The optimal walk in the aisle grid (Ratliff–Rosenthal). */
    public static Tour inGrid(AisleGrid grid, List<GridPoint> picks) {
        return RatliffRosenthal.optimal(grid, picks);
    }

    /** The optimal walk's length in the aisle grid. */
    public static long lengthInGrid(AisleGrid grid, List<GridPoint> picks) {
        return RatliffRosenthal.length(grid, picks);
    }

    /** A short walk between free places (nearest neighbour, 2-opt, Or-opt). */
    public static Tour inRoom(List<Spot> spots) {
        return LocalSearch.improve(matrix(spots), List.of());
    }
}
