package org.o2c.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.o2c.catalog.TaxCategory.REDUCED;
import static org.o2c.catalog.TaxCategory.STANDARD;
import static org.o2c.catalog.TaxCategory.ZERO;
import static org.o2c.tax.TaxFixture.RATES;
import static org.o2c.tax.TaxFixture.day;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.o2c.catalog.TaxCategory;
import org.o2c.shared.Country;

/** The bundled rate table (tax/eu-vat-rates.csv): complete, dated, and checked when it is read. */
class VatRatesTest {

    @Test
    void everyMemberStateHasEveryCategoryFromTheStartOfTheTable() {
        for (String country : Country.EU) {
            for (TaxCategory category : TaxCategory.values()) {
                assertThat(RATES.find(country, category, VatRates.COVERAGE_START))
                        .as("%s %s", country, category).isPresent();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3} %")
    @CsvSource({
            "DE, STANDARD, 2026-04-15, 19",
            "DE, REDUCED, 2026-04-15, 7",
            "DE, ZERO, 2026-04-15, 0",
            "DE, STANDARD, 2021-01-01, 19",
            "AT, STANDARD, 2026-04-15, 20",
            "AT, REDUCED, 2026-07-01, 10",
            "EE, STANDARD, 2025-06-30, 22",
            "EE, STANDARD, 2025-07-01, 24",
            "SK, STANDARD, 2025-01-01, 23",
            "SK, REDUCED, 2026-04-15, 19",
            "RO, STANDARD, 2025-07-31, 19",
            "RO, STANDARD, 2025-08-01, 21",
            "RO, REDUCED, 2025-08-01, 11",
            "FI, STANDARD, 2026-04-15, 25.5",
            "FI, REDUCED, 2025-12-31, 14",
            "FI, REDUCED, 2026-01-01, 13.5",
            "LT, STANDARD, 2026-04-15, 21",
            "LU, STANDARD, 2026-04-15, 17",
            "HU, STANDARD, 2026-04-15, 27",
            "DK, REDUCED, 2026-04-15, 25",
            "FR, REDUCED, 2026-04-15, 5.5",
            "NL, REDUCED, 2026-04-15, 9",
            "GR, STANDARD, 2026-04-15, 24",
    })
    void ratesAsTheReferenceGivesThem(String country, TaxCategory category, String date, String rate) {
        assertThat(RATES.rate(country, category, day(date))).isEqualByComparingTo(rate);
    }

    @Test
    void ratesCarryTwoPlaces() {
        assertThat(RATES.rate("DE", STANDARD, day("2026-01-01"))).hasToString("19.00");
        assertThat(RATES.rate("FI", STANDARD, day("2026-01-01"))).hasToString("25.50");
    }

    @Test
    void everyRowNamesItsSource() {
        assertThat(RATES.all()).allSatisfy(row -> assertThat(row.source()).isNotBlank());
        assertThat(RATES.all()).hasSizeGreaterThanOrEqualTo(27 * 3);
    }

    @Test
    void germanyIsCoveredFrom2021ButNotInTheCut2020() {
        assertThat(RATES.find("DE", REDUCED, day("2021-01-01"))).isPresent();
        assertThat(RATES.find("DE", REDUCED, day("2020-12-31"))).isEmpty();
        assertThat(RATES.find("DE", ZERO, day("2022-12-31"))).isEmpty();
    }

    @Test
    void aRowForAnotherCountryOrAMissingMemberStateStopsTheStart() {
        List<String> lines = new ArrayList<>(csv());
        lines.add("CH;STANDARD;8.1;2025-01-01;test;");
        lines.removeIf(l -> l.startsWith("MT;REDUCED"));

        assertThatThrownBy(() -> VatRates.parse(lines)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CH is not an EU member state")
                .hasMessageContaining("no rate for MT REDUCED");
    }

    @Test
    void duplicateRowsAndBadNumbersAreNamedWithTheirLine() {
        List<String> lines = new ArrayList<>(csv());
        lines.add("DE;STANDARD;16;2021-01-01;test;");
        lines.add("DE;REDUCED;seven;2030-01-01;test;");
        lines.add("DE;STANDARD;19.125;2030-01-01;test;");
        lines.add("DE;LUXURY;25;2030-01-01;test;");

        assertThatThrownBy(() -> VatRates.parse(lines)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a second row for DE STANDARD from 2021-01-01")
                .hasMessageContaining("line " + (lines.size() - 2))
                .hasMessageContaining("19.125")
                .hasMessageContaining("LUXURY");
    }

    private static List<String> csv() {
        try (var in = VatRates.class.getResourceAsStream(VatRates.RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
