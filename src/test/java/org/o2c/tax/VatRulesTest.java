package org.o2c.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.o2c.catalog.TaxCategory.REDUCED;
import static org.o2c.catalog.TaxCategory.STANDARD;
import static org.o2c.catalog.TaxCategory.ZERO;
import static org.o2c.tax.TaxFixture.OSS_SELLER;
import static org.o2c.tax.TaxFixture.SELLER;
import static org.o2c.tax.TaxFixture.SMALL_BUSINESS;
import static org.o2c.tax.TaxFixture.day;
import static org.o2c.tax.TaxFixture.eur;
import static org.o2c.tax.TaxFixture.notAsked;
import static org.o2c.tax.TaxFixture.sales;
import static org.o2c.tax.TaxFixture.situation;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.o2c.shared.Problem;

/** Which VAT a shop in Germany charges, told per buyer and destination. */
class VatRulesTest {
    static final LocalDate SPRING_2026 = day("2026-04-15");

    @Nested
    class ConsumersInGermany {
        @Test
        void payGerman19PercentOnStandardAnd7OnReducedGoods() {
            TaxSituation s = situation(SELLER, Party.consumer("DE", "80331"), SPRING_2026);

            TaxDecision shirt = s.decide(STANDARD);
            TaxDecision book = s.decide(REDUCED);

            assertThat(shirt.category()).isEqualTo(VatCategory.S);
            assertThat(shirt.ratePercent()).isEqualByComparingTo("19");
            assertThat(shirt.taxCountry()).isEqualTo("DE");
            assertThat(shirt.supply()).isEqualTo(Supply.DOMESTIC);
            assertThat(shirt.legalNote()).isNull();
            assertThat(shirt.exemptionReasonCode()).isNull();
            assertThat(shirt.countsTowardsDistanceSales()).isFalse();
            assertThat(book.category()).isEqualTo(VatCategory.S);
            assertThat(book.ratePercent()).isEqualByComparingTo("7");
        }

        @Test
        void zeroRatedGoodsAreCategoryZNotExempt() {
            // § 12 Abs. 3 UStG (solar panels): VAT charged at 0 %, no exemption reason (BR-Z-10).
            TaxDecision panel = situation(SELLER, Party.consumer("DE", "80331"), SPRING_2026).decide(ZERO);

            assertThat(panel.category()).isEqualTo(VatCategory.Z);
            assertThat(panel.ratePercent()).isEqualByComparingTo("0");
            assertThat(panel.legalNote()).isNull();
        }

        @Test
        void theThresholdIsNotAskedForDomesticSales() {
            TaxSituation s = situation(SELLER, Party.consumer("DE", "10115"), SPRING_2026, notAsked(), eur("50.00"));

            assertThat(s.supply()).isEqualTo(Supply.DOMESTIC);
        }
    }

    @Nested
    class ConsumersElsewhereInTheEu {
        @Test
        void withOssPayTheirOwnCountrysVat() {
            TaxSituation s = situation(OSS_SELLER, Party.consumer("AT", "1010"), SPRING_2026, notAsked(), eur("50.00"));

            TaxDecision shirt = s.decide(STANDARD);

            assertThat(shirt.category()).isEqualTo(VatCategory.S);
            assertThat(shirt.ratePercent()).isEqualByComparingTo("20");
            assertThat(shirt.taxCountry()).isEqualTo("AT");
            assertThat(shirt.supply()).isEqualTo(Supply.EU_DISTANCE_SALE);
            assertThat(shirt.foreignVat()).isTrue();
            assertThat(shirt.countsTowardsDistanceSales()).isTrue();
            assertThat(shirt.catalogRatePercent()).isEqualByComparingTo("19");
            assertThat(s.decide(REDUCED).ratePercent()).isEqualByComparingTo("10");
            assertThat(s.decide(REDUCED).catalogRatePercent()).isEqualByComparingTo("7");
        }

