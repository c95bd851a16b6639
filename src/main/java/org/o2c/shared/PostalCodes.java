package org.o2c.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Postal codes: the per-country format (Google address data / CLDR patterns, see
 * docs/address-validation.md) with normalisation of the ways buyers type them, and for the
 * countries with a bundled dataset (DE, AT, CH from GeoNames) the places each code serves.
 */
public final class PostalCodes {
    private PostalCodes() {}

    private record Rule(Pattern pattern, String example) {}

    private static final Map<String, Rule> RULES = new HashMap<>();

    private static void rule(String country, String regex, String example) {
        RULES.put(country, new Rule(Pattern.compile(regex), example));
    }

    static {
        rule("AT", "\\d{4}", "1010");
        rule("BE", "\\d{4}", "4000");
        rule("BG", "\\d{4}", "1000");
        rule("CY", "\\d{4}", "2008");
        rule("CZ", "\\d{3} \\d{2}", "100 00");
        rule("DE", "(0[1-9]|[1-9]\\d)\\d{3}", "26133");
        rule("DK", "\\d{4}", "8660");
        rule("EE", "\\d{5}", "69501");
        rule("ES", "(0[1-9]|[1-4]\\d|5[0-2])\\d{3}", "28039");
        rule("FI", "\\d{5}", "00550");
        rule("FR", "\\d{5}", "33380");
        rule("GR", "\\d{3} \\d{2}", "151 24");
        rule("HR", "\\d{5}", "10000");
        rule("HU", "\\d{4}", "1037");
        rule("IE", "[AC-FHKNPRTV-Y]\\d{2}|D6W [0-9AC-FHKNPRTV-Y]{4}|[AC-FHKNPRTV-Y]\\d{2} [0-9AC-FHKNPRTV-Y]{4}",
                "A65 F4E2");
        rule("IT", "\\d{5}", "00144");
        rule("LT", "\\d{5}", "04340");
        rule("LU", "\\d{4}", "4750");
        rule("LV", "LV-\\d{4}", "LV-1073");
        rule("MT", "[A-Z]{3} \\d{2,4}", "NXR 01");
        rule("NL", "[1-9]\\d{3} (?!SA|SD|SS)[A-Z]{2}", "1234 AB");
        rule("PL", "\\d{2}-\\d{3}", "00-950");
        rule("PT", "\\d{4}-\\d{3}", "2725-079");
        rule("RO", "\\d{6}", "060274");
        rule("SE", "\\d{3} \\d{2}", "114 55");
        rule("SI", "\\d{4}", "4000");
        rule("SK", "\\d{3} \\d{2}", "010 01");
        rule("CH", "\\d{4}", "8001");
        rule("LI", "94(8[5-9]|9[0-8])", "9490");
        rule("NO", "\\d{4}", "0150");
        rule("IS", "\\d{3}", "101");
        rule("GB", "GIR 0AA|(?:[A-Z]{1,2}\\d[A-Z\\d]?|[A-Z]{1,2}\\d{2}) \\d[A-Z]{2}", "SW1A 1AA");
        rule("US", "\\d{5}(-\\d{4})?", "95014");
        rule("CA", "[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] \\d[ABCEGHJ-NPRSTV-Z]\\d", "K1A 0B1");
        rule("AU", "\\d{4}", "2060");
        rule("MC", "980\\d{2}", "98000");
        rule("SM", "4789\\d", "47890");
        rule("VA", "00120", "00120");
        rule("AD", "AD[1-7]0\\d", "AD100");
    }

