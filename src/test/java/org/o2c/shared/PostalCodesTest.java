package org.o2c.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalCodesTest {

    // ---- format and normalisation ----

    @ParameterizedTest(name = "{0}: \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "NL | 1234ab     | 1234 AB",
            "NL | 1234 ab    | 1234 AB",
            "NL | ' 1234  AB ' | 1234 AB",
            "NL | NL-1234AB  | 1234 AB",
            "PL | 00950      | 00-950",
            "PL | 00-950     | 00-950",
            "PL | 00 950     | 00-950",
            "CZ | 11455      | 114 55",
            "CZ | 11000      | 110 00",
            "SK | 81101      | 811 01",
            "SE | 11455      | 114 55",
            "SE | S-11455    | 114 55",
            "GR | 11455      | 114 55",
            "GR | 10557      | 105 57",
            "SK | 11455      | 114 55",
            "PT | 2725079    | 2725-079",
            "PT | 2725-079   | 2725-079",
            "LV | 1073       | LV-1073",
            "LV | lv-1073    | LV-1073",
            "LV | LV1073     | LV-1073",
            "LT | LT-04340   | 04340",
            "LT | 04340      | 04340",
            "LU | L-4750     | 4750",
            "LU | LU-4750    | 4750",
            "DE | D-10115    | 10115",
            "DE | DE-10115   | 10115",
            "DE | ' 10115 '  | 10115",
            "AT | A-1010     | 1010",
            "CH | CH-8001    | 8001",
            "GB | sw1a1aa    | SW1A 1AA",
            "GB | SW1A 1AA   | SW1A 1AA",
            "GB | ec1a1bb    | EC1A 1BB",
            "GB | m11ae      | M1 1AE",
            "IE | d02x285    | D02 X285",
            "IE | a65 f4e2   | A65 F4E2",
            "IE | D6W1X23    | D6W 1X23",
            "US | 95014      | 95014",
            "US | 950141234  | 95014-1234",
            "US | 95014-1234 | 95014-1234",
            "MT | vlt1117    | VLT 1117",
    })
    void writesTheCountrysCanonicalSpelling(String country, String typed, String canonical) {
        assertThat(PostalCodes.normalize(country, typed)).contains(canonical);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {
            "DE | 1234",       // four digits
            "DE | 123456",
            "DE | 00123",      // no German code starts with 00
            "DE | 1O115",      // letter O for zero
            "NL | 1234 SA",    // SA, SD and SS are not used in the Netherlands
            "NL | 1234 SS",
            "NL | 0123 AB",    // no leading zero
            "AT | 12345",
            "CH | 800",
            "PL | 009501",
            "PT | 2725",
            "LV | 10734",
            "GB | SW1A",
            "IE | B65 F4E2",   // B is not a routing-key letter
            "US | 9501",
            "US | 95014-12",
            "ES | 53001",      // Spanish provinces end at 52
            "DE | ''",
            "DE | '   '",
    })
    void refusesWhatDoesNotFitTheCountry(String country, String typed) {
        assertThat(PostalCodes.normalize(country, typed)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(PostalCodes.normalize("DE", null)).isEmpty();
    }

    @Test
    void acceptsAPlausibleCodeOfACountryWithoutKnownFormat() {
        assertThat(PostalCodes.normalize("BR", "01310-100")).contains("01310-100");
        assertThat(PostalCodes.normalize("BR", "<script>")).isEmpty();
    }

    /** One real code per EU member state, plus the non-EU countries o2c ships to most. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "AT | 1010",       // Wien
            "BE | 1000",       // Bruxelles
            "BG | 1000",       // Sofia
            "CY | 1010",       // Nicosia
            "CZ | 110 00",     // Praha
            "DE | 10115",      // Berlin
            "DK | 1050",       // København K
            "EE | 10111",      // Tallinn
            "ES | 28013",      // Madrid
            "FI | 00100",      // Helsinki
            "FR | 75001",      // Paris
            "GR | 105 57",     // Athína
            "HR | 10000",      // Zagreb
            "HU | 1051",       // Budapest
            "IE | D02 X285",   // Dublin
            "IT | 00184",      // Roma
            "LT | 01100",      // Vilnius
            "LU | 1009",       // Luxembourg
            "LV | LV-1050",    // Rīga
            "MT | VLT 1117",   // Valletta
            "NL | 1012 AB",    // Amsterdam
            "PL | 00-001",     // Warszawa
            "PT | 1100-148",   // Lisboa
            "RO | 010011",     // București
            "SE | 111 20",     // Stockholm
            "SI | 1000",       // Ljubljana
            "SK | 811 01",     // Bratislava
            "CH | 8001",       // Zürich
            "GB | SW1A 1AA",   // London
            "NO | 0150",       // Oslo
            "US | 20500",      // Washington
    })
    void acceptsARealCodeOfEachCountryAsWritten(String country, String code) {
        assertThat(PostalCodes.normalize(country, code)).contains(code);
    }

    @Test
    void knowsTheFormatOfEveryEuMemberState() {
        Set<String> withoutRule = new HashSet<>();
        for (String country : Country.EU) {
            String example = PostalCodes.example(country);
            if (example == null || PostalCodes.normalize(country, example).filter(example::equals).isEmpty()) {
                withoutRule.add(country);
            }
        }
        assertThat(withoutRule).isEmpty();
        assertThat(PostalCodes.example("BR")).isNull();
    }
    // ---- places per code (bundled DE, AT, CH data) ----

    @Test
    void knowsEveryCodeOfGermanyAustriaAndSwitzerland() {
        assertThat(PostalCodes.hasDataset("DE")).isTrue();
        assertThat(PostalCodes.hasDataset("AT")).isTrue();
        assertThat(PostalCodes.hasDataset("CH")).isTrue();
        assertThat(PostalCodes.hasDataset("FR")).isFalse();
        assertThat(PostalCodes.hasDataset("de")).isFalse();
        assertThat(PostalCodes.hasDataset(null)).isFalse();
    }

    @Test
    void answersWhetherACodeExists() {
        assertThat(PostalCodes.exists("DE", "10115")).isTrue();
        assertThat(PostalCodes.exists("DE", "80331")).isTrue();
        assertThat(PostalCodes.exists("AT", "1010")).isTrue();
        assertThat(PostalCodes.exists("CH", "8001")).isTrue();
        assertThat(PostalCodes.exists("DE", "99999")).isFalse();
        assertThat(PostalCodes.exists("AT", "9999")).isFalse();
        // Without a dataset o2c cannot tell, so it does not accuse.
        assertThat(PostalCodes.exists("FR", "99999")).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "DE | 10115 | Berlin",
            "DE | 80331 | München",
            "DE | 20095 | Hamburg",
            "DE | 53757 | Sankt Augustin",
            "AT | 1010  | Wien",
            "CH | 8001  | Zürich",
            "CH | 6900  | Massagno",          // one code, several places
            "CH | 6900  | Lugano",
    })
    void theCityOfACodeFits(String country, String code, String city) {
        assertThat(PostalCodes.cityFits(country, code, city)).isTrue();
        assertThat(PostalCodes.placesOf(country, code)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "DE | 80331 | münchen",            // case
            "DE | 80331 | MÜNCHEN",
            "DE | 80331 | Muenchen",           // umlaut spelled out
            "DE | 80331 | Munchen",            // umlaut dropped: one letter off
            "CH | 8001  | Zurich",
            "CH | 8001  | Zuerich",
            "DE | 60311 | Frankfurt",          // the dataset says Frankfurt am Main
            "DE | 60311 | Frankfurt am Main",
            "DE | 60311 | frankfurt/main",
            "DE | 10115 | Berlin-Mitte",       // a district after the town
            "DE | 10115 | Berln",              // one typo: a letter missing
            "DE | 10115 | Berlim",             // one typo: a wrong letter
            "DE | 20095 | Hammburg",           // one typo: a letter too many
            "DE | 53757 | St. Augustin",       // St. for Sankt
            "DE | 53757 | St Augustin",
            "DE | 10115 | '  Berlin  '",
    })
    void forgivesHowPeopleWriteTheirTown(String country, String code, String city) {
        assertThat(PostalCodes.cityFits(country, code, city)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} is not {2}")
    @CsvSource(delimiter = '|', value = {
            "DE | 10115 | München",
            "DE | 80331 | Berlin",
            "DE | 80331 | Hamburg",
            "DE | 10115 | Brelni",      // two typos are too many
            "DE | 61348 | Bad Tölz",    // Bad Homburg: a shared prefix like Bad is not a match
            "AT | 1010  | Graz",
            "CH | 8001  | Genève",
    })
    void aCityTheCodeDoesNotServeDoesNotFit(String country, String code, String city) {
        assertThat(PostalCodes.cityFits(country, code, city)).isFalse();
    }

    @Test
    void withoutDataOrCityThereIsNothingToObject() {
        assertThat(PostalCodes.cityFits("FR", "75001", "Marseille")).isTrue();
        assertThat(PostalCodes.cityFits("DE", "99999", "Berlin")).isTrue();
        assertThat(PostalCodes.cityFits("DE", "10115", null)).isTrue();
    }

    @Test
    void namesThePlacesOfACode() {
        assertThat(PostalCodes.placesOf("DE", "10115")).containsExactly("Berlin");
        assertThat(PostalCodes.placesOf("CH", "6900")).contains("Lugano", "Massagno", "Paradiso");
        assertThat(PostalCodes.placesOf("DE", "99999")).isEmpty();
        assertThat(PostalCodes.placesOf("FR", "75001")).isEmpty();
    }
}
