package org.o2c.catalog;

/** GS1 GTIN-8/12/13/14 with the mod-10 check digit (GS1 General Specifications 7.9). */
public final class Gtin {
    private Gtin() {}

    public static boolean isValid(String gtin) {
        if (gtin == null || !gtin.matches("\\d{8}|\\d{12,14}")) {
            return false;
        }
        int sum = 0;
        int n = gtin.length();
        for (int i = 0; i < n - 1; i++) {
            int digit = gtin.charAt(i) - '0';
            // Weights alternate 3,1,3,... counted from the digit left of the check digit.
            sum += ((n - 1 - i) % 2 == 1) ? digit * 3 : digit;
        }
        int check = (10 - sum % 10) % 10;
        return check == gtin.charAt(n - 1) - '0';
    }
}
