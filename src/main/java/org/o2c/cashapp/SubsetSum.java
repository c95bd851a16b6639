package org.o2c.cashapp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which of a payer's open amounts add up to one payment: a depth-first search over at most
 * {@code maxItems} amounts and {@code maxParts} parts, pruned by the sum still reachable, that stops at
 * the second solution (two ways to make the sum means a person must choose). Bounded, so a customer
 * with thousands of open items costs no more than one with 24.
 */
final class SubsetSum {
    private SubsetSum() {}

    /** The solutions found: none, exactly one, or two (then it is ambiguous and the search stopped). */
    record Result(List<int[]> solutions, boolean searchCut) {
        boolean unique() {
            return solutions.size() == 1 && !searchCut;
        }

        int[] only() {
            return solutions.get(0);
        }
    }

    private static final int MAX_STEPS = 200_000;

    /** Indexes into {@code amounts} whose values sum to {@code target}, with at least two parts. */
    static Result find(long[] amounts, long target, int maxParts) {
        Integer[] order = new Integer[amounts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(amounts[b], amounts[a]));
        long[] sorted = new long[amounts.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = amounts[order[i]];
        }
        long[] suffix = new long[sorted.length + 1];
        for (int i = sorted.length - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + Math.max(0, sorted[i]);
        }
        Search s = new Search(sorted, suffix, target, maxParts);
        s.run(0, 0, new int[maxParts], 0);
        List<int[]> mapped = new ArrayList<>();
        for (int[] sol : s.solutions) {
            int[] m = new int[sol.length];
            for (int i = 0; i < sol.length; i++) {
                m[i] = order[sol[i]];
            }
            Arrays.sort(m);
            mapped.add(m);
        }
        return new Result(mapped, s.steps >= MAX_STEPS);
    }

    private static final class Search {
        final long[] a;
        final long[] suffix;
        final long target;
        final int maxParts;
        final List<int[]> solutions = new ArrayList<>();
        int steps;

        Search(long[] a, long[] suffix, long target, int maxParts) {
            this.a = a;
            this.suffix = suffix;
            this.target = target;
            this.maxParts = maxParts;
        }

        void run(int from, long sum, int[] picked, int count) {
            if (solutions.size() >= 2 || ++steps >= MAX_STEPS) {
                return;
            }
            if (sum == target && count >= 2) {
                solutions.add(Arrays.copyOf(picked, count));
                return;
            }
            if (count == maxParts || sum > target || sum + suffix[from] < target) {
                return;
            }
            for (int i = from; i < a.length; i++) {
                if (a[i] <= 0 || sum + a[i] > target) {
                    continue;
                }
                picked[count] = i;
                run(i + 1, sum + a[i], picked, count + 1);
                if (solutions.size() >= 2) {
                    return;
                }
            }
        }
    }
}
