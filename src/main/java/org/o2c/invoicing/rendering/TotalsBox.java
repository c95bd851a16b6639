package org.o2c.invoicing.rendering;

import static org.o2c.invoicing.rendering.Length.mm;
import static org.o2c.invoicing.rendering.Length.pt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.o2c.invoicing.rendering.InvoicePage.TotalRow;

/**
 * The totals under the lines, 92 mm wide at the right edge: net sum, tax per rate (or the exemption with its
 * reason in small print), the grand total under a rule in the accent colour, and what was prepaid and is due.
 */
final class TotalsBox {

    static final int WIDTH = mm(920);
    private static final int PAD_X = mm(15);
    private static final int PAD_Y = mm(10);
    private static final int AMOUNT_WIDTH = mm(290);
    private static final int GRAND_RULE = pt(12);
    private static final int DUE_RULE = pt(4);

    private record Line(Style style, List<String> label, String amount, List<String> note, int ruleAbove,
            int ruleColour, int padTop) {}

    private final int left;
    private final int right;
    private final Style small;
    private final List<Line> lines = new ArrayList<>();

    TotalsBox(List<TotalRow> rows, int right, Style regular, Style big, Style small, int accent) {
        this.right = right;
        this.left = right - WIDTH;
        this.small = small;
        int labelWidth = WIDTH - AMOUNT_WIDTH - 2 * PAD_X;
        for (TotalRow row : rows) {
            boolean strong = "grand".equals(row.kind()) || "due".equals(row.kind());
            Style style = strong ? big : regular;
            List<String> note = row.note() == null || row.note().isEmpty() ? List.of()
                    : TextWrap.lines(small, row.note(), WIDTH - 2 * PAD_X);
            int rule = "grand".equals(row.kind()) ? GRAND_RULE : "due".equals(row.kind()) ? DUE_RULE : 0;
            lines.add(new Line(style, TextWrap.lines(style, row.label(), labelWidth),
                    style.face().printable(row.amount()), note, rule,
                    "grand".equals(row.kind()) ? accent : 0x999999, "grand".equals(row.kind()) ? mm(16) : PAD_Y));
        }
    }

    int height() {
        int height = 0;
        for (Line line : lines) {
            height += height(line);
        }
        return height;
    }

    /** Draws the box with its top at {@code top}; returns its bottom. */
    int draw(PdfPen pen, int top) throws IOException {
        int y = top;
        for (Line line : lines) {
            if (line.ruleAbove() > 0) {
                pen.fill(line.ruleColour(), left, y, WIDTH, line.ruleAbove());
            }
            int first = y + line.ruleAbove() + line.padTop() + line.style().baseline();
            for (int i = 0; i < line.label().size(); i++) {
                pen.text(line.style(), left + PAD_X, first + i * line.style().lineHeight(), line.label().get(i));
            }
            pen.textRight(line.style(), right - PAD_X, first, line.amount());
            int noteTop = y + line.ruleAbove() + line.padTop() + line.label().size() * line.style().lineHeight()
                    + PAD_Y;
            for (int i = 0; i < line.note().size(); i++) {
                pen.text(small, left + PAD_X, noteTop + i * small.lineHeight() + small.baseline(), line.note().get(i));
            }
            y += height(line);
        }
        return y;
    }

    private int height(Line line) {
        int height = line.ruleAbove() + line.padTop() + line.label().size() * line.style().lineHeight() + PAD_Y;
        if (!line.note().isEmpty()) {
            height += line.note().size() * small.lineHeight() + PAD_Y;
        }
        return height;
    }
}
