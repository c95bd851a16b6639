package org.o2c.fulfillment;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.o2c.fulfillment.routing.AisleGrid;
import org.o2c.fulfillment.routing.BruteForceRoute;
import org.o2c.fulfillment.routing.GridPoint;
import org.o2c.fulfillment.routing.LocalSearch;
import org.o2c.fulfillment.routing.RatliffRosenthal;
import org.o2c.fulfillment.routing.Routing;
import org.o2c.fulfillment.routing.SShape;
import org.o2c.fulfillment.routing.Tour;
import org.o2c.shared.OrderId;

/**
 * The picking benchmark (a report, not a test; run by {@code bench/picking.sh}): walking distance per order on a
 * generated warehouse for single-order S-shape picking, waves grouped at random and waves o2c forms itself, the
 * optimiser against brute force, and the time to plan a wave. Prints a Markdown section on stdout.
 */
public final class PickingBenchmark {
    private static final long M = 1_000_000;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int orders = intArg(args, "--orders", 1000);
        int waveSize = intArg(args, "--wave", 10);
        long seed = intArg(args, "--seed", 20261126);
        AisleGrid grid = new AisleGrid(10, 40, M, 3 * M, 2 * M);
        Random random = new Random(seed);

        // One bin per SKU, 3 levels per bay: 1,200 SKUs, uniformly spread; every order has 1–5 lines.
        List<String> bins = new ArrayList<>();
        for (int a = 0; a < grid.aisles(); a++) {
            for (int b = 1; b <= grid.baysPerAisle(); b++) {
                for (int level = 1; level <= 3; level++) {
                    bins.add(BinNames.name(a, b, level));
                }
            }
        }
        Map<String, Place> places = new HashMap<>();
        for (String bin : bins) {
            BinNames.Position p = BinNames.parse(bin);
            places.put(bin, new Place(p.aisle(), grid.x(p.aisle()), grid.y(p.bay())));
        }
        List<List<WavePlanner.Line>> lines = new ArrayList<>();
        List<WaveForming.Candidate<Integer>> candidates = new ArrayList<>();
        Instant start = Instant.parse("2026-11-26T06:00:00Z");
        int totalLines = 0;
        for (int o = 0; o < orders; o++) {
            int n = 1 + random.nextInt(5);
            totalLines += n;
            OrderId id = new OrderId(new UUID(0, o));
            List<WavePlanner.Line> ls = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                String bin = bins.get(random.nextInt(bins.size()));
                ls.add(new WavePlanner.Line(id, 1, "SKU-" + bin, null, bin, 1 + random.nextInt(2)));
            }
            lines.add(ls);
            candidates.add(new WaveForming.Candidate<>(o, true, start.plusSeconds(30L * o),
                    ls.stream().map(l -> places.get(l.location())).distinct().toList(),
                    ls.stream().mapToInt(WavePlanner.Line::quantity).sum()));
        }

        // Single orders.
        long singleS = 0;
        long singleOpt = 0;
        for (List<WavePlanner.Line> ls : lines) {
            List<GridPoint> pts = points(ls, places);
            singleS += SShape.route(grid, pts).length();
            singleOpt += RatliffRosenthal.optimal(grid, pts).length();
        }

        // Random waves of waveSize.
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, random);
        List<List<Integer>> randomWaves = new ArrayList<>();
        for (int i = 0; i < orders; i += waveSize) {
            randomWaves.add(shuffled.subList(i, Math.min(orders, i + waveSize)));
        }
        long[] randomOpt = walk(grid, places, lines, randomWaves);

        // o2c's waves, both seed rules.
        WaveSettings bySeed = new WaveSettings(waveSize, 10_000, WaveSettings.DISTANCE, LocalTime.of(14, 0));
        WaveSettings byCutOff = new WaveSettings(waveSize, 10_000, WaveSettings.CUT_OFF, LocalTime.of(14, 0));
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        List<List<Integer>> formed = keys(WaveForming.form(candidates, bySeed, grid));
        long formingNanos = System.nanoTime() - t0;
        long formingCpu = CPU.getCurrentThreadCpuTime() - c0;
        long[] formedOpt = walk(grid, places, lines, formed);
        List<List<Integer>> formedCutOff = keys(WaveForming.form(candidates, byCutOff, grid));
        long[] formedCutOffOpt = walk(grid, places, lines, formedCutOff);

        // Optimiser against brute force on small cases; heuristic against the exact optimum on real waves.
        Random small = new Random(seed + 1);
        int bruteCases = 2000;
        int bruteEqual = 0;
        for (int c = 0; c < bruteCases; c++) {
            List<GridPoint> pts = new ArrayList<>();
            int n = 1 + small.nextInt(8);
            for (int k = 0; k < n; k++) {
                pts.add(new GridPoint(small.nextInt(grid.aisles()), grid.y(1 + small.nextInt(grid.baysPerAisle()))));
            }
            if (RatliffRosenthal.optimal(grid, pts).length() == BruteForceRoute.shortest(grid, pts)) {
                bruteEqual++;
            }
        }
        double worstHeuristicGap = 0;
        double sumHeuristicGap = 0;
        for (List<Integer> wave : randomWaves) {
            List<GridPoint> pts = wavePoints(wave, lines, places);
            long exact = RatliffRosenthal.optimal(grid, pts).length();
            Tour h = LocalSearch.improve(Routing.matrix(grid, pts), List.of(SShape.route(grid, pts).order()));
            double gap = 100.0 * (h.length() - exact) / exact;
            worstHeuristicGap = Math.max(worstHeuristicGap, gap);
            sumHeuristicGap += gap;
        }

        // Time to plan one wave of waveSize orders (WavePlanner.plan: exact route + S-shape + stop list).
        List<Long> nanos = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (List<Integer> wave : randomWaves) {
                List<WavePlanner.Line> ls = new ArrayList<>();
                wave.forEach(o -> ls.addAll(lines.get(o)));
                long s = System.nanoTime();
                long cs = CPU.getCurrentThreadCpuTime();
                WavePlanner.plan(grid, places, ls);
                long e = System.nanoTime() - s;
                long ce = CPU.getCurrentThreadCpuTime() - cs;
                if (round > 0) {
                    nanos.add(e);
                    cpu.add(ce);
                }
            }
        }
        Collections.sort(nanos);
        Collections.sort(cpu);

        double perSingleS = metres(singleS) / orders;
        double perSingleOpt = metres(singleOpt) / orders;
        double perRandom = metres(randomOpt[0]) / orders;
        double perFormed = metres(formedOpt[0]) / orders;
        double perFormedCutOff = metres(formedCutOffOpt[0]) / orders;
        double saving = 100.0 * (perRandom - perFormed) / perRandom;
        double savingCutOff = 100.0 * (perRandom - perFormedCutOff) / perRandom;
        double p50 = nanos.get(nanos.size() / 2) / 1e6;
        double p99 = nanos.get((int) Math.min(nanos.size() - 1, Math.ceil(nanos.size() * 0.99) - 1)) / 1e6;
        double max = nanos.get(nanos.size() - 1) / 1e6;
        double cpuP50 = cpu.get(cpu.size() / 2) / 1e6;
        double cpuP99 = cpu.get((int) Math.min(cpu.size() - 1, Math.ceil(cpu.size() * 0.99) - 1)) / 1e6;

        StringBuilder out = new StringBuilder();
        f(out, "Generated warehouse: the contract's model with %d aisles × %d bays (bays %.1f m wide, aisles %.1f m apart, "
                + "cross aisles %.1f m), 3 levels per bay, one SKU per bin (%d bins). %d orders of 1–5 lines (%d lines), "
                + "bins drawn uniformly at random (seed %d). Distances are walked metres per order, depot and back "
                + "included.%n%n", grid.aisles(), grid.baysPerAisle(), metres(grid.bayWidth()),
                metres(grid.aisleDistance()), metres(grid.crossAisle()), bins.size(), orders, totalLines, seed);
        f(out, "| picking | routes | waves | m per order | vs single-order S-shape |%n| --- | --- | ---: | ---: | ---: |%n");
        f(out, "| one order at a time | S-shape | %d | %.1f | – |%n", orders, perSingleS);
        f(out, "| one order at a time | optimal (Ratliff–Rosenthal) | %d | %.1f | %s |%n", orders, perSingleOpt,
                pct(perSingleOpt, perSingleS));
        f(out, "| waves of %d, grouped at random | optimal | %d | %.1f | %s |%n", waveSize, randomWaves.size(), perRandom,
                pct(perRandom, perSingleS));
        f(out, "| waves o2c forms (seed: farthest order) | optimal | %d | %.1f | %s |%n", formed.size(), perFormed,
                pct(perFormed, perSingleS));
        f(out, "| waves o2c forms (seed: cut-off, oldest first) | optimal | %d | %.1f | %s |%n", formedCutOff.size(),
                perFormedCutOff, pct(perFormedCutOff, perSingleS));
        f(out, "%nTargets (issue 5):%n%n");
        f(out, "- o2c's own waves walk at least 15 %% less per order than random grouping: %.1f %% less with the "
                + "distance seed (%s), %.1f %% less with the cut-off seed (%s).%n", saving, saving >= 15 ? "met" : "missed",
                savingCutOff, savingCutOff >= 15 ? "met" : "missed");
        f(out, "- Routes within 1 %% of the exact optimum: the grid's routes *are* the optimum (Ratliff–Rosenthal); it "
                + "equalled the brute-force optimum (all visiting orders) in %d of %d random cases of 1–8 bins (%s). "
                + "The local search used for free rooms, run on the grid's %d random waves for comparison, was on "
                + "average %.2f %% and at worst %.2f %% above the optimum (%s).%n", bruteEqual, bruteCases,
                bruteEqual == bruteCases ? "met" : "missed", randomWaves.size(), sumHeuristicGap / randomWaves.size(),
                worstHeuristicGap, worstHeuristicGap <= 1 ? "within 1 %" : "not within 1 % for every wave");
        f(out, "- A %d-order wave planned in under 50 ms: wall clock median %.2f ms, p99 %.2f ms, max %.2f ms; CPU time "
                + "of the planning thread median %.2f ms, p99 %.2f ms; over %d plans (optimal route, S-shape for "
                + "comparison and stop list; JIT warmed by one round) (%s). Forming all %d waves from %d orders took "
                + "%.0f ms wall clock, %.0f ms CPU.%n", waveSize, p50, p99, max, cpuP50, cpuP99, nanos.size(),
                p99 < 50 ? "met" : cpuP99 < 50 ? "met in CPU time; the wall clock shows the machine's load" : "missed",
                formed.size(), orders, formingNanos / 1e6, formingCpu / 1e6);
        System.out.print(out);
    }

    private static long[] walk(AisleGrid grid, Map<String, Place> places, List<List<WavePlanner.Line>> lines,
            List<List<Integer>> waves) {
        long opt = 0;
        for (List<Integer> wave : waves) {
            opt += RatliffRosenthal.optimal(grid, wavePoints(wave, lines, places)).length();
        }
        return new long[] {opt};
    }

    private static List<GridPoint> wavePoints(List<Integer> wave, List<List<WavePlanner.Line>> lines,
            Map<String, Place> places) {
        List<WavePlanner.Line> ls = new ArrayList<>();
        wave.forEach(o -> ls.addAll(lines.get(o)));
        return points(ls, places);
    }

    private static List<GridPoint> points(List<WavePlanner.Line> ls, Map<String, Place> places) {
        return ls.stream().map(l -> places.get(l.location())).distinct()
                .map(p -> new GridPoint(p.aisle(), p.y())).toList();
    }

    private static List<List<Integer>> keys(List<List<WaveForming.Candidate<Integer>>> waves) {
        return waves.stream().map(w -> w.stream().map(WaveForming.Candidate::key).toList()).toList();
    }

    private static double metres(long micrometres) {
        return micrometres / 1e6;
    }

    private static String pct(double value, double base) {
        return String.format(Locale.ROOT, "%+.1f %%", 100.0 * (value - base) / base);
    }

    private static void f(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args));
    }

    private static int intArg(String[] args, String name, int fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
    }
}