        @Test
        void austriasReducedGoodsStayAt10WhenTheBasicFoodRateOf4Point9Starts() {
            // The reference (§1.1) dates 4.9 % from 2026-07-01 for a short list of basic foods (milk, bread,
            // flour, …). REDUCED also covers books and other food, which stay at 10 %: o2c keeps 10 % and
            // leaves 4.9 % to a per-product override rather than charge too little for the rest.
            TaxDecision before = situation(OSS_SELLER, Party.consumer("AT", "1010"), day("2026-06-30")).decide(REDUCED);
            TaxDecision after = situation(OSS_SELLER, Party.consumer("AT", "1010"), day("2026-07-01")).decide(REDUCED);

            assertThat(before.ratePercent()).isEqualByComparingTo("10");
            assertThat(after.ratePercent()).isEqualByComparingTo("10");
        }

        @Test
        void withoutOssAndWithinTheThresholdPayGermanVat() {
            // 2025: 8,000.00; 2026 so far 9,000.00; this invoice 500.00 → 9,500.00, not above 10,000.
            TaxSituation s = situation(SELLER, Party.consumer("FR", "75001"), SPRING_2026,
                    sales(2026, "8000.00", "9000.00"), eur("500.00"));

            TaxDecision shirt = s.decide(STANDARD);

            assertThat(shirt.ratePercent()).isEqualByComparingTo("19");
            assertThat(shirt.taxCountry()).isEqualTo("DE");
            assertThat(shirt.supply()).isEqualTo(Supply.EU_DISTANCE_SALE);
            assertThat(shirt.countsTowardsDistanceSales()).isTrue();
            assertThat(s.decide(REDUCED).ratePercent()).isEqualByComparingTo("7");
        }

        @Test
        void aboveTheThresholdThisYearPayTheirOwnCountrysVat() {
            TaxSituation s = situation(SELLER, Party.consumer("FR", "75001"), SPRING_2026,
                    sales(2026, "0.00", "10000.01"), eur("0.00"));

            assertThat(s.decide(STANDARD).ratePercent()).isEqualByComparingTo("20");
            assertThat(s.decide(STANDARD).taxCountry()).isEqualTo("FR");
            assertThat(s.decide(REDUCED).ratePercent()).isEqualByComparingTo("5.5");
        }

        @Test
        void theSaleThatCrossesTheThresholdAlreadyCarriesTheDestinationsVat() {
            // 9,900.00 + 200.00 = 10,100.00 > 10,000 (reference §1.2: "that sale and every later one").
            TaxSituation s = situation(SELLER, Party.consumer("FR", "75001"), SPRING_2026,
                    sales(2026, "0.00", "9900.00"), eur("200.00"));

            assertThat(s.decide(STANDARD).ratePercent()).isEqualByComparingTo("20");
            assertThat(s.taxCountry()).isEqualTo("FR");
        }

        @Test
        void exactly10000IsNotAbove() {
            TaxSituation s = situation(SELLER, Party.consumer("FR", "75001"), SPRING_2026,
                    sales(2026, "10000.00", "9800.00"), eur("200.00"));

            assertThat(s.taxCountry()).isEqualTo("DE");
        }

        @Test
        void aboveTheThresholdLastYearMeansTheDestinationsVatFromTheFirstSaleThisYear() {
            // § 3c Abs. 4 UStG counts the previous AND the current calendar year.
            TaxSituation s = situation(SELLER, Party.consumer("FR", "75001"), day("2026-01-02"),
                    sales(2026, "10000.01", "0.00"), eur("10.00"));

            assertThat(s.decide(STANDARD).ratePercent()).isEqualByComparingTo("20");
        }

        @Test
        void anEuBusinessWithoutVatIdIsTreatedAsAConsumer() {
            TaxSituation s = situation(OSS_SELLER, Party.business("NL", "1234 AB", null), SPRING_2026);

            assertThat(s.supply()).isEqualTo(Supply.EU_DISTANCE_SALE);
            assertThat(s.decide(STANDARD).ratePercent()).isEqualByComparingTo("21");
        }

        @Test
        void monacoBelongsToTheFrenchVatArea() {
            TaxDecision d = situation(OSS_SELLER, Party.consumer("MC", "98000"), SPRING_2026).decide(STANDARD);

            assertThat(d.taxCountry()).isEqualTo("FR");
            assertThat(d.ratePercent()).isEqualByComparingTo("20");
        }

