package org.o2c.cashapp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Matching time and peak heap for N generated credit lines against about N open items (a benchmark, not
 * a test; run by {@code bench/matching.sh}). Prints one Markdown table row per size: generation is not
 * timed; building the index and matching every line (applying automatic results as cash application
 * does) are timed separately.
 */
public final class MatchingBenchmark {
    private MatchingBenchmark() {}

    public static void main(String[] args) {
        for (String arg : args) {
            int lines = Integer.parseInt(arg);
            // Warm the JIT on a small run so the first size is not mostly interpreter time.
            run(5_000, false);
            System.gc();
            resetPeaks();
            run(lines, true);
        }
    }

    private static void run(int lines, boolean print) {
        StatementGenerator.Scenario s = StatementGenerator.generate(7, Math.max(500, lines / 5), lines, lines / 20);
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        OpenItemIndex index = new OpenItemIndex(s.receivables());
        long t1 = System.nanoTime();
        PayerMemory.InMemory memory = new PayerMemory.InMemory();
        Matcher matcher = new Matcher(MatchingPolicy.defaults());
        int automatic = 0;
        for (StatementGenerator.Line line : s.lines()) {
            Proposal p = matcher.match(line.transaction(), index, memory);
            if (p.band() == Proposal.Band.AUTOMATIC) {
                automatic++;
                for (int i = 0; i < p.allocations().size(); i++) {
                    Proposal.Allocation a = p.allocations().get(i);
                    index.applied(a.invoiceNumber(), i == p.allocations().size() - 1 ? a.amount().add(p.writeOff()) : a.amount());
                    memory.learnIban(line.transaction().counterpartyIban(), index.item(a.invoiceNumber()).customerNumber());
                }
            }
        }
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        if (print) {
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.2f s | %.2f s | %.2f s | %.2f s | %,d µs | %d MB | %.1f %% |%n",
                    lines, s.receivables().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                    (c2 - c0) / 1e9, (c2 - c0) / 1000 / lines, peakHeapMb(), 100.0 * automatic / lines);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