    /**
     * The code in the country's canonical spelling ("1234ab" → "1234 AB", "00950" → "00-950",
     * "D-10115" → "10115"), or empty when it does not fit the country's pattern.
     */
    public static Optional<String> normalize(String country, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Rule rule = RULES.get(country);
        if (rule == null) {
            // No known format: accept a plausible code as typed.
            return s.matches("[A-Z0-9][A-Z0-9 \\-]{0,11}") ? Optional.of(s) : Optional.empty();
        }
        for (String candidate : candidates(country, s)) {
            if (rule.pattern.matcher(candidate).matches()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** An example of a valid code, for error messages. */
    public static String example(String country) {
        Rule rule = RULES.get(country);
        return rule == null ? null : rule.example;
    }

    private static Set<String> candidates(String country, String s) {
        Set<String> out = new java.util.LinkedHashSet<>();
        out.add(s);
        // Country prefixes people put in front: "D-10115", "A-1010", "CH-8001", "L-4750", "LT-04340".
        String bare = s.replaceFirst("^(" + country + "|D|A|L|F|I|B|NL|DK|S|FI|N)[- ]", "");
        out.add(bare);
        String compact = bare.replace(" ", "").replace("-", "");
        out.add(compact);
        switch (country) {
            case "CZ", "SK", "SE", "GR" -> { if (compact.length() == 5) out.add(compact.substring(0, 3) + " " + compact.substring(3)); }
            case "NL" -> { if (compact.length() == 6) out.add(compact.substring(0, 4) + " " + compact.substring(4)); }
            case "PL" -> { if (compact.length() == 5) out.add(compact.substring(0, 2) + "-" + compact.substring(2)); }
            case "PT" -> { if (compact.length() == 7) out.add(compact.substring(0, 4) + "-" + compact.substring(4)); }
            case "LV" -> out.add("LV-" + compact.replaceFirst("^LV", ""));
            case "GB", "CA", "IE" -> { if (compact.length() >= 5) out.add(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3)); }
            case "MT" -> { if (compact.length() >= 5) out.add(compact.substring(0, 3) + " " + compact.substring(3)); }
            case "US" -> { if (compact.length() == 9) out.add(compact.substring(0, 5) + "-" + compact.substring(5)); }
            default -> { }
        }
        if ("IE".equals(country) && compact.length() == 7) {
            out.add(compact.substring(0, 3) + " " + compact.substring(3));
        }
        return out;
    }

    // ---- places per postal code (bundled GeoNames data) ----

    private static final Map<String, Map<String, Set<String>>> PLACES = new ConcurrentHashMap<>();

    /** Whether o2c knows every postal code of this country, so an unknown code is itself a signal. */
    public static boolean hasDataset(String country) {
        return !places(country).isEmpty();
    }

    /** Whether {@code code} exists in the country's dataset (true when there is no dataset). */
    public static boolean exists(String country, String code) {
        Map<String, Set<String>> byCode = places(country);
        return byCode.isEmpty() || byCode.containsKey(code);
    }

    /**
     * Whether {@code city} is one of the places the code serves, compared loosely: case, accents,
     * "St." for "Sankt", district suffixes ("Berlin-Mitte", "Frankfurt am Main") and small typos are
     * forgiven. True when there is no dataset for the country or the code is unknown.
     */
    public static boolean cityFits(String country, String code, String city) {
        Set<String> places = places(country).get(code);
        if (places == null || city == null) {
            return true;
        }
        String wanted = fold(city);
        for (String place : places) {
            String p = fold(place);
            if (p.equals(wanted) || wanted.startsWith(p + " ") || p.startsWith(wanted + " ")
                    || sameDistinctiveFirstWord(p, wanted) || editDistanceAtMostOne(p, wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The places a code serves, for messages and suggestions. */
    public static Set<String> placesOf(String country, String code) {
        return places(country).getOrDefault(code, Set.of());
    }

    /** Prefixes shared by many unrelated places ("Bad Tölz", "Bad Homburg"): never enough alone. */
    private static final Set<String> GENERIC_FIRST_WORDS = Set.of("bad", "gross", "klein", "neu", "alt", "sankt",
            "ober", "unter", "nieder", "hohen", "mittel", "markt", "stadt", "burg", "schloss", "st", "le", "la", "les");

    /** "Frankfurt" for "Frankfurt am Main", "Halle" for "Halle (Saale)" — not "Bad …" for "Bad …". */
    private static boolean sameDistinctiveFirstWord(String place, String wanted) {
        String first = firstWord(place);
        return first.length() >= 4 && !GENERIC_FIRST_WORDS.contains(first) && first.equals(firstWord(wanted));
    }

    private static String firstWord(String s) {
        int i = s.indexOf(' ');
        return i < 0 ? s : s.substring(0, i);
    }

    static String fold(String s) {
        String n = s.toLowerCase(Locale.GERMAN)
                .replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
        n = Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        n = n.replaceAll("\\bst\\.?\\s", "sankt ").replaceAll("[^a-z0-9]+", " ").strip();
        return n;
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.length() < 4) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    private static Map<String, Set<String>> places(String country) {
        if (country == null || !country.matches("[A-Z]{2}")) {
            return Map.of();
        }
        return PLACES.computeIfAbsent(country, PostalCodes::load);
    }

    private static Map<String, Set<String>> load(String country) {
        InputStream in = PostalCodes.class.getResourceAsStream("/postalcodes/" + country + ".tsv");
        if (in == null) {
            return Map.of();
        }
        Map<String, Set<String>> byCode = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    byCode.computeIfAbsent(line.substring(0, tab), k -> new HashSet<>()).add(line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read postal codes of " + country, e);
        }
        return Map.copyOf(byCode);
    }
}
