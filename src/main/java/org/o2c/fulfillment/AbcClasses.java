package org.o2c.fulfillment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ABC classes from sales velocity, the slotting that follows from them and the cycle-count plan by class.
 * A: the fast movers that make the first 80 % of units sold, B: the next 15 %, C: the rest and what did not sell.
 */
final class AbcClasses {
    static final int A_SHARE = 80;
    static final int B_SHARE = 95;

    private AbcClasses() {}

    /** One SKU's units sold in the window and its class. */
    record Velocity(String sku, long units, char abc) {}

    /** Move {@code sku} from {@code from} to {@code to}: fast movers to the bins nearest the depot. */
    record Move(String sku, char abc, String from, String to) {}

    /** Classes for every SKU: {@code sold} has the units sold of those that sold, {@code all} every SKU. */
    static List<Velocity> classify(Map<String, Long> sold, List<String> all) {
        List<Velocity> out = new ArrayList<>();
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(sold.entrySet());
        ranked.removeIf(e -> e.getValue() <= 0);
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        long total = ranked.stream().mapToLong(Map.Entry::getValue).sum();
        long before = 0;
        for (Map.Entry<String, Long> e : ranked) {
            // A SKU belongs to the class its first unit falls into, so the top seller is always A.
            long share = total == 0 ? 100 : 100 * before / total;
            char abc = share < A_SHARE ? 'A' : share < B_SHARE ? 'B' : 'C';
            out.add(new Velocity(e.getKey(), e.getValue(), abc));
            before += e.getValue();
        }
        all.stream().filter(s -> !sold.containsKey(s) || sold.get(s) <= 0).sorted()
                .forEach(s -> out.add(new Velocity(s, 0, 'C')));
        return out;
    }

    /**
     * Reassigns the bins the SKUs use now so the fastest movers get the bins nearest the depot; answers only the
     * SKUs that would move (swaps show as two moves). {@code walk} is each bin's walk from the depot.
     */
    static List<Move> slotting(List<Velocity> velocities, Map<String, String> binOf, Map<String, Long> walk) {
        List<Velocity> placed = velocities.stream().filter(v -> binOf.containsKey(v.sku())
                && walk.containsKey(binOf.get(v.sku()))).toList();
        List<String> bins = placed.stream().map(v -> binOf.get(v.sku())).distinct()
                .sorted(Comparator.<String>comparingLong(walk::get).thenComparing(b -> b)).toList();
        if (bins.size() != placed.size()) {
            // Several SKUs share a bin: keep them together and move whole bins by their fastest SKU.
            Map<String, Velocity> fastestPerBin = new LinkedHashMap<>();
            placed.forEach(v -> fastestPerBin.putIfAbsent(binOf.get(v.sku()), v));
            placed = List.copyOf(fastestPerBin.values());
        }
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Velocity v = placed.get(i);
            String from = binOf.get(v.sku());
            String to = bins.get(i);
            if (!from.equals(to)) {
                moves.add(new Move(v.sku(), v.abc(), from, to));
            }
        }
        return moves;
    }

    /**
     * Whether {@code sku} of class {@code abc} is due for counting on {@code day}: each class's SKUs are spread
     * evenly over its period (A every {@code aDays}, B every {@code bDays}, C every {@code cDays} days), so every
     * day has a short list and every SKU is counted once per period.
     */
    static boolean dueOn(String sku, char abc, LocalDate day, int aDays, int bDays, int cDays) {
        int period = abc == 'A' ? aDays : abc == 'B' ? bDays : cDays;
        long slot = Math.floorMod(sku.hashCode(), period);
        return Math.floorMod(day.toEpochDay(), period) == slot;
    }
}
