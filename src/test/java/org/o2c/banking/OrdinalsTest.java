package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrdinalsTest {

    @Test
    void countsEachKeyAndStartsAgainForANewStatement() {
        Ordinals o = new Ordinals();
        for (long k = 0; k < 100_000; k++) {
            assertThat(o.next(k * 0x9E3779B97F4A7C15L)).isZero();
        }
        assertThat(o.next(7 * 0x9E3779B97F4A7C15L)).isEqualTo(1);
        assertThat(o.next(7 * 0x9E3779B97F4A7C15L)).isEqualTo(2);
        assertThat(o.next(0)).as("the key 0 is a key like any other").isEqualTo(1);
        o.clear();
        assertThat(o.next(7 * 0x9E3779B97F4A7C15L)).isZero();
    }
}
