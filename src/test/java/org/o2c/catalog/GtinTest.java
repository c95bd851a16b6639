package org.o2c.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Check digits recomputed by hand with the GS1 weights 3,1,3,… from the right. */
class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "96385074",        // GTIN-8: 9·3+6+3·3+8+5·3+0+7·3 = 86 → 4
            "036000291452",    // GTIN-12 (UPC-A): 58 → 2
            "4006381333931",   // GTIN-13 (EAN): 89 → 1
            "10614141000415",  // GTIN-14: 55 → 5
            "0036000291452",   // the same UPC-A padded to 13 digits
            "00036000291452",  // … and to 14
            "4000000000006"    // GTIN-13: 4·1 = 4 → 6
    })
    void acceptsValidGtins(String gtin) {
        assertThat(Gtin.isValid(gtin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "4006381333930", "96385075", "036000291453", "10614141000416",
            "4006381333913" /* last two digits swapped */})
    void refusesAWrongCheckDigit(String gtin) {
        assertThat(Gtin.isValid(gtin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "963850740", "9638507400", "10614141000", "106141410004150", "0"})
    void refusesLengthsOtherThan8And12To14(String gtin) {
        assertThat(Gtin.isValid(gtin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"400638133393A", "4006381-333931", " 4006381333931", "4006381333931 ", "4OO6381333931",
            "４００６３８１３３３９３１" /* full-width digits */})
    void refusesAnythingButAsciiDigits(String gtin) {
        assertThat(Gtin.isValid(gtin)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesNothing(String gtin) {
        assertThat(Gtin.isValid(gtin)).isFalse();
    }

    @Test
    void aZeroCheckDigitIsNotTen() {
        // A weighted sum that is a multiple of 10 gives check digit 0, not 10.
        assertThat(Gtin.isValid("0000000000000")).isTrue();
        assertThat(Gtin.isValid("5000000000000")).isFalse(); // 5·1 = 5 → check 5
        assertThat(Gtin.isValid("5000000000005")).isTrue();
    }
}
