package org.o2c.fulfillment.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shortest pick walk in a single-block parallel-aisle warehouse, exactly: the dynamic programme of
 * Ratliff and Rosenthal (1983, "Order-picking in a rectangular warehouse", Operations Research 31(3)).
 *
 * <p>The walk is built as a subgraph of the aisle graph, aisle by aisle from the depot's side. After each aisle
 * only a little is remembered about the partial subgraph: the degree (none, odd, even) of the aisle's front and
 * back end and whether the two ends are already connected. Each aisle is walked in one of six ways (through once,
 * through twice, in from both ends leaving out the largest gap, in from the back, in from the front, not at all)
 * and each stretch of cross aisle between neighbouring aisles is walked 0, 1 or 2 times, front and back. A
 * partial subgraph is kept only while every piece of it still touches the current aisle, so the end result is
 * one connected subgraph with even degrees: an Euler tour, read off from the depot.
 */
public final class RatliffRosenthal {
    private static final long INF = Long.MAX_VALUE / 4;
    private static final int STATES = 18;
    private static final int NONE = 0;
    private static final int ODD = 1;
    private static final int EVEN = 2;

    private RatliffRosenthal() {}

    /** How one aisle is walked: how often each stretch between neighbouring points is walked. */
    private record Walk(long cost, int front, int back, boolean joinsEnds, int[] times) {}

    /** The optimal tour through {@code picks}, which must lie strictly between the two cross aisles. */
    public static Tour optimal(AisleGrid grid, List<GridPoint> picks) {
        return solve(grid, picks, true);
    }

    /** The optimal tour's length alone (no walking order is read off), for comparing many candidate sets. */
    public static long length(AisleGrid grid, List<GridPoint> picks) {
        return solve(grid, picks, false).length();
    }

    private static Tour solve(AisleGrid grid, List<GridPoint> picks, boolean withOrder) {
        if (picks.isEmpty()) {
            return new Tour(List.of(), 0);
        }
        long length = grid.length();
        int last = 0;
        for (GridPoint p : picks) {
            if (p.aisle() < 0 || p.aisle() >= grid.aisles() || p.y() <= 0 || p.y() >= length) {
                throw new IllegalArgumentException("outside the warehouse: " + p);
            }
            last = Math.max(last, p.aisle());
        }
        int aisles = last + 1;
        long[][] points = new long[aisles][];
        List<List<Walk>> walks = new ArrayList<>();
        for (int j = 0; j < aisles; j++) {
            TreeSet<Long> ys = new TreeSet<>();
            for (GridPoint p : picks) {
                if (p.aisle() == j) {
                    ys.add(p.y());
                }
            }
            points[j] = new long[ys.size() + 2];
            int i = 1;
            for (long y : ys) {
                points[j][i++] = y;
            }
            points[j][points[j].length - 1] = length;
            walks.add(walks(points[j]));
        }

        long[] cost = new long[STATES];
        Arrays.fill(cost, INF);
        cost[state(NONE, NONE, false)] = 0;
        int[][] verticalFrom = new int[aisles][STATES];
        int[][] crossFrom = new int[aisles][STATES];
        long best = INF;
        int bestState = -1;
        for (int j = 0; j < aisles; j++) {
            long[] after = new long[STATES];
            Arrays.fill(after, INF);
            List<Walk> options = walks.get(j);
            for (int s = 0; s < STATES; s++) {
                if (cost[s] >= INF) {
                    continue;
                }
                for (int w = 0; w < options.size(); w++) {
                    Walk walk = options.get(w);
                    int next = vertical(s, walk);
                    long c = cost[s] + walk.cost();
                    if (c < after[next]) {
                        after[next] = c;
                        verticalFrom[j][next] = s * 8 + w;
                    }
                }
            }
            if (j == aisles - 1) {
                for (int s = 0; s < STATES; s++) {
                    if (after[s] < best && closes(s, j == 0)) {
                        best = after[s];
                        bestState = s;
                    }
                }
                break;
            }
            long[] next = new long[STATES];
            Arrays.fill(next, INF);
            for (int s = 0; s < STATES; s++) {
                if (after[s] >= INF) {
                    continue;
                }
                for (int back = 0; back <= 2; back++) {
                    for (int front = 0; front <= 2; front++) {
                        int to = cross(s, back, front, j == 0);
                        if (to < 0) {
                            continue;
                        }
                        long c = after[s] + (back + front) * grid.aisleDistance();
                        if (c < next[to]) {
                            next[to] = c;
                            crossFrom[j][to] = s * 9 + back * 3 + front;
                        }
                    }
                }
            }
            cost = next;
        }
        if (bestState < 0) {
            throw new IllegalStateException("no tour found");
        }
        if (!withOrder) {
            return new Tour(List.of(), best);
        }

        // Walk the decisions back from the last aisle to the depot.
        int[] walkOf = new int[aisles];
        int[] backTimes = new int[aisles];
        int[] frontTimes = new int[aisles];
        int s = bestState;
        for (int j = aisles - 1; j >= 0; j--) {
            int v = verticalFrom[j][s];
            walkOf[j] = v % 8;
            s = v / 8;
            if (j > 0) {
                int h = crossFrom[j - 1][s];
                backTimes[j - 1] = (h % 9) / 3;
                frontTimes[j - 1] = h % 3;
                s = h / 9;
            }
        }
        return eulerTour(grid, picks, points, walks, walkOf, backTimes, frontTimes, best);
    }

