package org.o2c.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.o2c.catalog.TaxCategory.REDUCED;
import static org.o2c.catalog.TaxCategory.STANDARD;
import static org.o2c.catalog.TaxCategory.ZERO;
import static org.o2c.tax.TaxFixture.SELLER;
import static org.o2c.tax.TaxFixture.SMALL_BUSINESS;
import static org.o2c.tax.TaxFixture.day;
import static org.o2c.tax.TaxFixture.eur;
import static org.o2c.tax.TaxFixture.situation;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.o2c.shared.Money;
import org.o2c.tax.TaxBreakdown.Group;
import org.o2c.tax.TaxBreakdown.Line;

/** EN 16931 VAT breakdown: one group per category and rate, tax rounded once per group. */
class TaxBreakdownTest {
    static final TaxSituation GERMANY = situation(SELLER, Party.consumer("DE", "80331"), day("2026-04-15"));
    static final TaxDecision S19 = GERMANY.decide(STANDARD);
    static final TaxDecision S7 = GERMANY.decide(REDUCED);
    static final TaxDecision Z0 = GERMANY.decide(ZERO);

    @Test
    void taxIsRoundedOncePerGroupNotPerLine() {
        // Three lines of 0.13 at 19 %: per line 0.0247 → 0.02, three times 0.06; the group 0.39 · 0.19 =
        // 0.0741 → 0.07. Three lines of 0.10 at 7 %: per line 0.007 → 0.01 (0.03); the group 0.021 → 0.02.
        TaxBreakdown b = TaxBreakdown.of(List.of(line("0.13", S19), line("0.13", S19), line("0.13", S19),
                line("0.10", S7), line("0.10", S7), line("0.10", S7)));

        assertThat(b.groups()).extracting(Group::taxAmount).containsExactly(eur("0.07"), eur("0.02"));
        assertThat(b.taxAmount()).isEqualTo(eur("0.09"));
        assertThat(b.taxableAmount()).isEqualTo(eur("0.69"));
        assertThat(b.grossAmount()).isEqualTo(eur("0.78"));
    }

    @Test
    void roundsHalfUp() {
        // 0.50 · 0.07 = 0.035 → 0.04 (HALF_UP, not banker's 0.04/0.03)
        TaxBreakdown b = TaxBreakdown.of(List.of(line("0.50", S7)));

        assertThat(b.taxAmount()).isEqualTo(eur("0.04"));
    }

    @Test
    void aShopInvoiceWithBothGermanRates() {
        // Goods 2 × 10.84 at 19 % and 6.07 at 7 %, with 3.40 and 0.72 of shipping on the two rates.
        TaxBreakdown b = TaxBreakdown.of(List.of(line("21.68", S19), line("6.07", S7), line("3.40", S19),
                line("0.72", S7)));

        Group standard = b.groups().get(0);
        Group reduced = b.groups().get(1);
        assertThat(standard.category()).isEqualTo(VatCategory.S);
        assertThat(standard.ratePercent()).isEqualByComparingTo("19");
        assertThat(standard.taxableAmount()).isEqualTo(eur("25.08"));
        assertThat(standard.taxAmount()).isEqualTo(eur("4.77")); // 4.7652
        assertThat(reduced.ratePercent()).isEqualByComparingTo("7");
        assertThat(reduced.taxableAmount()).isEqualTo(eur("6.79"));
        assertThat(reduced.taxAmount()).isEqualTo(eur("0.48")); // 0.4753
        assertThat(b.grossAmount()).isEqualTo(eur("37.12"));
        assertThat(standard.exemptionReason()).isNull();
        assertThat(standard.exemptionReasonCode()).isNull();
    }

    @Test
    void theSameRateWrittenDifferentlyIsOneGroup() {
        TaxDecision written19 = new TaxDecision(VatCategory.S, new BigDecimal("19"), "DE", null, null, Supply.DOMESTIC,
                new BigDecimal("19"));

        TaxBreakdown b = TaxBreakdown.of(List.of(line("1.00", S19), line("2.00", written19)));

        assertThat(b.groups()).singleElement().satisfies(g -> assertThat(g.taxableAmount()).isEqualTo(eur("3.00")));
    }

    @Test
    void groupsAreOrderedByCategoryThenFallingRate() {
        TaxBreakdown b = TaxBreakdown.of(List.of(line("1.00", Z0), line("1.00", S7), line("1.00", S19)));

        assertThat(b.groups()).extracting(Group::category, g -> g.ratePercent().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(VatCategory.S, "19"),
                        org.assertj.core.groups.Tuple.tuple(VatCategory.S, "7"),
                        org.assertj.core.groups.Tuple.tuple(VatCategory.Z, "0"));
    }

