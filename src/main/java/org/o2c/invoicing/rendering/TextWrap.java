package org.o2c.invoicing.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width: at spaces (a no-break space holds its neighbours together, as
 * in “§ 19”), and inside a word only when the word alone is wider than the line, so that nothing runs out of
 * its column or off the page.
 */
final class TextWrap {

    private TextWrap() {}

    /** The lines of {@code text} (made printable first) in {@code style}, at most {@code width} wide each. */
    static List<String> lines(Style style, String text, int width) {
        String printable = style.face().printable(text == null ? "" : text).strip();
        List<String> lines = new ArrayList<>(2);
        if (style.width(printable) <= width) {
            lines.add(printable);
            return lines;
        }
        int space = style.width(" ");
        StringBuilder line = new StringBuilder();
        int lineWidth = 0;
        for (String word : printable.split(" +")) {
            int wordWidth = style.width(word);
            if (line.length() > 0 && lineWidth + space + wordWidth <= width) {
                line.append(' ').append(word);
                lineWidth += space + wordWidth;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (wordWidth > width) {
                int cut = fitting(style, word, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
                wordWidth = style.width(word);
            }
            line.append(word);
            lineWidth = wordWidth;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many leading characters of {@code word} fit into {@code width}; at least one. */
    private static int fitting(Style style, String word, int width) {
        int end = 1;
        while (end < word.length() && style.width(word.substring(0, end + 1)) <= width) {
            end++;
        }
        return end;
    }
}