        @Test
        void aDestinationRateOfZeroIsCategoryZ() {
            // Ireland zero-rates most food and books (rate table, VERIFY).
            TaxDecision d = situation(OSS_SELLER, Party.consumer("IE", "D02 X285"), SPRING_2026).decide(REDUCED);

            assertThat(d.category()).isEqualTo(VatCategory.Z);
            assertThat(d.taxCountry()).isEqualTo("IE");
        }

        @Test
        void theGoodsDestinationDecidesNotTheBillingAddress() {
            TaxSituation s = VatRules.situation(TaxFixture.RATES, TaxFixture.TERRITORIES, OSS_SELLER,
                    Party.consumer("DE", "80331"), Party.consumer("IT", "00144"), SPRING_2026, notAsked(), eur("0"));

            assertThat(s.decide(STANDARD).ratePercent()).isEqualByComparingTo("22");
            assertThat(s.taxCountry()).isEqualTo("IT");
        }
    }

    @Nested
    class RatesFollowTheSupplyDate {
        @Test
        void estoniaCharges22UntilJuneAnd24FromJuly2025() {
            Party tallinn = Party.consumer("EE", "10111");

            assertThat(situation(OSS_SELLER, tallinn, day("2025-06-30")).decide(STANDARD).ratePercent())
                    .isEqualByComparingTo("22");
            assertThat(situation(OSS_SELLER, tallinn, day("2025-07-01")).decide(STANDARD).ratePercent())
                    .isEqualByComparingTo("24");
        }

        @Test
        void finlandsReducedRateFallsTo13Point5On1January2026() {
            Party helsinki = Party.consumer("FI", "00550");

            assertThat(situation(OSS_SELLER, helsinki, day("2025-12-31")).decide(REDUCED).ratePercent())
                    .isEqualByComparingTo("14");
            assertThat(situation(OSS_SELLER, helsinki, day("2026-01-01")).decide(REDUCED).ratePercent())
                    .isEqualByComparingTo("13.5");
            assertThat(situation(OSS_SELLER, helsinki, day("2026-01-01")).decide(STANDARD).ratePercent())
                    .isEqualByComparingTo("25.5");
        }

        @Test
        void romaniaRaisesItsRatesOn1August2025() {
            Party bucharest = Party.consumer("RO", "060274");

            assertThat(situation(OSS_SELLER, bucharest, day("2025-07-31")).decide(STANDARD).ratePercent())
                    .isEqualByComparingTo("19");
            assertThat(situation(OSS_SELLER, bucharest, day("2025-08-01")).decide(STANDARD).ratePercent())
                    .isEqualByComparingTo("21");
            assertThat(situation(OSS_SELLER, bucharest, day("2025-08-01")).decide(REDUCED).ratePercent())
                    .isEqualByComparingTo("11");
        }

        @Test
        void aSupplyDateBeforeTheTableIsRefusedNotGuessed() {
            TaxSituation s = situation(OSS_SELLER, Party.consumer("FR", "75001"), day("2024-12-31"));

            assertThatThrownBy(() -> s.decide(STANDARD)).isInstanceOf(Problem.class)
                    .hasMessageContaining("no STANDARD VAT rate of FR for a supply on 2024-12-31");
        }
    }

    @Nested
    class BusinessesElsewhereInTheEu {
        @Test
        void withAValidVatIdBuyTaxFree() {
            TaxSituation s = situation(SELLER, Party.business("NL", "1234 AB", "NL 8123.45678.B01"), SPRING_2026,
                    notAsked(), eur("900.00"));

            TaxDecision d = s.decide(STANDARD);

            assertThat(d.category()).isEqualTo(VatCategory.K);
            assertThat(d.ratePercent()).isEqualByComparingTo("0");
            assertThat(d.taxCountry()).isEqualTo("DE");
            assertThat(d.supply()).isEqualTo(Supply.INTRA_COMMUNITY_SUPPLY);
            assertThat(d.legalNote())
                    .isEqualTo("Steuerfreie innergemeinschaftliche Lieferung gemäß § 4 Nr. 1b i. V. m. § 6a UStG");
            assertThat(d.exemptionReasonCode()).isEqualTo("VATEX-EU-IC");
            assertThat(d.requiresBothVatIds()).isTrue();
            assertThat(d.countsTowardsDistanceSales()).isFalse();
            assertThat(s.decide(REDUCED).category()).isEqualTo(VatCategory.K);
        }

