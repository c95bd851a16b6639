package org.o2c.invoicing.rendering;

import static org.o2c.invoicing.rendering.Length.mm;
import static org.o2c.invoicing.rendering.Length.pt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.o2c.invoicing.rendering.InvoicePage.LineRow;

/**
 * The invoice lines as a table of seven columns (position, item number, description, quantity, unit price,
 * VAT rate, amount) with fixed widths; the description takes what is left of the text width. Position, item
 * number and description wrap inside their column, the numbers never do. The sheet decides where pages break;
 * a row taller than a page is split between lines.
 */
final class LinesTable {

    /** Widths of the columns including their padding; 0 is the description, which gets the rest. */
    private static final int[] WIDTHS = {mm(84), mm(214), 0, mm(194), mm(264), mm(124), mm(244)};
    private static final boolean[] NUMERIC = {false, false, false, true, true, true, true};
    private static final int PAD_X = mm(12);
    private static final int PAD_Y = mm(16);
    private static final int HEAD_PAD_Y = mm(12);
    private static final int RULE = pt(4);
    private static final int HEAD_RULE = pt(12);
    private static final int ROW_RULE_COLOUR = 0xD6D6D6;

    /** One invoice line, wrapped: the lines of each cell. */
    record Row(List<List<String>> cells, int lineCount) {

        int height(Style cell) {
            return height(cell, lineCount);
        }

        static int height(Style cell, int lines) {
            return PAD_Y + lines * cell.lineHeight() + PAD_Y + RULE;
        }
    }

    private final int left;
    private final int[] widths = new int[WIDTHS.length];
    private final Style head;
    private final Style cell;
    private final Style sku;
    private final int accent;
    private final List<List<String>> headCells = new ArrayList<>();
    private final int headLines;

    LinesTable(int left, int width, Style head, Style cell, int accent, List<String> headings) {
        this.left = left;
        this.head = head;
        this.cell = cell;
        this.sku = cell.colour(0x555555);
        this.accent = accent;
        int fixed = 0;
        for (int w : WIDTHS) {
            fixed += w;
        }
        for (int c = 0; c < WIDTHS.length; c++) {
            widths[c] = WIDTHS[c] == 0 ? width - fixed : WIDTHS[c];
        }
        int most = 1;
        for (int c = 0; c < headings.size(); c++) {
            List<String> lines = NUMERIC[c] ? List.of(head.face().printable(headings.get(c)))
                    : TextWrap.lines(head, headings.get(c), widths[c] - 2 * PAD_X);
            headCells.add(lines);
            most = Math.max(most, lines.size());
        }
        headLines = most;
    }

    Row row(LineRow line) {
        String[] texts = {line.pos(), line.sku(), line.description(), line.quantity(), line.unitPrice(), line.vat(),
                line.amount()};
        List<List<String>> cells = new ArrayList<>(texts.length);
        int most = 1;
        for (int c = 0; c < texts.length; c++) {
            List<String> lines = NUMERIC[c] ? List.of(cell.face().printable(texts[c]))
                    : TextWrap.lines(cell, texts[c], widths[c] - 2 * PAD_X);
            cells.add(lines);
            most = Math.max(most, lines.size());
        }
        return new Row(cells, most);
    }

    Style cellStyle() {
        return cell;
    }

    int headerHeight() {
        return HEAD_PAD_Y + headLines * head.lineHeight() + HEAD_PAD_Y + HEAD_RULE;
    }

    /** Draws the column headings at {@code top}; returns their bottom. */
    int header(PdfPen pen, int top) throws IOException {
        int x = left;
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = headCells.get(c);
            // vertical-align: bottom, as headings of unequal length read best
            int first = top + HEAD_PAD_Y + (headLines - lines.size()) * head.lineHeight() + head.baseline();
            for (int i = 0; i < lines.size(); i++) {
                draw(pen, head, c, x, first + i * head.lineHeight(), lines.get(i));
            }
            x += widths[c];
        }
        int rule = top + HEAD_PAD_Y + headLines * head.lineHeight() + HEAD_PAD_Y;
        pen.fill(accent, left, rule, total(), HEAD_RULE);
        return rule + HEAD_RULE;
    }

    /** How many of the row's lines from {@code from} on fit into {@code room}. */
    int linesFitting(Row row, int from, int room) {
        int fit = (room - 2 * PAD_Y - RULE) / cell.lineHeight();
        return Math.max(0, Math.min(fit, row.lineCount() - from));
    }

    /** Draws lines {@code from} to {@code from + count} of the row at {@code top}; returns the bottom. */
    int draw(PdfPen pen, Row row, int top, int from, int count) throws IOException {
        int x = left;
        int first = top + PAD_Y + cell.baseline();
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = row.cells().get(c);
            for (int i = from; i < Math.min(lines.size(), from + count); i++) {
                draw(pen, c == 1 ? sku : cell, c, x, first + (i - from) * cell.lineHeight(), lines.get(i));
            }
            x += widths[c];
        }
        int rule = top + Row.height(cell, count) - RULE;
        pen.fill(ROW_RULE_COLOUR, left, rule, total(), RULE);
        return rule + RULE;
    }

    private void draw(PdfPen pen, Style style, int column, int x, int baseline, String text) throws IOException {
        if (NUMERIC[column]) {
            pen.textRight(style, x + widths[column] - PAD_X, baseline, text);
        } else {
            pen.text(style, x + PAD_X, baseline, text);
        }
    }

    private int total() {
        int sum = 0;
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }
}
