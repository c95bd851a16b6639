package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbcClassesTest {

    @Test
    void theFastMoversThatMakeEightyPercentAreA() {
        List<AbcClasses.Velocity> v = AbcClasses.classify(Map.of("TEA", 70L, "MUG", 15L, "HAT", 10L, "PIN", 5L),
                List.of("TEA", "MUG", "HAT", "PIN", "DUSTY"));
        assertThat(v).extracting(AbcClasses.Velocity::sku).containsExactly("TEA", "MUG", "HAT", "PIN", "DUSTY");
        // Shares before each: 0 %, 70 %, 85 %, 95 %.
        assertThat(v).extracting(AbcClasses.Velocity::abc).containsExactly('A', 'A', 'B', 'C', 'C');
    }

    @Test
    void fastMoversGetTheBinsNearestTheDepot() {
        List<AbcClasses.Velocity> v = AbcClasses.classify(Map.of("TEA", 50L, "PIN", 1L), List.of("TEA", "PIN"));
        List<AbcClasses.Move> moves = AbcClasses.slotting(v, Map.of("TEA", "J-40-1", "PIN", "A-01-1"),
                Map.of("J-40-1", 100L, "A-01-1", 3L));
        assertThat(moves).containsExactly(new AbcClasses.Move("TEA", 'A', "J-40-1", "A-01-1"),
                new AbcClasses.Move("PIN", 'C', "A-01-1", "J-40-1"));
    }

    @Test
    void everySkuIsCountedOncePerPeriodOfItsClass() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (String sku : List.of("TEA", "MUG", "SOCK-1", "X")) {
            long aDays = start.datesUntil(start.plusDays(30)).filter(d -> AbcClasses.dueOn(sku, 'A', d, 30, 90, 365)).count();
            long cDays = start.datesUntil(start.plusDays(365)).filter(d -> AbcClasses.dueOn(sku, 'C', d, 30, 90, 365)).count();
            assertThat(aDays).isEqualTo(1);
            assertThat(cDays).isEqualTo(1);
        }
    }
}
