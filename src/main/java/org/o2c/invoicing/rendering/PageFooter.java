package org.o2c.invoicing.rendering;

import static org.o2c.invoicing.rendering.Length.mm;
import static org.o2c.invoicing.rendering.Length.pt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The foot of every page: under a thin rule in the accent colour the seller's address, contact, tax numbers
 * and bank in columns as wide as their text (like an HTML table of full width), then “page X of Y”.
 */
final class PageFooter {

    private static final int RULE = pt(6);
    private static final int PAD_TOP = mm(20);
    private static final int PAD_RIGHT = mm(30);
    private static final int NUMBER_GAP = mm(15);

    private final int left;
    private final int right;
    private final int top;
    private final Style style;
    private final int accent;
    private final String pageLabel;
    private final List<List<String>> columns = new ArrayList<>();
    private final int[] xs;

    /** @param pageLabel the words around the page numbers, {0} for this page and {1} for the count */
    PageFooter(List<List<String>> texts, int left, int right, int top, Style style, int accent, String pageLabel) {
        this.left = left;
        this.right = right;
        this.top = top;
        this.style = style;
        this.accent = accent;
        this.pageLabel = pageLabel;
        int[] natural = new int[texts.size()];
        long sum = 0;
        for (int c = 0; c < texts.size(); c++) {
            for (String line : texts.get(c)) {
                natural[c] = Math.max(natural[c], style.width(style.face().printable(line)));
            }
            natural[c] += PAD_RIGHT;
            sum += natural[c];
        }
        int width = right - left;
        xs = new int[texts.size()];
        int x = left;
        for (int c = 0; c < texts.size(); c++) {
            // spare width shared out in proportion to each column's text, too little width taken likewise
            int columnWidth = (int) (natural[c] * (long) width / Math.max(1, sum));
            xs[c] = x;
            List<String> lines = new ArrayList<>();
            for (String line : texts.get(c)) {
                lines.addAll(TextWrap.lines(style, line, Math.max(columnWidth - PAD_RIGHT, mm(100))));
            }
            columns.add(lines);
            x += columnWidth;
        }
    }

    void draw(PdfPen pen, int page, int pages) throws IOException {
        pen.fill(accent, left, top, right - left, RULE);
        int textTop = top + RULE + PAD_TOP;
        int most = 0;
        for (int c = 0; c < columns.size(); c++) {
            List<String> lines = columns.get(c);
            for (int i = 0; i < lines.size(); i++) {
                pen.text(style, xs[c], textTop + i * style.lineHeight() + style.baseline(), lines.get(i));
            }
            most = Math.max(most, lines.size());
        }
        String number = pageLabel.replace("{0}", String.valueOf(page)).replace("{1}", String.valueOf(pages));
        pen.textRight(style, right, textTop + most * style.lineHeight() + NUMBER_GAP + style.baseline(),
                style.face().printable(number));
    }
}
