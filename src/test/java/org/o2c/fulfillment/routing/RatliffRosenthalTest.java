package org.o2c.fulfillment.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatliffRosenthalTest {
    private static final long M = 1_000_000; // one metre in micrometres

    /** The contract's example warehouse: 10 aisles of 40 bays, 1 m bays, aisles 3 m apart, 2 m cross aisles. */
    private static final AisleGrid CONTRACT = new AisleGrid(10, 40, M, 3 * M, 2 * M);

    @Test
    void geometryIsTheContracts() {
        assertThat(CONTRACT.length()).isEqualTo(42 * M);
        assertThat(CONTRACT.y(1)).isEqualTo(1_500_000);
        assertThat(CONTRACT.y(7)).isEqualTo(7_500_000);
        assertThat(CONTRACT.y(40)).isEqualTo(40_500_000);
        assertThat(CONTRACT.x(2)).isEqualTo(6 * M);
    }

    @Test
    void oneBinInTheDepotAisleIsInAndOut() {
        assertThat(RatliffRosenthal.optimal(CONTRACT, List.of(at(0, 7))).length()).isEqualTo(15 * M);
    }

    @Test
    void oneBinInAisleCIsAlongTheFrontThenInAndOut() {
        // 6 m along the front to C, 7.5 m in to bay 7, and the same back.
        assertThat(RatliffRosenthal.optimal(CONTRACT, List.of(at(2, 7))).length()).isEqualTo(27 * M);
    }

    @Test
    void deepBinsInNeighbouringAislesAreWalkedThrough() {
        // Up A (42 m), across the back (3 m), down B (42 m), back along the front (3 m).
        Tour t = RatliffRosenthal.optimal(CONTRACT, List.of(at(1, 40), at(0, 40)));
        assertThat(t.length()).isEqualTo(90 * M);
        assertThat(t.order()).containsExactly(1, 0);
        assertThat(SShape.route(CONTRACT, List.of(at(1, 40), at(0, 40))).length()).isEqualTo(90 * M);
    }

    @Test
    void shallowBinsFarApartBeatTheSShape() {
        // Along the front to J (27 m) and back, 5.5 m in and out of A and of J.
        List<GridPoint> picks = List.of(at(9, 5), at(0, 5));
        assertThat(RatliffRosenthal.optimal(CONTRACT, picks).length()).isEqualTo(76 * M);
        assertThat(SShape.route(CONTRACT, picks).length()).isEqualTo(138 * M);
    }

    @Test
    void noBinsIsNoWalk() {
        assertThat(RatliffRosenthal.optimal(CONTRACT, List.of()).length()).isZero();
    }

    @Test
    void equalsTheBruteForceOptimumOnSmallRandomWarehouses() {
        Random random = new Random(20261126);
        for (int round = 0; round < 1500; round++) {
            AisleGrid grid = new AisleGrid(1 + random.nextInt(6), 1 + random.nextInt(12), (1 + random.nextInt(3)) * M / 2,
                    (1 + random.nextInt(8)) * M / 2, random.nextInt(5) * M / 2);
            List<GridPoint> picks = new ArrayList<>();
            int n = 1 + random.nextInt(7);
            for (int i = 0; i < n; i++) {
                picks.add(at(grid, random.nextInt(grid.aisles()), 1 + random.nextInt(grid.baysPerAisle())));
            }
            long best = BruteForceRoute.shortest(grid, picks);
            Tour exact = RatliffRosenthal.optimal(grid, picks);
            assertThat(exact.length()).as("round %d: %s in %s", round, picks, grid).isEqualTo(best);
            assertThat(exact.order()).containsExactlyInAnyOrderElementsOf(range(n));
            // The order it reports really is a walk of that length.
            assertThat(walk(grid, picks, exact.order())).isEqualTo(best);

            Tour sShape = SShape.route(grid, picks);
            assertThat(sShape.length()).isGreaterThanOrEqualTo(best);
            assertThat(walk(grid, picks, sShape.order())).isLessThanOrEqualTo(sShape.length());
            Tour heuristic = LocalSearch.improve(Routing.matrix(grid, picks), List.of(sShape.order()));
            assertThat(heuristic.length()).isBetween(best, sShape.length());
            assertThat(walk(grid, picks, heuristic.order())).isEqualTo(heuristic.length());
        }
    }

    private static long walk(AisleGrid grid, List<GridPoint> picks, List<Integer> order) {
        long sum = 0;
        GridPoint at = grid.depot();
        for (int i : order) {
            sum += grid.distance(at, picks.get(i));
            at = picks.get(i);
        }
        return sum + grid.distance(at, grid.depot());
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static GridPoint at(int aisle, int bay) {
        return at(CONTRACT, aisle, bay);
    }

    private static GridPoint at(AisleGrid grid, int aisle, int bay) {
        return new GridPoint(aisle, grid.y(bay));
    }
}
