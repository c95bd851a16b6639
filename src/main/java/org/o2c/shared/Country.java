package org.o2c.shared;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes and the EU membership that VAT and shipping depend on. */
public final class Country {
    private Country() {}

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    /** The 27 EU member states (ISO codes; Greece is GR here, EL only in VAT ids). */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    public static boolean isIso(String code) {
        return code != null && code.length() == 2 && ISO.contains(code);
    }

    public static boolean isEu(String code) {
        return EU.contains(code);
    }
}
