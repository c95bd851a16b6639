package org.o2c.tax;

import java.util.Locale;

/**
 * A buyer or a delivery address as VAT sees it: ISO 3166-1 country ("GR" for Greece, also when the VAT
 * id says EL), postal code (for the special territories outside the EU VAT area) and the VAT id the
 * buyer used for this order, if any. No VAT id means a consumer (haufe.de § 3c Rz. 17).
 */
public record Party(String country, String postalCode, String vatId) {

    public Party {
        if (country == null || country.isBlank()) {
            throw new IllegalArgumentException("country is required");
        }
        country = country.strip().toUpperCase(Locale.ROOT);
        postalCode = postalCode == null || postalCode.isBlank() ? null : postalCode.strip();
        vatId = vatId == null || vatId.isBlank() ? null : vatId.strip();
    }

    public static Party consumer(String country, String postalCode) {
        return new Party(country, postalCode, null);
    }

    public static Party business(String country, String postalCode, String vatId) {
        return new Party(country, postalCode, vatId);
    }

    public boolean hasVatId() {
        return vatId != null;
    }
}
