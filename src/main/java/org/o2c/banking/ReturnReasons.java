package org.o2c.banking;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ISO 20022 return reason of a German MT940 return line. The GVC only says that something came back
 * (and stays the line's transaction code); why it came back is, if anywhere, in sub-field {@code ?34} or in
 * the text: as the ISO code ({@code AC04}, {@code MD06}, sometimes after {@code RUECKGABEGRUND}) or in
 * German words, which map to the code the SEPA rulebook uses for them.
 */
final class ReturnReasons {
    /** GVCs of the DK list for returned direct debits (108, 109) and returned transfers (159). */
    private static final Set<String> RETURN_GVCS = Set.of("108", "109", "159");

    private static final Pattern RETURN_TEXT = Pattern.compile(
            "(?i)(RETOURE|R(UE|Ü)CKLASTSCHRIFT|R(UE|Ü)CKBELASTUNG|R(UE|Ü)CKGABE|R(UE|Ü)CK(UE|Ü)BERWEISUNG)");

    /** The return reasons of the SEPA rulebooks (ISO ExternalReturnReason1Code), upper case as banks write them. */
    private static final Pattern ISO_CODE = Pattern.compile("(?<![A-Z0-9])(AC01|AC04|AC06|AC13|AG01|AG02|AM04|AM05|"
            + "AM09|BE05|CNOR|DNOR|ERIN|FF01|FOCR|FRAD|MD01|MD02|MD06|MD07|MS02|MS03|RC01|RR01|RR02|RR03|RR04|SL01|"
            + "TM01|CUST|DUPL|TECH)(?![A-Z0-9])");

    /** German wordings (upper case, umlauts spelled out, without spaces) and the code they stand for. */
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("KONTOGESPERRT", "AC06");
        WORDS.put("KONTOERLOSCHEN", "AC04");
        WORDS.put("KONTOAUFGELOEST", "AC04");
        WORDS.put("KONTOGELOESCHT", "AC04");
        WORDS.put("KONTONUMMERFEHLERHAFT", "AC01");
        WORDS.put("IBANFEHLERHAFT", "AC01");
        WORDS.put("IBANUNGUELTIG", "AC01");
        WORDS.put("KONTOUNBEKANNT", "AC01");
        WORDS.put("MANGELSDECKUNG", "AM04");
        WORDS.put("KEINEDECKUNG", "AM04");
        WORDS.put("WIDERSPRUCH", "MD06");
        WORDS.put("KEINMANDAT", "MD01");
        WORDS.put("MANDATFEHLT", "MD01");
        WORDS.put("VERSTORBEN", "MD07");
        WORDS.put("DOPPELZAHLUNG", "AM05");
        WORDS.put("DOPPELTEZAHLUNG", "AM05");
        WORDS.put("GRUNDNICHTSPEZIFIZIERT", "MS03");
        WORDS.put("SONSTIGEGRUENDE", "MS03");
    }

    private ReturnReasons() {}

    static boolean isReturn(String gvc, String bookingText) {
        return RETURN_GVCS.contains(gvc) || (bookingText != null && RETURN_TEXT.matcher(bookingText).find());
    }

    /** The ISO code from {@code ?34}, the purpose text or the booking text, in that order; null when none. */
    static String iso(String field34, String text, String bookingText) {
        for (String s : new String[] {field34, text, bookingText}) {
            if (s != null) {
                Matcher m = ISO_CODE.matcher(s);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        for (String s : new String[] {text, bookingText}) {
            if (s == null) {
                continue;
            }
            String plain = s.toUpperCase(Locale.ROOT).replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE")
                    .replace("ß", "SS").replaceAll("[^A-Z]", "");
            for (Map.Entry<String, String> w : WORDS.entrySet()) {
                if (plain.contains(w.getKey())) {
                    return w.getValue();
                }
            }
        }
        return null;
    }
}