    /** The six ways RR allow an aisle to be walked (fewer for an aisle without picks). */
    private static List<Walk> walks(long[] pts) {
        int segments = pts.length - 1;
        int picks = pts.length - 2;
        long length = pts[pts.length - 1];
        List<Walk> out = new ArrayList<>();
        out.add(new Walk(length, 1, 1, true, filled(segments, 1)));
        out.add(new Walk(2 * length, 2, 2, true, filled(segments, 2)));
        if (picks == 0) {
            out.add(new Walk(0, 0, 0, false, filled(segments, 0)));
            return out;
        }
        int largest = 0;
        for (int i = 1; i < segments; i++) {
            if (pts[i + 1] - pts[i] > pts[largest + 1] - pts[largest]) {
                largest = i;
            }
        }
        int[] gap = filled(segments, 2);
        gap[largest] = 0;
        out.add(new Walk(2 * (length - (pts[largest + 1] - pts[largest])), largest == 0 ? 0 : 2,
                largest == segments - 1 ? 0 : 2, false, gap));
        int[] fromBack = filled(segments, 2);
        fromBack[0] = 0;
        out.add(new Walk(2 * (length - pts[1]), 0, 2, false, fromBack));
        int[] fromFront = filled(segments, 2);
        fromFront[segments - 1] = 0;
        out.add(new Walk(2 * pts[picks], 2, 0, false, fromFront));
        return out;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private static int state(int front, int back, boolean joined) {
        return front * 6 + back * 2 + (front != NONE && back != NONE && joined ? 1 : 0);
    }

    private static int add(int degree, int edges) {
        if (edges == 0) {
            return degree;
        }
        return ((degree == ODD ? 1 : 0) + edges) % 2 == 1 ? ODD : EVEN;
    }

    private static int vertical(int s, Walk w) {
        int front = s / 6;
        int back = (s / 2) % 3;
        boolean joined = s % 2 == 1;
        return state(add(front, w.front()), add(back, w.back()), w.joinsEnds() || joined);
    }

    /**
     * Leaves aisle j over the cross aisles to aisle j+1: the ends of aisle j must now have even degree, and
     * every piece of the subgraph must reach aisle j+1 (a piece left behind could never join the tour).
     */
    private static int cross(int s, int back, int front, boolean depotAisle) {
        int a = add(s / 6, front);
        int b = add((s / 2) % 3, back);
        boolean joined = s % 2 == 1;
        if (a == ODD || b == ODD || a == NONE && b == NONE || depotAisle && a == NONE) {
            return -1;
        }
        if (a != NONE && !(front > 0 || joined && back > 0)) {
            return -1;
        }
        if (b != NONE && !(back > 0 || joined && front > 0)) {
            return -1;
        }
        return state(front == 0 ? NONE : front == 1 ? ODD : EVEN, back == 0 ? NONE : back == 1 ? ODD : EVEN, joined);
    }

    private static boolean closes(int s, boolean depotAisle) {
        int a = s / 6;
        int b = (s / 2) % 3;
        boolean joined = s % 2 == 1;
        if (a == ODD || b == ODD || a == NONE && b == NONE || depotAisle && a == NONE) {
            return false;
        }
        return a == NONE || b == NONE || joined;
    }

    private static Tour eulerTour(AisleGrid grid, List<GridPoint> picks, long[][] points, List<List<Walk>> walks,
            int[] walkOf, int[] backTimes, int[] frontTimes, long expected) {
        int aisles = points.length;
        int[] first = new int[aisles];
        int vertices = 0;
        for (int j = 0; j < aisles; j++) {
            first[j] = vertices;
            vertices += points[j].length;
        }
        EulerGraph g = new EulerGraph(vertices);
        for (int j = 0; j < aisles; j++) {
            int[] times = walks.get(j).get(walkOf[j]).times();
            for (int i = 0; i < times.length; i++) {
                g.add(first[j] + i, first[j] + i + 1, points[j][i + 1] - points[j][i], times[i]);
            }
            if (j + 1 < aisles) {
                g.add(first[j], first[j + 1], grid.aisleDistance(), frontTimes[j]);
                g.add(first[j] + points[j].length - 1, first[j + 1] + points[j + 1].length - 1, grid.aisleDistance(),
                        backTimes[j]);
            }
        }
        if (g.length() != expected) {
            throw new IllegalStateException("tour length " + g.length() + " differs from the programme's " + expected);
        }
        Map<Integer, List<Integer>> picksAt = new TreeMap<>();
        for (int i = 0; i < picks.size(); i++) {
            GridPoint p = picks.get(i);
            int at = Arrays.binarySearch(points[p.aisle()], 1, points[p.aisle()].length - 1, p.y());
            picksAt.computeIfAbsent(first[p.aisle()] + at, k -> new ArrayList<>()).add(i);
        }
        List<Integer> order = new ArrayList<>();
        for (int v : g.circuit(0)) {
            List<Integer> here = picksAt.remove(v);
            if (here != null) {
                order.addAll(here);
            }
        }
        if (!picksAt.isEmpty()) {
            throw new IllegalStateException("tour misses points " + picksAt.keySet());
        }
        return new Tour(order, expected);
    }
}
