package org.o2c.invoicing.rendering;

import static org.o2c.invoicing.rendering.Length.mm;
import static org.o2c.invoicing.rendering.Length.pt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.o2c.invoicing.rendering.InvoicePage.LineRow;
import org.o2c.invoicing.rendering.InvoicePage.Row;

/**
 * The invoice on A4 pages, top to bottom: colour band and logo or shop name; the sender line and the address
 * in the window of a DIN 5008 envelope (type B, 20 mm from the left), the invoice data to the right; title,
 * reference, delivery address and intro; the lines, repeating their headings on each new page; the totals,
 * never alone on a page without the last line; notes; payment with bank details and the EPC QR code; and on
 * every page the footer with page X of Y, and from page 2 the document title at the top right. Text is drawn
 * in reading order, so copying it out of the PDF gives the invoice as one reads it.
 */
final class InvoiceSheet {

    private static final int TEXT = 0x222222;
    private static final int MUTED = 0x555555;
    private static final int DARK = 0x333333;

    private static final int LEFT = mm(200);
    private static final int WIDTH = mm(1750);
    private static final int RIGHT = LEFT + WIDTH;
    private static final int TOP = mm(120);
    private static final int BOTTOM = PdfPen.PAGE_HEIGHT - mm(320);
    private static final int ADDRESS_WIDTH = mm(850);
    private static final int QR_COLUMN = mm(400);
    private static final int QR_SIZE = mm(320);

    private final PDDocument document;
    private final Map<FontFace, PDFont> fonts;
    private final InvoicePage page;
    private final int accent;
    private final Style body;
    private final Style muted;
    private final Style small;
    private final Style heading;
    private final List<PdfPen> pens = new ArrayList<>();
    private PdfPen pen;
    /** Where the next block may start, and the bottom margin of the last one (margins collapse as in CSS). */
    private int y;
    private int margin;

    InvoiceSheet(PDDocument document, Map<FontFace, PDFont> fonts, InvoicePage page) {
        this.document = document;
        this.fonts = fonts;
        this.page = page;
        this.accent = Style.rgb(page.accent());
        this.body = Style.of(PdfLayout.REGULAR, 90, TEXT, 135);
        this.muted = body.colour(MUTED);
        this.small = Style.of(PdfLayout.REGULAR, 65, MUTED, 135);
        this.heading = Style.of(PdfLayout.BOLD, 95, Style.rgb(page.accentText()), 135);
    }

    void draw() throws IOException {
        try {
            newPage();
            brand();
            head();
            titles();
            lines();
            notes();
            payment();
            PageFooter footer = new PageFooter(page.footer(), LEFT, RIGHT, BOTTOM,
                    Style.of(PdfLayout.REGULAR, 70, MUTED, 135), accent, page.l().get("page"));
            for (int i = 0; i < pens.size(); i++) {
                footer.draw(pens.get(i), i + 1, pens.size());
            }
        } finally {
            for (PdfPen p : pens) {
                p.close();
            }
        }
    }

    // ---- pages ----

    private void newPage() throws IOException {
        pen = new PdfPen(document, fonts);
        pens.add(pen);
        y = TOP;
        margin = 0;
        if (pens.size() > 1) {
            Style running = Style.of(PdfLayout.REGULAR, 70, MUTED, 135);
            pen.textRight(running, RIGHT, TOP - mm(30) - running.lineHeight() + running.baseline(),
                    running.face().printable(page.documentTitle()));
        }
    }

    /** The top of the next block with the given top margin; a margin at the top of a page falls away. */
    private int blockTop(int marginTop) {
        return y == TOP ? TOP : y + Math.max(margin, marginTop);
    }

    /** Starts a new page unless a block of this height fits below {@code top} (CSS page-break-inside: avoid). */
    private int keepTogether(int top, int height) throws IOException {
        if (top + height > BOTTOM && y > TOP) {
            newPage();
            return TOP;
        }
        return top;
    }

    // ---- first page ----

