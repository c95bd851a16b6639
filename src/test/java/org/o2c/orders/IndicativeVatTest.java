package org.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.shared.Money;

/** VAT contained in an order's gross prices: per rate group, shipping split by the goods' values. */
class IndicativeVatTest {

    private static final BigDecimal STANDARD = IndicativeVat.rate("STANDARD");
    private static final BigDecimal REDUCED = IndicativeVat.rate("REDUCED");
    private static final BigDecimal ZERO = IndicativeVat.rate("ZERO");

    @Test
    void germanRatesByTaxCategory() {
        assertThat(STANDARD).isEqualByComparingTo("19");
        assertThat(REDUCED).isEqualByComparingTo("7");
        assertThat(ZERO).isEqualByComparingTo("0");
        assertThat(IndicativeVat.rate("LUXURY")).isNull();
    }

    @Test
    void shippingIsSplitInProportionToTheGoodsOfEachRate() {
        // A book (7 %) and a T-shirt (19 %) with 4.90 shipping. The 7 % goods are 6.50 / 32.30 of the
        // value, so they carry 0.99 of the shipping and the 19 % goods the remaining 3.91:
        //   7 %:  6.50 + 0.99 =  7.49 gross → 0.49 VAT
        //  19 %: 25.80 + 3.91 = 29.71 gross → 4.74 VAT
        Order.Totals totals = IndicativeVat.totals(goods(STANDARD, "25.80", REDUCED, "6.50"), eur("4.90"));

        assertThat(totals.gross()).isEqualTo(eur("37.20"));
        assertThat(totals.tax()).isEqualTo(eur("5.23"));
        assertThat(totals.net()).isEqualTo(eur("31.97"));
    }

    @Test
    void taxIsRoundedPerRateGroupNotOverTheWholeOrder() {
        // EN 16931: the VAT of each rate group is rounded once and the order's VAT is their sum.
        Order.Totals totals = IndicativeVat.totals(goods(STANDARD, "25.80", REDUCED, "6.50"), eur("4.90"));

        assertThat(totals.tax()).isEqualTo(eur("7.49").taxContainedAt(REDUCED).add(eur("29.71").taxContainedAt(STANDARD)));
    }

    @Test
    void theOrderOfTheRateGroupsDoesNotMatter() {
        Order.Totals oneWay = IndicativeVat.totals(goods(STANDARD, "25.80", REDUCED, "6.50"), eur("4.90"));
        Order.Totals otherWay = IndicativeVat.totals(goods(REDUCED, "6.50", STANDARD, "25.80"), eur("4.90"));

        assertThat(otherWay).isEqualTo(oneWay);
    }

    @Test
    void aSingleRateCarriesAllOfTheShipping() {
        // 104.90 · 19 / 119 = 16.7487 → 16.75
        Order.Totals totals = IndicativeVat.totals(goods(STANDARD, "100.00"), eur("4.90"));

        assertThat(totals.gross()).isEqualTo(eur("104.90"));
        assertThat(totals.tax()).isEqualTo(eur("16.75"));
        assertThat(totals.net()).isEqualTo(eur("88.15"));
    }

    @Test
    void withoutShippingEachGroupIsTaxedOnItsGoods() {
        // 7 %: 6.50 → 0.4252 → 0.43;  19 %: 25.80 → 4.1193 → 4.12
        Order.Totals totals = IndicativeVat.totals(goods(STANDARD, "25.80", REDUCED, "6.50"), eur("0.00"));

        assertThat(totals.gross()).isEqualTo(eur("32.30"));
        assertThat(totals.tax()).isEqualTo(eur("4.55"));
        assertThat(totals.net()).isEqualTo(eur("27.75"));
    }

    @Test
    void zeroRatedGoodsCarryNoTaxNorDoesTheirShareOfShipping() {
        Order.Totals totals = IndicativeVat.totals(goods(ZERO, "10.00"), eur("5.00"));

        assertThat(totals.gross()).isEqualTo(eur("15.00"));
        assertThat(totals.tax()).isEqualTo(eur("0.00"));
        assertThat(totals.net()).isEqualTo(eur("15.00"));
    }

    @Test
    void zeroRatedAndStandardGoodsShareTheShipping() {
        // 0 %: 20.00 of 30.00 → 2.00 of the shipping, no VAT;  19 %: 10.00 + 1.00 = 11.00 → 1.76
        Order.Totals totals = IndicativeVat.totals(goods(ZERO, "20.00", STANDARD, "10.00"), eur("3.00"));

        assertThat(totals.gross()).isEqualTo(eur("33.00"));
        assertThat(totals.tax()).isEqualTo(eur("1.76"));
        assertThat(totals.net()).isEqualTo(eur("31.24"));
    }

    @Test
    void shippingAloneIsTaxedAtTheStandardRate() {
        // 4.90 · 19 / 119 = 0.7823 → 0.78
        Order.Totals totals = IndicativeVat.totals(Map.of(), eur("4.90"));

        assertThat(totals.gross()).isEqualTo(eur("4.90"));
        assertThat(totals.tax()).isEqualTo(eur("0.78"));
        assertThat(totals.net()).isEqualTo(eur("4.12"));
    }

    @Test
    void shippingSharesAlwaysAddUpToTheShipping() {
        // Three equal groups get 1/3 each: 0.33 + 0.33 and the last one takes the remaining 0.34.
        Order.Totals totals = IndicativeVat.totals(
                goods(ZERO, "10.00", REDUCED, "10.00", STANDARD, "10.00"), eur("1.00"));

        assertThat(totals.gross()).isEqualTo(eur("31.00"));
        // 7 %: 10.33 → 0.6758 → 0.68;  19 %: 10.34 → 1.6509 → 1.65
        assertThat(totals.tax()).isEqualTo(eur("2.33"));
        assertThat(totals.net().add(totals.tax())).isEqualTo(totals.gross());
    }

    @Test
    void totalsAreRoundedToCents() {
        Order.Totals totals = IndicativeVat.totals(goods(STANDARD, "19.999"), eur("0"));

        assertThat(totals.gross().amount().scale()).isEqualTo(2);
        assertThat(totals.tax().amount().scale()).isEqualTo(2);
        assertThat(totals.net().amount().scale()).isEqualTo(2);
        assertThat(totals.gross()).isEqualTo(eur("20.00"));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Gross goods per rate, in the order given: rate, amount, rate, amount, … */
    private static Map<BigDecimal, Money> goods(Object... rateThenAmount) {
        Map<BigDecimal, Money> byRate = new LinkedHashMap<>();
        for (int i = 0; i < rateThenAmount.length; i += 2) {
            byRate.put((BigDecimal) rateThenAmount[i], eur((String) rateThenAmount[i + 1]));
        }
        return byRate;
    }
}
