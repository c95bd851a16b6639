package org.o2c.tax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VAT id formats per member state (vatnode patterns, reference §1.4). */
class VatIdsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ATU12345678, AT", "BE0123456789, BE", "BG123456789, BG", "BG1234567890, BG", "CY12345678X, CY",
            "CZ12345678, CZ", "CZ1234567890, CZ", "DE123456789, DE", "DK12345678, DK", "EE123456789, EE",
            "ESX1234567X, ES", "ES12345678Z, ES", "FI12345678, FI", "FR12345678901, FR", "FRXX123456789, FR",
            "EL123456789, GR", "HR12345678901, HR", "HU12345678, HU", "IE1234567T, IE", "IE1234567WA, IE",
            "IE1X23456A, IE", "IT12345678901, IT", "LT123456789, LT", "LT123456789012, LT", "LU12345678, LU",
            "LV12345678901, LV", "MT12345678, MT", "NL123456789B01, NL", "PL1234567890, PL", "PT123456789, PT",
            "RO12, RO", "RO1234567890, RO", "SE123456789001, SE", "SI12345678, SI", "SK1234567890, SK",
    })
    void acceptsTheFormatOfEveryMemberState(String id, String country) {
        VatIdCheck check = VatIds.check(id);

        assertThat(check.valid()).as(check.problem()).isTrue();
        assertThat(check.country()).isEqualTo(country);
        assertThat(check.normalized()).isEqualTo(id);
    }

    @Test
    void dropsSpacesDotsAndHyphensAndUpperCases() {
        VatIdCheck check = VatIds.check(" nl 1234.56789-b01 ");

        assertThat(check.valid()).isTrue();
        assertThat(check.normalized()).isEqualTo("NL123456789B01");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ATU1234567     | expected ATU + 8 digits, for example ATU12345678",
            "AT12345678     | expected ATU + 8 digits",
            "DE12345678     | is not a VAT id of DE: expected DE + 9 digits",
            "NL123456789001 | NL + 9 digits + B + 2 digits",
            "SE123456789012 | SE + 10 digits + 01",
            "FRI1123456789  | FR + 2 letters or digits + 9 digits",
            "BE2123456789   | BE + 0 or 1 + 9 digits",
            "GR123456789    | Greek VAT ids start with EL, not GR",
            "CHE123456789   | not a VAT id of an EU member state (prefix CH)",
            "XI123456789    | not a VAT id of an EU member state (prefix XI)",
            "123456789      | must start with the two-letter prefix",
            "'   '          | is empty",
    })
    void namesWhatIsWrong(String id, String problem) {
        VatIdCheck check = VatIds.check(id);

        assertThat(check.valid()).isFalse();
        assertThat(check.problem()).contains(problem);
    }

    @Test
    void nothingIsEmpty() {
        assertThat(VatIds.check(null).problem()).isEqualTo("is empty");
    }
}
