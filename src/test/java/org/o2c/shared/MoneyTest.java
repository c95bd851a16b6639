package org.o2c.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} rounds to {2}")
    @CsvSource({
            "10.005, EUR, 10.01",
            "10.0049, EUR, 10.00",
            "2.345, EUR, 2.35",
            "-10.005, EUR, -10.01",    // HALF_UP rounds away from zero, also for credits
            "19.9900, EUR, 19.99",     // a four-place unit price becomes a two-place total
            "7, EUR, 7.00",
            "100.5, JPY, 101",         // the yen has no minor unit
            "1.2345, BHD, 1.235"       // the Bahraini dinar has three
    })
    void roundsHalfUpToTheMinorUnitOfTheCurrency(String amount, String currency, String rounded) {
        Money money = Money.of(amount, currency).rounded();

        assertThat(money.amount()).isEqualByComparingTo(rounded);
        assertThat(money.amount().scale()).isEqualTo(money.minorUnits());
    }

    @Test
    void writesTheRoundedPlainAmount() {
        assertThat(Money.of("19.985", "EUR").toPlainString()).isEqualTo("19.99");
        assertThat(Money.of("1E+3", "EUR").toPlainString()).isEqualTo("1000.00");
        assertThat(Money.of("19.9", "EUR")).hasToString("19.90 EUR");
    }

    @ParameterizedTest(name = "{0} gross at {1} % contains {2} tax")
    @CsvSource({
            "119.00, 19, 19.00",
            "10.00, 7, 0.65",      // 0.654… rounds down
            "1.00, 19, 0.16",      // 0.1596…
            "4.90, 19, 0.78",      // 0.7823…
            "107.00, 7.00, 7.00",
            "50.00, 0, 0.00",
            "-119.00, 19, -19.00"  // a refund carries negative tax
    })
    void taxContainedInAGrossAmountIsRoundedOnce(String gross, String rate, String tax) {
        Money contained = Money.of(gross, "EUR").taxContainedAt(new BigDecimal(rate));

        assertThat(contained).isEqualTo(Money.of(tax, "EUR"));
        assertThat(contained.amount().scale()).isEqualTo(2);
    }

    @Test
    void refusesToMixCurrencies() {
        Money euros = Money.of("10.00", "EUR");
        Money francs = Money.of("10.00", "CHF");

        assertThatThrownBy(() -> euros.add(francs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
        assertThatThrownBy(() -> euros.subtract(francs)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> euros.compareTo(francs)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIgnoresScaleButNotCurrency() {
        assertThat(Money.of("1.5", "EUR")).isEqualTo(Money.of("1.50", "EUR")).isEqualTo(Money.of("1.5000", "EUR"));
        assertThat(Money.of("1.5", "EUR")).hasSameHashCodeAs(Money.of("1.5000", "EUR"));
        assertThat(Money.of("0", "EUR")).isEqualTo(Money.of("0.00", "EUR")).hasSameHashCodeAs(Money.of("0.00", "EUR"));
        assertThat(Money.of("1.50", "EUR")).isNotEqualTo(Money.of("1.50", "CHF"));
        assertThat(Money.of("1.50", "EUR")).isNotEqualTo(Money.of("1.51", "EUR"));
    }

    @Test
    void arithmeticKeepsFullPrecisionUntilRounded() {
        Money unitPrice = Money.of("0.3333", "EUR");

        assertThat(unitPrice.times(3)).isEqualTo(Money.of("0.9999", "EUR"));
        assertThat(unitPrice.times(3).rounded()).isEqualTo(Money.of("1.00", "EUR"));
        assertThat(Money.of("10.00", "EUR").subtract(Money.of("12.50", "EUR")).isNegative()).isTrue();
        assertThat(Money.of("10.00", "EUR").times(new BigDecimal("0.5"))).isEqualTo(Money.of("5", "EUR"));
        assertThat(Money.zero(Money.EUR).isZero()).isTrue();
        assertThat(Money.of("2.00", "EUR").compareTo(Money.of("10.00", "EUR"))).isNegative();
    }
}
