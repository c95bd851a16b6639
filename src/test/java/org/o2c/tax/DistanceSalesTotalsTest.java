package org.o2c.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.tax.TaxFixture.eur;

import org.junit.jupiter.api.Test;

/** § 3c Abs. 4 UStG: at most € 10,000 last year and, with this sale, at most € 10,000 this year. */
class DistanceSalesTotalsTest {

    @Test
    void withinTheThresholdInBothYears() {
        DistanceSalesTotals t = new DistanceSalesTotals(2026, eur("10000.00"), eur("9999.00"));

        assertThat(t.exceeded()).isFalse();
        assertThat(t.exceededWith(eur("1.00"))).isFalse();
        assertThat(t.exceededWith(eur("1.01"))).isTrue();
    }

    @Test
    void lastYearAloneDecides() {
        assertThat(new DistanceSalesTotals(2026, eur("10000.01"), eur("0.00")).exceeded()).isTrue();
    }

    @Test
    void aCreditNoteLowersTheTotal() {
        DistanceSalesTotals t = new DistanceSalesTotals(2026, eur("0.00"), eur("10050.00"));

        assertThat(t.exceeded()).isTrue();
        assertThat(t.exceededWith(eur("-100.00"))).isFalse();
    }
}
