package org.o2c.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.catalog.TaxCategory.REDUCED;
import static org.o2c.catalog.TaxCategory.STANDARD;
import static org.o2c.tax.OssPricing.SAME_GROSS;
import static org.o2c.tax.OssPricing.SAME_NET;
import static org.o2c.tax.TaxFixture.OSS_SELLER;
import static org.o2c.tax.TaxFixture.SELLER;
import static org.o2c.tax.TaxFixture.SMALL_BUSINESS;
import static org.o2c.tax.TaxFixture.day;
import static org.o2c.tax.TaxFixture.eur;
import static org.o2c.tax.TaxFixture.sales;
import static org.o2c.tax.TaxFixture.situation;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Catalog prices (gross, German VAT) become the line's net unit price and the buyer's gross. */
class UnitPriceTest {
    static final LocalDate DATE = day("2026-04-15");

    @ParameterizedTest
    @EnumSource(OssPricing.class)
    void inGermanyTheCatalogPriceIsTheGross(OssPricing pricing) {
        TaxDecision domestic = situation(SELLER, Party.consumer("DE", "80331"), DATE).decide(STANDARD);

        UnitPrice p = UnitPrice.of(eur("12.90"), domestic, pricing);

        // 12.90 / 1.19 = 10.840336… → 10.8403
        assertThat(p.net().amount()).isEqualByComparingTo("10.8403");
        assertThat(p.net().amount().scale()).isEqualTo(4);
        assertThat(p.gross().amount()).isEqualByComparingTo("12.90");
    }

    @Test
    void reducedGoodsInGermany() {
        TaxDecision book = situation(SELLER, Party.consumer("DE", "80331"), DATE).decide(REDUCED);

        // 6.50 / 1.07 = 6.074766… → 6.0748
        assertThat(UnitPrice.of(eur("6.50"), book, SAME_GROSS).net().amount()).isEqualByComparingTo("6.0748");
    }

    @Test
    void ossWithTheSameGrossTakesTheForeignVatOutOfTheCatalogPrice() {
        TaxDecision austria = situation(OSS_SELLER, Party.consumer("AT", "1010"), DATE).decide(STANDARD);

        UnitPrice p = UnitPrice.of(eur("11.90"), austria, SAME_GROSS);

        // The buyer pays 11.90 as in Germany; 11.90 / 1.20 = 9.916666… → 9.9167 net.
        assertThat(p.gross().amount()).isEqualByComparingTo("11.90");
        assertThat(p.net().amount()).isEqualByComparingTo("9.9167");
    }

    @Test
    void ossWithTheSameNetAddsTheForeignVatToTheGermanNet() {
        TaxDecision austria = situation(OSS_SELLER, Party.consumer("AT", "1010"), DATE).decide(STANDARD);

        UnitPrice p = UnitPrice.of(eur("11.90"), austria, SAME_NET);

        // 11.90 / 1.19 = 10.0000 net, the shop's revenue as in Germany; 10.00 · 1.20 = 12.0000 gross.
        assertThat(p.net().amount()).isEqualByComparingTo("10.0000");
        assertThat(p.gross().amount()).isEqualByComparingTo("12.0000");
    }

    @Test
    void ossReducedGoodsInFranceUnderBothPolicies() {
        TaxDecision france = situation(OSS_SELLER, Party.consumer("FR", "75001"), DATE).decide(REDUCED);

        // 10.70 / 1.07 = 10.0000 German net; · 1.055 = 10.5500.   10.70 / 1.055 = 10.142180… → 10.1422.
        assertThat(UnitPrice.of(eur("10.70"), france, SAME_NET)).isEqualTo(new UnitPrice(eur("10.0000"), eur("10.5500")));
        assertThat(UnitPrice.of(eur("10.70"), france, SAME_GROSS))
                .isEqualTo(new UnitPrice(eur("10.1422"), eur("10.7000")));
    }

    @ParameterizedTest
    @EnumSource(OssPricing.class)
    void taxFreeSuppliesAreSoldAtTheGermanNet(OssPricing pricing) {
        TaxDecision intraCommunity = situation(SELLER, Party.business("NL", "1234 AB", "NL123456789B01"), DATE)
                .decide(STANDARD);
        TaxDecision export = situation(SELLER, Party.consumer("CH", "8001"), DATE).decide(REDUCED);

        assertThat(UnitPrice.of(eur("11.90"), intraCommunity, pricing))
                .isEqualTo(new UnitPrice(eur("10.0000"), eur("10.0000")));
        assertThat(UnitPrice.of(eur("10.70"), export, pricing)).isEqualTo(new UnitPrice(eur("10.0000"), eur("10.0000")));
    }

    @ParameterizedTest
    @EnumSource(OssPricing.class)
    void aSmallBusinessesPriceContainsNoVat(OssPricing pricing) {
        TaxDecision exempt = situation(SMALL_BUSINESS, Party.consumer("DE", "80331"), DATE).decide(STANDARD);

        assertThat(UnitPrice.of(eur("10.00"), exempt, pricing)).isEqualTo(new UnitPrice(eur("10.0000"), eur("10.0000")));
    }

    @Test
    void aSmallBusinessAboveTheEuThresholdAddsOrTakesOutTheForeignVat() {
        TaxDecision austria = situation(SMALL_BUSINESS, Party.consumer("AT", "1010"), DATE,
                sales(2026, "12000.00", "0.00"), eur("10.00")).decide(STANDARD);

        // 10.00 / 1.20 = 8.3333 net when the price stays; 10.00 · 1.20 = 12.0000 gross when the net stays.
        assertThat(UnitPrice.of(eur("10.00"), austria, SAME_GROSS)).isEqualTo(new UnitPrice(eur("8.3333"), eur("10.0000")));
        assertThat(UnitPrice.of(eur("10.00"), austria, SAME_NET)).isEqualTo(new UnitPrice(eur("10.0000"), eur("12.0000")));
    }
}
