package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PackingTest {

    @Test
    void theToleranceIsAShareOfTheExpectedWeightButNeverBelowTheScalesUncertainty() {
        assertThat(Packing.tolerance(820, 5, 50)).isEqualTo(50);
        assertThat(Packing.tolerance(4000, 5, 50)).isEqualTo(200);
        assertThat(Packing.tolerance(1010, 5, 50)).isEqualTo(51);
    }

    @Test
    void transitDaysSkipTheWeekend() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        assertThat(Shipments.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(Shipments.addWorkingDays(thursday, 2)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(Shipments.addWorkingDays(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    }
}
