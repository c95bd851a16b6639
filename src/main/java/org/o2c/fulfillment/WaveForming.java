package org.o2c.fulfillment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.o2c.fulfillment.routing.AisleGrid;

/**
 * Groups orders into waves by seed and added distance: a wave starts with the most urgent order (or the one
 * farthest from the depot) and then takes, one at a time, the order that lengthens its walk the least, until the
 * wave has its orders or the cart its items. Candidates are first ranked by how far their bins lie from the
 * wave's (cheap), and only the closest few are routed exactly.
 */
final class WaveForming {
    static final int SHORTLIST = 24;

    private WaveForming() {}

    /**
     * An order waiting to be picked: {@code due} when it must leave today, {@code deadline} the moment it must
     * be packed by (null: unknown), {@code carrier} who takes it (null: none named).
     */
    record Candidate<K>(K key, boolean due, Instant placedAt, List<Place> places, int items, Instant deadline,
            String carrier) {
        Candidate(K key, boolean due, Instant placedAt, List<Place> places, int items) {
            this(key, due, placedAt, places, items, null, null);
        }
    }

    /** Most urgent first: due today, then the nearest deadline, then the oldest. */
    static <K> Comparator<Candidate<K>> urgency() {
        return Comparator.<Candidate<K>, Boolean>comparing(c -> !c.due())
                .thenComparing(Candidate::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Candidate::placedAt);
    }

    /**
     * Forms the waves. With {@code CARRIER} first, each carrier's orders form waves of their own, the carrier
     * with the most urgent order first; otherwise all orders mix.
     */
    static <K> List<List<Candidate<K>>> form(List<Candidate<K>> orders, WaveSettings settings, AisleGrid grid) {
        if (!WaveSettings.CARRIER.equals(settings.firstBy())) {
            return formMixed(orders, settings, grid);
        }
        Comparator<Candidate<K>> urgency = urgency();
        Map<String, List<Candidate<K>>> byCarrier = new java.util.HashMap<>();
        for (Candidate<K> c : orders) {
            byCarrier.computeIfAbsent(c.carrier() == null ? "" : c.carrier(), k -> new ArrayList<>()).add(c);
        }
        List<List<Candidate<K>>> groups = new ArrayList<>(byCarrier.values());
        groups.forEach(g -> g.sort(urgency));
        groups.sort(Comparator.<List<Candidate<K>>, Candidate<K>>comparing(g -> g.get(0), urgency)
                .thenComparing(g -> g.get(0).carrier() == null ? "" : g.get(0).carrier()));
        List<List<Candidate<K>>> waves = new ArrayList<>();
        for (List<Candidate<K>> group : groups) {
            waves.addAll(formMixed(group, settings, grid));
        }
        return waves;
    }

    private static <K> List<List<Candidate<K>>> formMixed(List<Candidate<K>> orders, WaveSettings settings,
            AisleGrid grid) {
        List<Candidate<K>> remaining = new ArrayList<>(orders);
        Comparator<Candidate<K>> urgency = urgency();
        Comparator<Candidate<K>> seedOrder = WaveSettings.DISTANCE.equals(settings.firstBy())
                ? Comparator.<Candidate<K>>comparingLong(c -> -farthest(grid, c.places())).thenComparing(urgency)
                : urgency;
        List<List<Candidate<K>>> waves = new ArrayList<>();
        while (!remaining.isEmpty()) {
            remaining.sort(seedOrder);
            Candidate<K> seed = remaining.remove(0);
            List<Candidate<K>> wave = new ArrayList<>(List.of(seed));
            Set<Place> places = new LinkedHashSet<>(seed.places());
            int items = seed.items();
            long length = WavePlanner.distance(grid, List.copyOf(places));
            // For every waiting order, each of its bins' walk to the nearest bin of the wave (or the depot),
            // updated with only the bins each addition brings.
            Map<Candidate<K>, long[]> near = new IdentityHashMap<>();
            for (Candidate<K> c : remaining) {
                long[] d = new long[c.places().size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = distance(grid, c.places().get(i), null);
                }
                near.put(c, d);
            }
            List<Place> added = List.copyOf(places);
            while (wave.size() < settings.ordersPerWave()) {
                int room = settings.itemsPerCart() - items;
                List<Candidate<K>> fitting = new ArrayList<>();
                Map<Candidate<K>, Long> score = new IdentityHashMap<>();
                for (Candidate<K> c : remaining) {
                    long[] d = near.get(c);
                    long sum = 0;
                    for (int i = 0; i < d.length; i++) {
                        for (Place q : added) {
                            d[i] = Math.min(d[i], distance(grid, c.places().get(i), q));
                        }
                        sum += d[i];
                    }
                    if (c.items() <= room) {
                        fitting.add(c);
                        score.put(c, sum);
                    }
                }
                if (fitting.isEmpty()) {
                    break;
                }
                fitting.sort(Comparator.<Candidate<K>>comparingLong(score::get).thenComparing(urgency));
                Candidate<K> best = null;
                long bestAdded = Long.MAX_VALUE;
                long bestLength = 0;
                for (Candidate<K> c : fitting.subList(0, Math.min(SHORTLIST, fitting.size()))) {
                    Set<Place> union = new LinkedHashSet<>(places);
                    union.addAll(c.places());
                    long l = union.size() == places.size() ? length : WavePlanner.distance(grid, List.copyOf(union));
                    if (l - length < bestAdded) {
                        bestAdded = l - length;
                        bestLength = l;
                        best = c;
                    }
                }
                wave.add(best);
                remaining.remove(best);
                near.remove(best);
                List<Place> fresh = new ArrayList<>();
                for (Place p : best.places()) {
                    if (places.add(p)) {
                        fresh.add(p);
                    }
                }
                added = fresh;
                items += best.items();
                length = bestLength;
            }
            waves.add(wave);
        }
        return waves;
    }

    /** Sum over the candidate's bins of the walk to the nearest bin already in the wave (or the depot). */
    private static long nearness(AisleGrid grid, List<Place> wave, List<Place> candidate) {
        long sum = 0;
        for (Place p : candidate) {
            long best = distance(grid, p, null);
            for (Place q : wave) {
                best = Math.min(best, distance(grid, p, q));
            }
            sum += best;
        }
        return sum;
    }

    private static long farthest(AisleGrid grid, List<Place> places) {
        return places.stream().mapToLong(p -> distance(grid, p, null)).max().orElse(0);
    }

    /** Walking distance between two bins (null: the depot), in the grid or in city blocks. */
    private static long distance(AisleGrid grid, Place p, Place q) {
        if (grid != null && p.inGrid() && (q == null || q.inGrid())) {
            if (q == null) {
                return p.x() + p.y();
            }
            if (p.aisle() == q.aisle()) {
                return Math.abs(p.y() - q.y());
            }
            return Math.abs(p.x() - q.x()) + Math.min(p.y() + q.y(), 2 * grid.length() - p.y() - q.y());
        }
        return Math.abs(p.x() - (q == null ? 0 : q.x())) + Math.abs(p.y() - (q == null ? 0 : q.y()));
    }
}