    private void brand() throws IOException {
        pen.fill(accent, LEFT, TOP, WIDTH, mm(25));
        int middle = mm(268);
        int bottom = mm(385);
        InvoicePage.Logo logo = page.logo();
        if (logo != null) {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, logo.png(), "logo");
            int height = mm(logo.heightTenthsMm());
            pen.image(image, LEFT, middle - height / 2, mm(logo.widthTenthsMm()), height);
        } else {
            Style name = Style.of(PdfLayout.BOLD, 170, Style.rgb(page.accentText()), 135);
            int top = middle - name.lineHeight() / 2;
            top = paragraph(name, page.shopName(), LEFT, top, WIDTH);
            bottom = Math.max(bottom, top + mm(40));
        }
        y = bottom;
    }

    private void head() throws IOException {
        int top = y;
        List<String> sender = TextWrap.lines(small, page.senderLine(), ADDRESS_WIDTH);
        int rule = lines(small, sender, LEFT, top + mm(90)) + mm(6);
        pen.fill(0x999999, LEFT, rule, ADDRESS_WIDTH, pt(4));
        Style recipient = Style.of(PdfLayout.REGULAR, 100, TEXT, 130);
        int address = rule + pt(4) + mm(25);
        for (String line : page.recipient()) {
            address = paragraph(recipient, line, LEFT, address, ADDRESS_WIDTH);
        }
        int meta = meta(top + mm(90));
        y = Math.max(top + mm(450), Math.max(address, meta));
        margin = 0;
    }

    /** Number, dates and references right of the address: labels grey, values bold and right-aligned. */
    private int meta(int top) throws IOException {
        Style value = Style.of(PdfLayout.BOLD, 90, TEXT, 135);
        int gap = mm(40);
        int labelWidth = 0;
        int valueWidth = 0;
        for (Row row : page.meta()) {
            labelWidth = Math.max(labelWidth, muted.width(muted.face().printable(row.label())));
            valueWidth = Math.max(valueWidth, value.width(value.face().printable(row.value())));
        }
        int room = RIGHT - (LEFT + ADDRESS_WIDTH + mm(50)) - labelWidth - 2 * gap;
        valueWidth = Math.min(valueWidth, room);
        int labelX = RIGHT - valueWidth - gap - labelWidth;
        int rowTop = top;
        for (Row row : page.meta()) {
            List<String> values = TextWrap.lines(value, row.value(), valueWidth);
            int baseline = rowTop + mm(9) / 2 + body.baseline();
            pen.text(muted, labelX, baseline, muted.face().printable(row.label()));
            for (int i = 0; i < values.size(); i++) {
                pen.textRight(value, RIGHT, baseline + i * value.lineHeight(), values.get(i));
            }
            rowTop += values.size() * value.lineHeight() + mm(9);
        }
        return rowTop;
    }

    private void titles() throws IOException {
        Style title = Style.of(PdfLayout.BOLD, 170, Style.rgb(page.accentText()), 135);
        y = paragraph(title, page.title(), LEFT, blockTop(mm(80)), WIDTH);
        margin = mm(10);
        if (page.reference() != null) {
            y = paragraph(Style.of(PdfLayout.BOLD, 100, TEXT, 135), page.reference(), LEFT, blockTop(0), WIDTH);
            margin = mm(10);
        }
        if (page.deliveryAddress() != null) {
            String delivery = page.l().get("deliveryAddress") + ": " + String.join(", ", page.deliveryAddress());
            y = paragraph(body.colour(DARK), delivery, LEFT, blockTop(mm(25)), WIDTH);
            margin = 0;
        }
        y = paragraph(body, page.intro(), LEFT, blockTop(mm(50)), WIDTH);
        margin = mm(25);
    }

    // ---- lines and totals ----

    private void lines() throws IOException {
        Map<String, String> l = page.l();
        LinesTable table = new LinesTable(LEFT, WIDTH, Style.of(PdfLayout.BOLD, 80, DARK, 135), body, accent,
                List.of(l.get("pos"), l.get("sku"), l.get("description"), l.get("quantity"), l.get("unitPrice"),
                        l.get("vat"), l.get("amount")));
        TotalsBox totals = new TotalsBox(page.totals(), RIGHT, body,
                Style.of(PdfLayout.BOLD, 105, TEXT, 135), Style.of(PdfLayout.REGULAR, 75, MUTED, 135), accent);
        int totalsGap = mm(30);
        y = blockTop(0);
        boolean headed = false;
        List<LineRow> rows = page.lines();
        for (int r = 0; r < rows.size(); r++) {
            LinesTable.Row row = table.row(rows.get(r));
            int needed = (headed ? 0 : table.headerHeight()) + row.height(table.cellStyle());
            if (r == rows.size() - 1) {
                needed += totalsGap + totals.height(); // the last line goes over with the totals
            }
            if (y + needed > BOTTOM && y > TOP) {
                newPage();
                headed = false;
            }
            if (!headed) {
                y = table.header(pen, y);
                headed = true;
            }
            // a row taller than the rest of the page continues on the next, under the headings again
            int from = 0;
            while (true) {
                int count = Math.max(1, table.linesFitting(row, from, BOTTOM - y));
                y = table.draw(pen, row, y, from, count);
                from += count;
                if (from >= row.lineCount()) {
                    break;
                }
                newPage();
                y = table.header(pen, y);
            }
        }
        margin = 0;
        int top = keepTogether(blockTop(totalsGap), totals.height());
        y = totals.draw(pen, top);
        margin = 0;
    }

    // ---- notes and payment ----

    private void notes() throws IOException {
        if (page.notes().isEmpty()) {
            return;
        }
        List<List<String>> paragraphs = new ArrayList<>();
        int height = heading.lineHeight() + mm(15);
        for (String note : page.notes()) {
            List<String> lines = TextWrap.lines(body, note, WIDTH);
            paragraphs.add(lines);
            height += lines.size() * body.lineHeight() + mm(10);
        }
        int top = keepTogether(blockTop(mm(50)), height);
        int next = lines(heading, List.of(heading.face().printable(page.l().get("notes"))), LEFT, top) + mm(15);
        for (List<String> lines : paragraphs) {
            next = lines(body, lines, LEFT, next) + mm(10);
        }
        y = next;
        margin = 0;
    }

    /** Payment terms and bank details on the left, the EPC QR code with its caption on the right. */
    private void payment() throws IOException {
        if (page.payment().isEmpty() && page.bank().isEmpty()) {
            return;
        }
        boolean qr = page.giroCode() != null;
        int width = WIDTH - (qr ? QR_COLUMN : 0);
        List<List<String>> terms = new ArrayList<>();
        int left = heading.lineHeight() + mm(15);
        for (String line : page.payment()) {
            List<String> wrapped = TextWrap.lines(body, line, width);
            terms.add(wrapped);
            left += wrapped.size() * body.lineHeight() + mm(20);
        }
        int labelWidth = 0;
        for (Row row : page.bank()) {
            labelWidth = Math.max(labelWidth, muted.width(muted.face().printable(row.label())) + mm(40));
        }
        List<List<String>> values = new ArrayList<>();
        for (Row row : page.bank()) {
            List<String> wrapped = TextWrap.lines(body, row.value(), width - labelWidth);
            values.add(wrapped);
            left += wrapped.size() * body.lineHeight() + mm(8);
        }
        List<String> caption = qr ? TextWrap.lines(small, page.l().get("scanToPay"), QR_COLUMN) : List.of();
        int right = qr ? QR_SIZE + mm(10) + caption.size() * small.lineHeight() : 0;

        int top = keepTogether(blockTop(mm(60)), Math.max(left, right));
        int next = lines(heading, List.of(heading.face().printable(page.l().get("payment"))), LEFT, top) + mm(15);
        for (List<String> lines : terms) {
            next = lines(body, lines, LEFT, next) + mm(20);
        }
        for (int i = 0; i < values.size(); i++) {
            int rowTop = next + mm(4);
            pen.text(muted, LEFT, rowTop + body.baseline(), muted.face().printable(page.bank().get(i).label()));
            next = lines(body, values.get(i), LEFT + labelWidth, rowTop) + mm(4);
        }
        int bottom = next;
        if (qr) {
            int centre = RIGHT - QR_COLUMN / 2;
            pen.modules(GiroCode.modules(page.giroCode()), centre - QR_SIZE / 2, top, QR_SIZE);
            int captionTop = top + QR_SIZE + mm(10);
            for (int i = 0; i < caption.size(); i++) {
                pen.textCentred(small, centre, captionTop + i * small.lineHeight() + small.baseline(), caption.get(i));
            }
            bottom = Math.max(bottom, captionTop + caption.size() * small.lineHeight());
        }
        y = bottom;
        margin = 0;
    }

    // ---- text blocks ----

    /** Wraps and draws a paragraph with its top at {@code top}; returns its bottom. */
    private int paragraph(Style style, String text, int x, int top, int width) throws IOException {
        return lines(style, TextWrap.lines(style, text, width), x, top);
    }

    private int lines(Style style, List<String> lines, int x, int top) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            pen.text(style, x, top + i * style.lineHeight() + style.baseline(), lines.get(i));
        }
        return top + lines.size() * style.lineHeight();
    }
}
