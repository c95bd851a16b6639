package org.o2c.tax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.o2c.shared.PostalCodes;

/**
 * Parts of member states outside the EU VAT area (Heligoland, Büsingen, Canary Islands, Ceuta, Melilla,
 * Livigno, Campione, Mount Athos, French DOM, Åland), found by postal code; read from
 * {@code tax/special-territories.csv}.
 */
final class SpecialTerritories {
    static final String RESOURCE = "/tax/special-territories.csv";

    record Territory(String country, Pattern postalCode, String name) {}

    private final List<Territory> territories;

    private SpecialTerritories(List<Territory> territories) {
        this.territories = territories;
    }

    static SpecialTerritories load() {
        InputStream in = SpecialTerritories.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing");
        }
        List<Territory> list = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", 4);
                if (f.length < 3) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + n + ": expected country;postal_code_regex;territory");
                }
                try {
                    list.add(new Territory(f[0].strip(), Pattern.compile(f[1].strip()), f[2].strip()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpecialTerritories(List.copyOf(list));
    }

    /** Whether some postal codes of this country lie outside the EU VAT area. */
    boolean hasTerritories(String country) {
        return territories.stream().anyMatch(t -> t.country().equals(country));
    }

    /** The territory outside the EU VAT area this address lies in, if any. */
    Optional<String> outsideVatArea(String country, String postalCode) {
        if (postalCode == null) {
            return Optional.empty();
        }
        String canonical = PostalCodes.normalize(country, postalCode).orElse(postalCode.toUpperCase(Locale.ROOT));
        String compact = canonical.replaceAll("[\\s\\-]", "");
        return territories.stream()
                .filter(t -> t.country().equals(country) && t.postalCode().matcher(compact).matches())
                .map(Territory::name)
                .findFirst();
    }
}