        @Test
        void aMalformedVatIdIsAProblemToShowNotAConsumerSale() {
            Party buyer = Party.business("NL", "1234 AB", "NL12345678B01");

            assertThatThrownBy(() -> situation(SELLER, buyer, SPRING_2026))
                    .isInstanceOfSatisfying(InvalidVatId.class, e -> {
                        assertThat(e.status().value()).isEqualTo(422);
                        assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.field()).isEqualTo("buyer.vatId");
                            assertThat(err.message()).contains("NL + 9 digits + B + 2 digits");
                        });
                        assertThat(e.check().normalized()).isEqualTo("NL12345678B01");
                    });
        }

        @Test
        void aGreekVatIdWithGrIsAProblemThatNamesEl() {
            assertThatThrownBy(() -> situation(SELLER, Party.business("GR", "151 24", "GR123456789"), SPRING_2026))
                    .isInstanceOf(InvalidVatId.class).hasMessageContaining("start with EL");
        }

        @Test
        void aGreekBusinessWithAnElVatIdBuysTaxFree() {
            TaxDecision d = situation(SELLER, Party.business("GR", "151 24", "EL123456789"), SPRING_2026)
                    .decide(STANDARD);

            assertThat(d.category()).isEqualTo(VatCategory.K);
        }

        @Test
        void theSellerNeedsItsOwnVatIdForATaxFreeSupply() {
            SellerTaxProfile noVatId = new SellerTaxProfile("DE", null, false, false);

            assertThatThrownBy(() -> situation(noVatId, Party.business("NL", "1234 AB", "NL123456789B01"), SPRING_2026))
                    .isInstanceOfSatisfying(Problem.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("seller.vatId"));
        }

        @Test
        void aBusinessThatUsesAGermanVatIdPaysGermanVat() {
            TaxSituation s = situation(SELLER, Party.business("FR", "75001", "DE987654321"), SPRING_2026, notAsked(),
                    eur("100.00"));

            assertThat(s.supply()).isEqualTo(Supply.DOMESTIC);
            assertThat(s.decide(STANDARD).ratePercent()).isEqualByComparingTo("19");
        }

        @Test
        void aGermanBusinessPaysGermanVat() {
            TaxDecision d = situation(SELLER, Party.business("DE", "10115", "DE987654321"), SPRING_2026)
                    .decide(STANDARD);

            assertThat(d.category()).isEqualTo(VatCategory.S);
            assertThat(d.ratePercent()).isEqualByComparingTo("19");
        }
    }

    @Nested
    class OutsideTheEuVatArea {
        @ParameterizedTest(name = "{0} {1} ({2})")
        @CsvSource({
                "CH, 8001, Switzerland",
                "US, 95014, United States",
                "GB, SW1A 1AA, United Kingdom",
                "NO, 0150, Norway",
                "DE, 27498, Heligoland",
                "DE, 78266, Büsingen",
                "ES, 35001, Canary Islands (Las Palmas)",
                "ES, 38001, Canary Islands (Tenerife)",
                "ES, 51001, Ceuta",
                "ES, 52001, Melilla",
                "IT, 23041, Livigno",
                "IT, 22061, Campione d'Italia",
                "GR, 630 86, Mount Athos",
                "FR, 97400, Réunion",
                "FR, 97200, Martinique",
                "FI, 22100, Åland (Mariehamn)",
        })
        void deliveriesAreTaxFreeExports(String country, String postalCode, String place) {
            TaxSituation s = situation(SELLER, Party.consumer(country, postalCode), SPRING_2026, notAsked(), eur("50"));

            TaxDecision d = s.decide(STANDARD);

            assertThat(d.category()).isEqualTo(VatCategory.G);
            assertThat(d.ratePercent()).isEqualByComparingTo("0");
            assertThat(d.supply()).isEqualTo(Supply.EXPORT);
            assertThat(d.taxCountry()).isEqualTo("DE");
            assertThat(d.legalNote()).isEqualTo("Steuerfreie Ausfuhrlieferung gemäß § 4 Nr. 1a i. V. m. § 6 UStG");
            assertThat(d.exemptionReasonCode()).isEqualTo("VATEX-EU-G");
            assertThat(d.countsTowardsDistanceSales()).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"DE, 27499", "DE, 78267", "ES, 28039", "ES, 07001", "IT, 23040", "GR, 151 24", "FR, 97000",
                "FI, 00550"})
        void neighbouringPostalCodesAreInside(String country, String postalCode) {
            TaxSituation s = situation(OSS_SELLER, Party.consumer(country, postalCode), SPRING_2026);

            assertThat(s.supply()).isNotEqualTo(Supply.EXPORT);
            assertThat(s.decide(STANDARD).category()).isEqualTo(VatCategory.S);
        }

        @Test
        void aCountryWithSpecialTerritoriesNeedsThePostalCode() {
            assertThatThrownBy(() -> situation(OSS_SELLER, Party.consumer("ES", null), SPRING_2026))
                    .isInstanceOfSatisfying(Problem.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("buyer.postalCode"));
        }

        @Test
        void aBusinessInSwitzerlandIsAnExportToo() {
            TaxDecision d = situation(SELLER, Party.business("CH", "8001", null), SPRING_2026).decide(REDUCED);

            assertThat(d.category()).isEqualTo(VatCategory.G);
        }

        @Test
        void aMalformedVatIdIsRefusedWhateverTheDestination() {
            assertThatThrownBy(() -> situation(SELLER, Party.business("CH", "8001", "CHE-123"), SPRING_2026))
                    .isInstanceOf(InvalidVatId.class);
        }
    }

    @Nested
    class SmallBusinesses {
        static final String NOTE = "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet";

        @Test
        void chargeNoVatAndSaySo() {
            TaxDecision d = situation(SMALL_BUSINESS, Party.consumer("DE", "80331"), SPRING_2026).decide(STANDARD);

            assertThat(d.category()).isEqualTo(VatCategory.E);
            assertThat(d.ratePercent()).isEqualByComparingTo("0");
            assertThat(d.legalNote()).isEqualTo(NOTE);
            assertThat(d.exemptionReasonCode()).isNull();
            assertThat(d.catalogRatePercent()).isEqualByComparingTo("0");
        }

        @ParameterizedTest
        @CsvSource(value = {"CH, 8001, ", "NL, 1234 AB, NL123456789B01", "FR, 75001, "}, nullValues = "")
        void chargeNoVatOnExportsIntraCommunityAndDistanceSalesWithinTheThreshold(String country, String postalCode,
                String vatId) {
            TaxDecision d = situation(SMALL_BUSINESS, new Party(country, postalCode, vatId), SPRING_2026)
                    .decide(STANDARD);

            assertThat(d.category()).isEqualTo(VatCategory.E);
            assertThat(d.legalNote()).isEqualTo(NOTE);
        }

        @Test
        void aboveTheEuThresholdChargeTheDestinationsVat() {
            // § 19 UStG exempts sales taxed in Germany; above € 10,000 the place of supply is the destination.
            TaxSituation s = situation(SMALL_BUSINESS, Party.consumer("FR", "75001"), SPRING_2026,
                    sales(2026, "12000.00", "0.00"), eur("20.00"));

            TaxDecision d = s.decide(STANDARD);

            assertThat(d.category()).isEqualTo(VatCategory.S);
            assertThat(d.ratePercent()).isEqualByComparingTo("20");
            assertThat(d.taxCountry()).isEqualTo("FR");
            assertThat(d.catalogRatePercent()).isEqualByComparingTo("0");
        }
    }

    @Test
    void sellersOutsideGermanyAreNotCovered() {
        SellerTaxProfile austrian = new SellerTaxProfile("AT", "ATU12345678", false, false);

        assertThatThrownBy(() -> situation(austrian, Party.consumer("AT", "1010"), SPRING_2026))
                .isInstanceOf(Problem.class).hasMessageContaining("Germany");
    }

    @Test
    void theSituationSaysWhy() {
        TaxSituation s = situation(SELLER, Party.consumer("FR", "75001"), SPRING_2026,
                sales(2026, "8000.00", "9000.00"), eur("500.00"));

        assertThat(s.reason()).contains("consumer in FR").contains("within € 10,000").contains("German VAT");
    }
}
