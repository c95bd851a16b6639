package org.o2c.tax;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.o2c.shared.Country;

/**
 * Format check of EU VAT ids (USt-IdNr.) per member state, before anything is asked of VIES or the BZSt.
 * Patterns from vatnode eu-vat-rates-data (MIT, data file 2026-09-07), as shared/reference/tax-and-law.md
 * §1.4 names them; Greece uses the prefix EL. Northern Ireland's XI ids are not accepted yet.
 */
public final class VatIds {
    private VatIds() {}

    private record Format(Pattern pattern, String description, String example) {}

    /** Keyed by ISO country (GR for Greece). */
    private static final Map<String, Format> FORMATS = Map.ofEntries(
            format("AT", "ATU\\d{8}", "ATU + 8 digits", "ATU12345678"),
            format("BE", "BE[01]\\d{9}", "BE + 0 or 1 + 9 digits", "BE0123456789"),
            format("BG", "BG\\d{9,10}", "BG + 9 or 10 digits", "BG123456789"),
            format("CY", "CY\\d{8}[A-Z]", "CY + 8 digits + 1 letter", "CY12345678X"),
            format("CZ", "CZ\\d{8,10}", "CZ + 8 to 10 digits", "CZ12345678"),
            format("DE", "DE\\d{9}", "DE + 9 digits", "DE123456789"),
            format("DK", "DK\\d{8}", "DK + 8 digits", "DK12345678"),
            format("EE", "EE\\d{9}", "EE + 9 digits", "EE123456789"),
            format("ES", "ES[A-Z0-9]\\d{7}[A-Z0-9]", "ES + letter or digit + 7 digits + letter or digit",
                    "ESX1234567X"),
            format("FI", "FI\\d{8}", "FI + 8 digits", "FI12345678"),
            format("FR", "FR[A-HJ-NP-Z0-9]{2}\\d{9}", "FR + 2 letters or digits + 9 digits", "FR12345678901"),
            format("GR", "EL\\d{9}", "EL + 9 digits", "EL123456789"),
            format("HR", "HR\\d{11}", "HR + 11 digits", "HR12345678901"),
            format("HU", "HU\\d{8}", "HU + 8 digits", "HU12345678"),
            format("IE", "IE\\d{7}[A-W][AH]?|IE\\d[A-Z+*]\\d{5}[A-W]",
                    "IE + 7 digits + 1 or 2 letters, or IE + digit + letter + 5 digits + letter", "IE1234567T"),
            format("IT", "IT\\d{11}", "IT + 11 digits", "IT12345678901"),
            format("LT", "LT(\\d{9}|\\d{12})", "LT + 9 or 12 digits", "LT123456789"),
            format("LU", "LU\\d{8}", "LU + 8 digits", "LU12345678"),
            format("LV", "LV\\d{11}", "LV + 11 digits", "LV12345678901"),
            format("MT", "MT\\d{8}", "MT + 8 digits", "MT12345678"),
            format("NL", "NL\\d{9}B\\d{2}", "NL + 9 digits + B + 2 digits", "NL123456789B01"),
            format("PL", "PL\\d{10}", "PL + 10 digits", "PL1234567890"),
            format("PT", "PT\\d{9}", "PT + 9 digits", "PT123456789"),
            format("RO", "RO\\d{2,10}", "RO + 2 to 10 digits", "RO1234567890"),
            format("SE", "SE\\d{10}01", "SE + 10 digits + 01", "SE123456789001"),
            format("SI", "SI\\d{8}", "SI + 8 digits", "SI12345678"),
            format("SK", "SK\\d{10}", "SK + 10 digits", "SK1234567890"));

    private static Map.Entry<String, Format> format(String country, String regex, String description,
            String example) {
        return Map.entry(country, new Format(Pattern.compile(regex), description, example));
    }

    /**
     * Checks the format of {@code raw} as a buyer typed it: spaces, dots and hyphens are dropped and
     * letters upper-cased ("nl 1234.56789.b01" → "NL123456789B01").
     */
    public static VatIdCheck check(String raw) {
        if (raw == null || raw.isBlank()) {
            return new VatIdCheck(null, null, "is empty");
        }
        String id = raw.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        if (id.length() < 4 || !Character.isLetter(id.charAt(0)) || !Character.isLetter(id.charAt(1))) {
            return new VatIdCheck(id, null, "must start with the two-letter prefix of an EU member state, "
                    + "for example ATU12345678 or NL123456789B01");
        }
        String prefix = id.substring(0, 2);
        if (prefix.equals("GR")) {
            return new VatIdCheck(id, "GR", "Greek VAT ids start with EL, not GR (for example EL123456789)");
        }
        String country = prefix.equals("EL") ? "GR" : prefix;
        Format format = FORMATS.get(country);
        if (format == null || !Country.isEu(country)) {
            return new VatIdCheck(id, null, "is not a VAT id of an EU member state (prefix " + prefix + ")");
        }
        if (!format.pattern.matcher(id).matches()) {
            return new VatIdCheck(id, country, "is not a VAT id of " + country + ": expected "
                    + format.description + ", for example " + format.example);
        }
        return new VatIdCheck(id, country, null);
    }
}
