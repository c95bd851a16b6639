package org.o2c.fulfillment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a set of boxes fits into a carton, by geometry and not by volume alone: an extreme-point
 * heuristic (Crainic, Perboli and Tadei, 2008) places the boxes one by one, each in any of its six
 * rotations, at the lowest, then nearest corner point where it overlaps nothing. Several orders of the
 * boxes are tried (largest volume, longest side, largest base first). The heuristic may miss a
 * packing that exists (then a larger carton is suggested, never a too small one); a "fits" answer
 * always comes with the placement that proves it.
 */
final class CartonFit {

    /** A box to pack, dimensions in millimetres. */
    record Item(String sku, int length, int width, int height) {
        long volume() {
            return (long) length * width * height;
        }
    }

    /** Where a box went: its corner and its dimensions as rotated. */
    record Placement(Item item, int x, int y, int z, int dx, int dy, int dz) {}

    /** A carton's inner space, in millimetres. */
    record Space(int length, int width, int height) {
        long volume() {
            return (long) length * width * height;
        }
    }

    private CartonFit() {}

    /** The placement of every box, or empty when the heuristic finds none (or the volume cannot suffice). */
    static Optional<List<Placement>> pack(Space carton, List<Item> items) {
        long volume = items.stream().mapToLong(Item::volume).sum();
        if (volume > carton.volume()) {
            return Optional.empty();
        }
        int[] inner = sorted(carton.length(), carton.width(), carton.height());
        for (Item i : items) {
            int[] d = sorted(i.length(), i.width(), i.height());
            // Alone, a box fits in some rotation exactly when its sorted sides fit the carton's sorted sides.
            if (d[0] > inner[0] || d[1] > inner[1] || d[2] > inner[2]) {
                return Optional.empty();
            }
        }
        List<Comparator<Item>> orders = List.of(
                Comparator.comparingLong(Item::volume).reversed(),
                Comparator.comparingInt((Item i) -> max(i)).reversed().thenComparing(Comparator.comparingLong(Item::volume).reversed()),
                Comparator.comparingLong((Item i) -> base(i)).reversed().thenComparing(Comparator.comparingLong(Item::volume).reversed()));
        for (Comparator<Item> order : orders) {
            List<Item> sortedItems = new ArrayList<>(items);
            sortedItems.sort(order);
            Optional<List<Placement>> placed = place(carton, sortedItems);
            if (placed.isPresent()) {
                return placed;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Placement>> place(Space carton, List<Item> items) {
        List<Placement> placed = new ArrayList<>();
        List<int[]> points = new ArrayList<>();
        points.add(new int[] {0, 0, 0});
        for (Item item : items) {
            Placement best = null;
            int[] bestPoint = null;
            for (int[] p : points) {
                for (int[] r : rotations(item)) {
                    if (p[0] + r[0] > carton.length() || p[1] + r[1] > carton.width() || p[2] + r[2] > carton.height()) {
                        continue;
                    }
                    Placement candidate = new Placement(item, p[0], p[1], p[2], r[0], r[1], r[2]);
                    if (placed.stream().anyMatch(q -> overlaps(q, candidate))) {
                        continue;
                    }
                    if (best == null || better(candidate, best)) {
                        best = candidate;
                        bestPoint = p;
                    }
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            placed.add(best);
            points.remove(bestPoint);
            addPoint(points, carton, placed, best.x() + best.dx(), best.y(), best.z());
            addPoint(points, carton, placed, best.x(), best.y() + best.dy(), best.z());
            addPoint(points, carton, placed, best.x(), best.y(), best.z() + best.dz());
            // Projections of the new corners back towards the walls: the classic extreme points that fill gaps
            // under and beside earlier boxes.
            addPoint(points, carton, placed, best.x() + best.dx(), 0, best.z());
            addPoint(points, carton, placed, 0, best.y() + best.dy(), best.z());
            addPoint(points, carton, placed, best.x(), 0, best.z() + best.dz());
            addPoint(points, carton, placed, 0, best.y(), best.z() + best.dz());
            points.sort(Comparator.<int[]>comparingInt(p -> p[2]).thenComparingInt(p -> p[1]).thenComparingInt(p -> p[0]));
        }
        return Optional.of(placed);
    }

    /** Lower first (a stable stack), then nearer the back wall, then the side wall; ties: the flattest rotation. */
    private static boolean better(Placement a, Placement b) {
        if (a.z() != b.z()) {
            return a.z() < b.z();
        }
        if (a.y() != b.y()) {
            return a.y() < b.y();
        }
        if (a.x() != b.x()) {
            return a.x() < b.x();
        }
        return a.z() + a.dz() < b.z() + b.dz();
    }

    private static void addPoint(List<int[]> points, Space carton, List<Placement> placed, int x, int y, int z) {
        if (x >= carton.length() || y >= carton.width() || z >= carton.height()) {
            return;
        }
        for (Placement q : placed) {
            if (x >= q.x() && x < q.x() + q.dx() && y >= q.y() && y < q.y() + q.dy() && z >= q.z() && z < q.z() + q.dz()) {
                return;
            }
        }
        for (int[] p : points) {
            if (p[0] == x && p[1] == y && p[2] == z) {
                return;
            }
        }
        points.add(new int[] {x, y, z});
    }

    private static boolean overlaps(Placement a, Placement b) {
        return a.x() < b.x() + b.dx() && b.x() < a.x() + a.dx()
                && a.y() < b.y() + b.dy() && b.y() < a.y() + a.dy()
                && a.z() < b.z() + b.dz() && b.z() < a.z() + a.dz();
    }

    private static List<int[]> rotations(Item i) {
        int l = i.length();
        int w = i.width();
        int h = i.height();
        List<int[]> out = new ArrayList<>();
        for (int[] r : new int[][] {{l, w, h}, {w, l, h}, {l, h, w}, {h, l, w}, {w, h, l}, {h, w, l}}) {
            if (out.stream().noneMatch(o -> Arrays.equals(o, r))) {
                out.add(r);
            }
        }
        return out;
    }

    private static int[] sorted(int a, int b, int c) {
        int[] d = {a, b, c};
        Arrays.sort(d);
        return d;
    }

    private static int max(Item i) {
        return Math.max(i.length(), Math.max(i.width(), i.height()));
    }

    private static long base(Item i) {
        int[] d = sorted(i.length(), i.width(), i.height());
        return (long) d[1] * d[2];
    }
}
