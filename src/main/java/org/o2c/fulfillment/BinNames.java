package org.o2c.fulfillment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bin names of the aisle grid: {@code C-07-2} is aisle C, bay 7, level 2 (the level is optional). */
final class BinNames {
    private static final Pattern NAME = Pattern.compile("([A-Za-z]{1,2})-(\\d{1,4})(?:-(\\d{1,3}))?");

    private BinNames() {}

    /** A grid position: aisle index (0 = A) and bay (1-based). */
    record Position(int aisle, int bay) {}

    /** The position a name stands for, or null when it is not a grid name. */
    static Position parse(String name) {
        if (name == null) {
            return null;
        }
        Matcher m = NAME.matcher(name.strip());
        if (!m.matches()) {
            return null;
        }
        return new Position(aisleIndex(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** A, B, … Z, AA, AB, … as spreadsheet columns are lettered. */
    static int aisleIndex(String letters) {
        int index = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    static String aisleLetters(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    static String name(int aisle, int bay, int level) {
        return aisleLetters(aisle) + "-" + String.format(Locale.ROOT, "%02d", bay) + "-" + level;
    }
}
