package org.o2c.fulfillment.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast tour for any room where the distance between two places is known: nearest neighbour from the depot,
 * then 2-opt and Or-opt (moving runs of one to three stops) until neither finds a shorter tour, then a few
 * double-bridge kicks each followed by the same descent. Started also from a given tour (S-shape in an aisle
 * grid), so the answer is never longer than that tour.
 *
 * <p>{@code distance[0]} is the depot; points are 1..n, reported back 0-based.
 */
public final class LocalSearch {
    static final int KICKS = 40;

    private LocalSearch() {}

    /** Cuts the open tour 1..n into four runs A B C D and joins them as A C B D. */
    private static int[] doubleBridge(int[] tour, java.util.Random random) {
        int n = tour.length - 2;
        int[] cut = random.ints(1, n).distinct().limit(3).sorted().toArray();
        if (cut.length < 3) {
            return tour.clone();
        }
        int[] out = new int[tour.length];
        int w = 0;
        out[w++] = tour[0];
        for (int i = 1; i <= cut[0]; i++) {
            out[w++] = tour[i];
        }
        for (int i = cut[1] + 1; i <= cut[2]; i++) {
            out[w++] = tour[i];
        }
        for (int i = cut[0] + 1; i <= cut[1]; i++) {
            out[w++] = tour[i];
        }
        for (int i = cut[2] + 1; i < tour.length; i++) {
            out[w++] = tour[i];
        }
        return out;
    }

    public static Tour improve(long[][] distance, List<List<Integer>> starts) {
        int n = distance.length - 1;
        if (n == 0) {
            return new Tour(List.of(), 0);
        }
        List<List<Integer>> tries = new ArrayList<>(starts);
        tries.add(nearestNeighbour(distance));
        int[] best = null;
        long bestLength = Long.MAX_VALUE;
        for (List<Integer> start : tries) {
            int[] tour = new int[n + 2];
            for (int i = 0; i < n; i++) {
                tour[i + 1] = start.get(i) + 1;
            }
            optimise(distance, tour);
            long length = length(distance, tour);
            if (length < bestLength) {
                bestLength = length;
                best = tour;
            }
        }
        // Iterated local search: a double-bridge kick (which 2-opt and Or-opt cannot undo) and descent again,
        // kept when shorter. Seeded by the size, so the same wave always gets the same walk.
        java.util.Random random = new java.util.Random(n);
        for (int kick = 0; n >= 8 && kick < KICKS; kick++) {
            int[] tour = doubleBridge(best, random);
            optimise(distance, tour);
            long length = length(distance, tour);
            if (length < bestLength) {
                bestLength = length;
                best = tour;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            order.add(best[i] - 1);
        }
        return new Tour(order, bestLength);
    }

    /** Length of the closed tour 0, order..., 0. */
    public static long length(long[][] distance, List<Integer> order) {
        long sum = 0;
        int prev = 0;
        for (int i : order) {
            sum += distance[prev][i + 1];
            prev = i + 1;
        }
        return sum + distance[prev][0];
    }

    private static long length(long[][] d, int[] tour) {
        long sum = 0;
        for (int i = 0; i + 1 < tour.length; i++) {
            sum += d[tour[i]][tour[i + 1]];
        }
        return sum;
    }

    private static List<Integer> nearestNeighbour(long[][] d) {
        int n = d.length - 1;
        boolean[] seen = new boolean[n + 1];
        List<Integer> order = new ArrayList<>();
        int at = 0;
        for (int k = 0; k < n; k++) {
            int next = -1;
            for (int j = 1; j <= n; j++) {
                if (!seen[j] && (next < 0 || d[at][j] < d[at][next])) {
                    next = j;
                }
            }
            seen[next] = true;
            order.add(next - 1);
            at = next;
        }
        return order;
    }

    /** tour[0] and tour[last] are the depot and stay put. */
    private static void optimise(long[][] d, int[] tour) {
        int last = tour.length - 1;
        boolean improved = true;
        while (improved) {
            improved = false;
            // 2-opt: reverse tour[i..k]; distances are symmetric, so only the two edges at the ends change.
            for (int i = 1; i < last; i++) {
                for (int k = i + 1; k < last; k++) {
                    long before = d[tour[i - 1]][tour[i]] + d[tour[k]][tour[k + 1]];
                    long after = d[tour[i - 1]][tour[k]] + d[tour[i]][tour[k + 1]];
                    if (after < before) {
                        reverse(tour, i, k);
                        improved = true;
                    }
                }
            }
            // Or-opt: move a run tour[i..i+len-1] between two other neighbours, either way round.
            for (int len = 1; len <= 3 && !improved; len++) {
                for (int i = 1; i + len - 1 < last && !improved; i++) {
                    int j = i + len - 1;
                    long removed = d[tour[i - 1]][tour[i]] + d[tour[j]][tour[j + 1]] - d[tour[i - 1]][tour[j + 1]];
                    for (int p = 0; p < last && !improved; p++) {
                        if (p >= i - 1 && p <= j) {
                            continue;
                        }
                        long forward = d[tour[p]][tour[i]] + d[tour[j]][tour[p + 1]] - d[tour[p]][tour[p + 1]];
                        long backward = d[tour[p]][tour[j]] + d[tour[i]][tour[p + 1]] - d[tour[p]][tour[p + 1]];
                        if (forward < removed || backward < removed) {
                            move(tour, i, j, p, backward < forward);
                            improved = true;
                        }
                    }
                }
            }
        }
    }

    private static void reverse(int[] a, int i, int k) {
        while (i < k) {
            int t = a[i];
            a[i++] = a[k];
            a[k--] = t;
        }
    }

    /** Moves run a[i..j] to sit between a[p] and a[p+1] (p outside the run), reversed if asked. */
    private static void move(int[] a, int i, int j, int p, boolean reversed) {
        int[] run = java.util.Arrays.copyOfRange(a, i, j + 1);
        if (reversed) {
            reverse(run, 0, run.length - 1);
        }
        List<Integer> rest = new ArrayList<>();
        int insertAfter = -1;
        for (int k = 0; k < a.length; k++) {
            if (k >= i && k <= j) {
                continue;
            }
            rest.add(a[k]);
            if (k == p) {
                insertAfter = rest.size() - 1;
            }
        }
        int w = 0;
        for (int k = 0; k < rest.size(); k++) {
            a[w++] = rest.get(k);
            if (k == insertAfter) {
                for (int r : run) {
                    a[w++] = r;
                }
            }
        }
    }
}
