package org.o2c.invoicing.rendering;

import java.util.ArrayList;
import java.util.List;
import org.o2c.invoicing.InvoiceDocument.Address;
import org.o2c.invoicing.InvoiceDocument.Party;

/** How a party is named and addressed on paper and in the XML. */
final class Parties {

    private Parties() {}

    /** The company if there is one, else the person: the name the law and the bank know. */
    static String legalName(Party party) {
        return present(party.company()) ? party.company() : party.name();
    }

    /** The person to address at a company (a second address line), or null. */
    static String attention(Party party) {
        return present(party.company()) && present(party.name()) && !party.name().equals(party.company())
                ? party.name() : null;
    }

    /** The address block: name lines, street, postal code and city, and the country unless it is the seller's. */
    static List<String> addressLines(Party party, String homeCountry, String countryName) {
        List<String> lines = new ArrayList<>();
        lines.add(legalName(party));
        if (attention(party) != null) {
            lines.add(attention(party));
        }
        lines.addAll(streetLines(party.address(), homeCountry, countryName));
        return lines;
    }

    /** Street lines, postal code and city, and the country when it differs from {@code homeCountry}. */
    static List<String> streetLines(Address address, String homeCountry, String countryName) {
        List<String> lines = new ArrayList<>();
        if (present(address.street())) {
            lines.add(address.street());
        }
        if (present(address.street2())) {
            lines.add(address.street2());
        }
        lines.add(join(" ", address.postalCode(), address.city()));
        if (!address.country().equals(homeCountry)) {
            lines.add(countryName);
        }
        return lines;
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (present(part)) {
                present.add(part.strip());
            }
        }
        return String.join(separator, present);
    }
}
