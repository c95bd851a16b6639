package org.o2c.invoicing;

import java.math.BigInteger;
import java.util.Locale;

/** ISO 11649 structured creditor reference ("RF18 5390 0754 7034"): banks check its digits. */
public final class CreditorReference {
    private CreditorReference() {}

    /** The RF reference for a document number (letters and digits kept, at most 21). */
    public static String of(String documentNumber) {
        String body = documentNumber.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (body.isEmpty() || body.length() > 21) {
            throw new IllegalArgumentException("a creditor reference needs 1-21 letters or digits: " + documentNumber);
        }
        int check = 98 - mod97(body + "RF00");
        return "RF" + (check < 10 ? "0" : "") + check + body;
    }

    /** Whether the check digits of an RF reference are right (spaces and case ignored). */
    public static boolean isValid(String reference) {
        if (reference == null) {
            return false;
        }
        String r = reference.toUpperCase(Locale.ROOT).replace(" ", "");
        if (!r.matches("RF\\d{2}[A-Z0-9]{1,21}")) {
            return false;
        }
        return mod97(r.substring(4) + r.substring(0, 4)) == 1;
    }

    private static int mod97(String s) {
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
