package org.o2c.cashapp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.o2c.invoicing.CreditorReference;

/**
 * Reading references out of what a payer writes: separators, case and prefixes ('Rechnung', 'RG-Nr.',
 * 'Re.') do not matter, digits that look like letters ('2O26', 'OO42') are read as digits, and a number
 * may be split by spaces ('RG2026 00042'). Every key the index holds is compared in {@link #key} form.
 */
final class References {
    private References() {}

    private static final Pattern RF = Pattern.compile("RF\\d{2}[A-Z0-9]{1,21}");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final int MAX_WINDOW_TOKENS = 5;
    private static final int MAX_KEY_LENGTH = 30;

    /** One key read from the text; {@code ocr} when letters were read as digits to get it. */
    record Key(String text, boolean ocr) {}

    /** A document number as the index keys it: letters and digits only, upper case, umlauts folded. */
    static String key(String number) {
        if (number == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(number.length());
        String up = foldUpper(number);
        for (int i = 0; i < up.length(); i++) {
            char c = up.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Only the digits of a number ('RE-2026-00042' → '202600042'). */
    static String digits(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String foldUpper(String s) {
        return s.toUpperCase(Locale.ROOT).replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE").replace("ß", "SS");
    }

    /**
     * Every key the text could mean: concatenations of up to five neighbouring tokens that hold a digit,
     * where tokens break at separators and between letters and digits ('RG2026' → 'RG', '2026').
     */
    static List<Key> keys(String text) {
        List<Key> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<String> tokens = new ArrayList<>();
        List<Boolean> ocr = new ArrayList<>();
        for (String chunk : SEPARATORS.split(foldUpper(text))) {
            if (chunk.isEmpty()) {
                continue;
            }
            String fixed = ocrDigits(chunk);
            boolean wasFixed = !fixed.equals(chunk);
            splitLettersAndDigits(fixed, tokens);
            while (ocr.size() < tokens.size()) {
                ocr.add(wasFixed);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder b = new StringBuilder();
            boolean anyDigit = false;
            boolean anyOcr = false;
            for (int j = i; j < Math.min(tokens.size(), i + MAX_WINDOW_TOKENS); j++) {
                String t = tokens.get(j);
                b.append(t);
                anyDigit |= Character.isDigit(t.charAt(0));
                anyOcr |= ocr.get(j);
                if (b.length() > MAX_KEY_LENGTH) {
                    break;
                }
                if (anyDigit && b.length() >= 4 && seen.add(b.toString())) {
                    out.add(new Key(b.toString(), anyOcr));
                }
            }
        }
        return out;
    }

    private static final String LOOK_LIKE_DIGITS = "OILSBZ";

    /**
     * Letters that OCR and typing confuse with digits ('2O26', 'OO42') are read as digits where they sit
     * in a run of digits and such letters that has at least two digits and no more letters than digits.
     */
    static String ocrDigits(String chunk) {
        StringBuilder out = null;
        int i = 0;
        while (i < chunk.length()) {
            int start = i;
            int digits = 0;
            int letters = 0;
            while (i < chunk.length() && (Character.isDigit(chunk.charAt(i)) || LOOK_LIKE_DIGITS.indexOf(chunk.charAt(i)) >= 0)) {
                if (Character.isDigit(chunk.charAt(i))) {
                    digits++;
                } else {
                    letters++;
                }
                i++;
            }
            if (letters > 0 && digits >= 2 && letters <= digits) {
                if (out == null) {
                    out = new StringBuilder(chunk);
                }
                for (int j = start; j < i; j++) {
                    out.setCharAt(j, switch (chunk.charAt(j)) {
                        case 'O' -> '0';
                        case 'I', 'L' -> '1';
                        case 'S' -> '5';
                        case 'B' -> '8';
                        case 'Z' -> '2';
                        default -> chunk.charAt(j);
                    });
                }
            }
            if (i == start) {
                i++;
            }
        }
        return out == null ? chunk : out.toString();
    }

    private static void splitLettersAndDigits(String chunk, List<String> into) {
        int start = 0;
        for (int i = 1; i <= chunk.length(); i++) {
            if (i == chunk.length() || Character.isDigit(chunk.charAt(i)) != Character.isDigit(chunk.charAt(i - 1))) {
                into.add(chunk.substring(start, i));
                start = i;
            }
        }
    }

    /** RF creditor references in the text whose check digits are right, spaces inside ignored. */
    static List<String> creditorReferences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String compact = WHITESPACE.matcher(foldUpper(text)).replaceAll("");
        Matcher m = RF.matcher(compact);
        while (m.find()) {
            String candidate = m.group();
            // The reference may run into the next word once spaces are gone: the longest valid prefix wins.
            for (int end = candidate.length(); end >= 5; end--) {
                String r = candidate.substring(0, end);
                if (CreditorReference.isValid(r)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The numbers one typing slip away from {@code digits}: two neighbours swapped, one digit missing,
     * one too many, or one wrong.
     */
    static Set<String> typoVariants(String digits) {
        Set<String> out = new LinkedHashSet<>();
        char[] c = digits.toCharArray();
        for (int i = 0; i + 1 < c.length; i++) {
            if (c[i] != c[i + 1]) {
                char[] t = c.clone();
                t[i] = c[i + 1];
                t[i + 1] = c[i];
                out.add(new String(t));
            }
        }
        StringBuilder b = new StringBuilder(digits);
        for (int i = 0; i < c.length; i++) {
            out.add(b.deleteCharAt(i).toString());
            b.insert(i, c[i]);
        }
        for (int i = 0; i <= c.length; i++) {
            for (char d = '0'; d <= '9'; d++) {
                out.add(digits.substring(0, i) + d + digits.substring(i));
            }
        }
        for (int i = 0; i < c.length; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != c[i]) {
                    out.add(digits.substring(0, i) + d + digits.substring(i + 1));
                }
            }
        }
        out.remove(digits);
        return out;
    }
}