    @Test
    void exemptGroupsCarryTheirReasonTextAndCode() {
        TaxDecision k = situation(SELLER, Party.business("NL", "1234 AB", "NL123456789B01"), day("2026-04-15"))
                .decide(STANDARD);
        TaxDecision g = situation(SELLER, Party.consumer("CH", "8001"), day("2026-04-15")).decide(STANDARD);
        TaxDecision e = situation(SMALL_BUSINESS, Party.consumer("DE", "80331"), day("2026-04-15")).decide(STANDARD);

        Group ic = TaxBreakdown.of(List.of(line("100.00", k))).groups().get(0);
        Group export = TaxBreakdown.of(List.of(line("100.00", g))).groups().get(0);
        Group small = TaxBreakdown.of(List.of(line("100.00", e))).groups().get(0);

        assertThat(ic.category()).isEqualTo(VatCategory.K);
        assertThat(ic.taxAmount()).isEqualTo(eur("0.00"));
        assertThat(ic.exemptionReasonCode()).isEqualTo("VATEX-EU-IC");
        assertThat(ic.exemptionReason()).contains("§ 4 Nr. 1b i. V. m. § 6a UStG");
        assertThat(export.exemptionReasonCode()).isEqualTo("VATEX-EU-G");
        assertThat(export.exemptionReason()).contains("§ 4 Nr. 1a i. V. m. § 6 UStG");
        assertThat(small.category()).isEqualTo(VatCategory.E);
        assertThat(small.exemptionReason()).isEqualTo("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet");
        assertThat(small.exemptionReasonCode()).isNull();
    }

    @Test
    void anInvoiceHasLines() {
        assertThatThrownBy(() -> TaxBreakdown.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- shipping follows the goods ----

    @Test
    void shippingIsSplitInProportionToTheGoodsNetValues() {
        // Goods 21.68 at 19 % and 6.07 at 7 % (27.75 net); shipping 4.12 net.
        // 7 %: 4.12 · 6.07 / 27.75 = 0.9012 → 0.90; 19 % (the larger group) takes the rest, 3.22.
        List<Line> shares = TaxBreakdown.shippingShares(eur("4.12"), List.of(line("21.68", S19), line("6.07", S7)));

        assertThat(shares).extracting(Line::net, l -> l.tax().ratePercent().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(eur("0.90"), "7"),
                        org.assertj.core.groups.Tuple.tuple(eur("3.22"), "19"));
    }

    @Test
    void sharesAlwaysAddUpToTheShipping() {
        List<Line> goods = List.of(line("10.00", S19), line("10.00", S7), line("10.00", Z0));

        List<Line> shares = TaxBreakdown.shippingShares(eur("1.00"), goods);

        assertThat(shares).extracting(Line::net).containsExactly(eur("0.33"), eur("0.33"), eur("0.34"));
        assertThat(shares.stream().map(Line::net).reduce(Money::add).orElseThrow()).isEqualTo(eur("1.00"));
    }

    @Test
    void oneRateCarriesAllOfTheShipping() {
        List<Line> shares = TaxBreakdown.shippingShares(eur("4.12"), List.of(line("8.00", S7), line("2.00", S7)));

        assertThat(shares).singleElement().satisfies(l -> {
            assertThat(l.net()).isEqualTo(eur("4.12"));
            assertThat(l.tax()).isEqualTo(S7);
        });
    }

    @Test
    void shippingOfATaxFreeSupplyIsTaxFreeToo() {
        TaxDecision k = situation(SELLER, Party.business("NL", "1234 AB", "NL123456789B01"), day("2026-04-15"))
                .decide(REDUCED);

        List<Line> shares = TaxBreakdown.shippingShares(eur("9.90"), List.of(line("120.00", k)));

        assertThat(shares).singleElement().satisfies(l -> assertThat(l.tax().category()).isEqualTo(VatCategory.K));
    }

    @Test
    void freeGoodsLeaveTheShippingWithTheHighestRate() {
        List<Line> shares = TaxBreakdown.shippingShares(eur("4.90"), List.of(line("0.00", S7), line("0.00", S19)));

        assertThat(shares).singleElement().satisfies(l -> assertThat(l.tax()).isEqualTo(S19));
    }

    @Test
    void shippingWithoutGoodsIsNotSplit() {
        assertThatThrownBy(() -> TaxBreakdown.shippingShares(eur("4.90"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesGoIntoTheBreakdownLikeLines() {
        List<Line> goods = List.of(line("21.68", S19), line("6.07", S7));
        List<Line> all = new java.util.ArrayList<>(goods);
        all.addAll(TaxBreakdown.shippingShares(eur("4.12"), goods));

        TaxBreakdown b = TaxBreakdown.of(all);

        // 19 %: 24.90 → 4.731 → 4.73;  7 %: 6.97 → 0.4879 → 0.49
        assertThat(b.groups()).extracting(Group::taxableAmount).containsExactly(eur("24.90"), eur("6.97"));
        assertThat(b.taxAmount()).isEqualTo(eur("5.22"));
        assertThat(b.grossAmount()).isEqualTo(eur("37.09"));
    }

    private static Line line(String net, TaxDecision tax) {
        return new Line(eur(net), tax);
    }
}
