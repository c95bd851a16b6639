package org.o2c.cashapp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two payer names are, 0–1000: umlauts and ß folded ('Müller' = 'MUELLER'), titles and legal
 * forms dropped, token order ignored ('Müller, Hans' = 'HANS MUELLER'), each token compared with
 * Jaro-Winkler so a typo still scores high. Integer arithmetic keeps floating point out of the code.
 */
final class NameSimilarity {
    private NameSimilarity() {}

    private static final Set<String> NOISE = Set.of("herr", "herrn", "frau", "dr", "prof", "und", "u", "fam",
            "familie", "gmbh", "mbh", "co", "kg", "ag", "ug", "ohg", "gbr", "ek", "e", "k", "kfm", "inh",
            "haftungsbeschraenkt", "mr", "mrs", "ms", "ltd", "sarl", "bv");

    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    /** The name as folded lower-case tokens without titles and legal forms. */
    static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        String folded = fold(name);
        for (String t : NOT_ALNUM.split(folded)) {
            if (!t.isEmpty() && !NOISE.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static String fold(String s) {
        String lower = s.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7f) {
                return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return lower;
    }

    /** Similarity of two names, 0–1000. A single surname against a full name scores at most 900. */
    static int similarity(String a, String b) {
        return similarity(tokens(a), tokens(b));
    }

    static int similarity(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<String> small = a.size() <= b.size() ? a : b;
        List<String> large = small == a ? b : a;
        long sum = 0;
        boolean[] used = new boolean[large.size()];
        for (String t : small) {
            int best = 0;
            int bestIndex = -1;
            for (int i = 0; i < large.size(); i++) {
                if (used[i]) {
                    continue;
                }
                int s = tokenSimilarity(t, large.get(i));
                if (s > best) {
                    best = s;
                    bestIndex = i;
                }
            }
            if (bestIndex >= 0) {
                used[bestIndex] = true;
            }
            sum += best;
        }
        int score = (int) (sum / small.size());
        // One shared surname says little about who paid: 'Müller' is many customers.
        if (small.size() == 1 && large.size() > 1) {
            score = Math.min(score, 900);
        }
        return score;
    }

    private static int tokenSimilarity(String x, String y) {
        if (x.length() == 1 || y.length() == 1) {
            // An initial ('H. Müller') agrees with the name it abbreviates, but not fully.
            return x.charAt(0) == y.charAt(0) ? 900 : 0;
        }
        return jaroWinkler(x, y);
    }

    /** Jaro-Winkler similarity in per mille (prefix scale 0.1, prefix up to 4 characters). */
    static int jaroWinkler(String s1, String s2) {
        if (s1.equals(s2)) {
            return 1000;
        }
        int l1 = s1.length();
        int l2 = s2.length();
        if (l1 == 0 || l2 == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(l1, l2) / 2 - 1);
        boolean[] m1 = new boolean[l1];
        boolean[] m2 = new boolean[l2];
        int matches = 0;
        for (int i = 0; i < l1; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(l2 - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!m2[j] && s1.charAt(i) == s2.charAt(j)) {
                    m1[i] = true;
                    m2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int halfTranspositions = 0;
        int k = 0;
        for (int i = 0; i < l1; i++) {
            if (m1[i]) {
                while (!m2[k]) {
                    k++;
                }
                if (s1.charAt(i) != s2.charAt(k)) {
                    halfTranspositions++;
                }
                k++;
            }
        }
        long m = matches;
        long t = halfTranspositions / 2;
        // jaro = (m/l1 + m/l2 + (m-t)/m) / 3, kept in integers over a common denominator
        long numerator = m * m * l2 + m * m * l1 + (m - t) * l1 * l2;
        long denominator = 3L * l1 * l2 * m;
        long jaro = numerator * 1_000_000 / denominator;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(l1, l2)) && s1.charAt(i) == s2.charAt(i); i++) {
            prefix++;
        }
        long jw = jaro + prefix * (1_000_000 - jaro) / 10;
        return (int) Math.min(1000, (jw + 500) / 1000);
    }
}
