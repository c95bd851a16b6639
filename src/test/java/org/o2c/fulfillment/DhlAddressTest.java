package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.o2c.orders.Order;
import org.o2c.shared.Validation;

class DhlAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hauptstr. 5a              | Hauptstr.           | 5a",
            "Am Markt 12-14            | Am Markt            | 12-14",
            "Straße des 17. Juni 135   | Straße des 17. Juni | 135",
            "Lindenweg 5               | Lindenweg           | 5",
            "Hauptstr.5                | Hauptstr.           | 5",
            "Berliner Allee 12 b       | Berliner Allee      | 12b",
            "Gartenweg 1/2             | Gartenweg           | 1/2",
            "Kaiserstraße 7 - 9        | Kaiserstraße        | 7-9",
            "Q 5, 12                   | Q 5                 | 12",
    })
    void aGermanStreetLineIsTakenApartIntoStreetAndHouseNumber(String line, String street, String number) {
        assertThat(DhlAddress.split(line, "DE")).isEqualTo(new DhlAddress.StreetAndNumber(street, number));
    }

    @Test
    void aLineWithoutATellableNumberStaysWholeForDhlToReadItself() {
        assertThat(DhlAddress.split("Dorfstraße", "DE")).isEqualTo(new DhlAddress.StreetAndNumber("Dorfstraße", null));
        assertThat(DhlAddress.split("Bahnhofstr. 12a-c", "DE").number()).isNull();
        // In France the number comes first: the line goes to DHL unchanged.
        assertThat(DhlAddress.split("12 rue de la Paix", "FR")).isEqualTo(new DhlAddress.StreetAndNumber("12 rue de la Paix", null));
    }

    @Test
    void countriesAreSentAsIso3() {
        assertThat(DhlAddress.iso3("DE")).isEqualTo("DEU");
        assertThat(DhlAddress.iso3("AT")).isEqualTo("AUT");
        assertThat(DhlAddress.iso3("GR")).isEqualTo("GRC");
        assertThat(DhlAddress.iso3("XX")).isNull();
    }

    @Test
    void longNamesAreCutToFiftyCharactersAtAWordBoundaryAndTheCompanyComesFirst() {
        String longCompany = "Internationale Gesellschaft für angewandte Beispielrechnung mbH & Co. KG";
        Validation v = new Validation();
        Map<String, Object> c = DhlAddress.consignee(new Order.PostalAddress("Anna Beispiel", longCompany,
                "Hauptstr. 5a", "Hinterhaus, 3. OG", "80331", "München", "DE"), v);
        assertThat(v.isValid()).isTrue();
        assertThat((String) c.get("name1")).hasSizeLessThanOrEqualTo(50)
                .isEqualTo("Internationale Gesellschaft für angewandte");
        assertThat(c).containsEntry("name2", "Anna Beispiel").containsEntry("name3", "Hinterhaus, 3. OG")
                .containsEntry("addressStreet", "Hauptstr.").containsEntry("addressHouse", "5a")
                .containsEntry("postalCode", "80331").containsEntry("city", "München").containsEntry("country", "DEU")
                .doesNotContainKey("additionalAddressInformation1");
    }

    @Test
    void abroadTheSecondStreetLineIsAdditionalAddressInformation() {
        Validation v = new Validation();
        Map<String, Object> c = DhlAddress.consignee(new Order.PostalAddress("Jan Jansen", null, "Kerkstraat 1",
                "Appartement 12", "1017 GC", "Amsterdam", "NL"), v);
        assertThat(c).containsEntry("addressStreet", "Kerkstraat 1").containsEntry("additionalAddressInformation1",
                "Appartement 12").containsEntry("country", "NLD").doesNotContainKey("name2");
    }

    @Test
    void whatCannotBeCutIsRefusedNamingTheField() {
        Validation v = new Validation();
        DhlAddress.consignee(new Order.PostalAddress("Anna", null, "A".repeat(60) + " 5", null, "80331",
                "Sankt Johann im Walde bei der großen Mühle am Bach", "DE"), v);
        assertThat(v.errors()).extracting(e -> e.field()).containsExactly("shipTo.street", "shipTo.city");
    }
}
