package org.o2c.invoicing.rendering;

import com.google.zxing.common.BitMatrix;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws on one A4 page in {@link Length} units measured from the top left corner, the way the layout thinks,
 * while PDF counts points from the bottom left: the content stream is scaled by 1/1000 once, and y is turned
 * over here. Text positions are baselines; the text must be printable in its font ({@link FontFace#printable}).
 */
final class PdfPen implements Closeable {

    static final int PAGE_WIDTH = Length.mm(2100);
    static final int PAGE_HEIGHT = Length.mm(2970);

    private final PDPageContentStream out;
    private final Map<FontFace, PDFont> fonts;
    private int colour = -1;
    private FontFace face;
    private int size;

    PdfPen(PDDocument document, Map<FontFace, PDFont> fonts) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        this.out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, true);
        this.fonts = fonts;
        out.transform(new Matrix(0.001f, 0, 0, 0.001f, 0, 0));
    }

    void text(Style style, int x, int baseline, String printable) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        colour(style.rgb());
        out.beginText();
        if (style.face() != face || style.size() != size) {
            face = style.face();
            size = style.size();
            out.setFont(fonts.get(face), size);
        }
        out.newLineAtOffset(x, PAGE_HEIGHT - baseline);
        out.showText(printable);
        out.endText();
    }

    void textRight(Style style, int right, int baseline, String printable) throws IOException {
        text(style, right - style.width(printable), baseline, printable);
    }

    void textCentred(Style style, int centre, int baseline, String printable) throws IOException {
        text(style, centre - style.width(printable) / 2, baseline, printable);
    }

    /** A filled rectangle: colour bands and rules. */
    void fill(int rgb, int x, int top, int width, int height) throws IOException {
        colour(rgb);
        out.addRect(x, PAGE_HEIGHT - top - height, width, height);
        out.fill();
    }

    void image(PDImageXObject image, int x, int top, int width, int height) throws IOException {
        out.drawImage(image, x, PAGE_HEIGHT - top - height, width, height);
    }

    /**
     * The dark modules of a QR code as black squares filling a {@code size} square: one rectangle per run of
     * dark modules in a row, in a coordinate system of one unit per module, so the numbers stay short.
     */
    void modules(BitMatrix modules, int x, int top, int size) throws IOException {
        colour(0x000000);
        out.saveGraphicsState();
        float module = size / (float) modules.getWidth();
        out.transform(new Matrix(module, 0, 0, -module, x, PAGE_HEIGHT - top));
        for (int row = 0; row < modules.getHeight(); row++) {
            int col = 0;
            while (col < modules.getWidth()) {
                if (!modules.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < modules.getWidth() && modules.get(col, row)) {
                    col++;
                }
                out.addRect(start, row, col - start, 1);
            }
        }
        out.fill();
        out.restoreGraphicsState();
    }

    private void colour(int rgb) throws IOException {
        if (rgb != colour) {
            colour = rgb;
            out.setNonStrokingColor((rgb >> 16 & 0xFF) / 255f, (rgb >> 8 & 0xFF) / 255f, (rgb & 0xFF) / 255f);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
