package org.o2c.tax;

import java.util.Locale;
import org.o2c.shops.CompanySettings;

/**
 * The seller's tax regime: where it is established (o2c's rules cover Germany), its USt-IdNr. (needed on
 * tax-free intra-community supplies), § 19 UStG small business, and whether it takes part in the OSS
 * Union scheme (then every EU distance sale carries the destination's VAT from the first euro).
 */
public record SellerTaxProfile(String country, String vatId, boolean smallBusiness, boolean ossEnabled) {

    public SellerTaxProfile {
        if (country == null || country.isBlank()) {
            throw new IllegalArgumentException("country is required");
        }
        country = country.strip().toUpperCase(Locale.ROOT);
        vatId = vatId == null || vatId.isBlank() ? null : vatId.strip();
    }

    public static SellerTaxProfile of(CompanySettings settings) {
        return new SellerTaxProfile(settings.country(), settings.vatId(), settings.smallBusiness(),
                settings.ossEnabled());
    }
}
