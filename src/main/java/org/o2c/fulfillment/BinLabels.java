package org.o2c.fulfillment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Printable bin labels: A4 sheets of 3 × 8 labels (70 × 37 mm, the common self-adhesive format), each with the
 * bin's name in large letters and a Code 128 barcode of it, drawn as vector bars so any printer prints them sharp.
 * (PDFBox measures in points; lengths stay local variables, as the build keeps floating point out of fields and
 * signatures.)
 */
final class BinLabels {
    private static final int COLUMNS = 3;
    private static final int ROWS = 8;

    private BinLabels() {}

    static byte[] pdf(List<String> names) {
        var mm = 72f / 25.4f;
        var labelW = 70 * mm;
        var labelH = 37 * mm;
        var top = (297 - ROWS * 37) / 2f * mm;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            int perPage = COLUMNS * ROWS;
            for (int start = 0; start < Math.max(1, names.size()); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    for (int i = start; i < Math.min(names.size(), start + perPage); i++) {
                        String name = names.get(i);
                        int k = i - start;
                        var x = (k % COLUMNS) * labelW;
                        var y = PDRectangle.A4.getHeight() - top - (k / COLUMNS + 1) * labelH;

                        var size = 26f;
                        var width = font.getStringWidth(name) / 1000 * size;
                        while (width > labelW - 8 * mm && size > 8) {
                            size -= 1;
                            width = font.getStringWidth(name) / 1000 * size;
                        }
                        c.beginText();
                        c.setFont(font, size);
                        c.newLineAtOffset(x + (labelW - width) / 2, y + labelH - 6 * mm - size * 0.72f);
                        c.showText(name);
                        c.endText();

                        BitMatrix bars = new Code128Writer().encode(name, BarcodeFormat.CODE_128, 0, 0,
                                Map.of(EncodeHintType.MARGIN, 0));
                        var module = Math.min(0.5f * mm, (labelW - 10 * mm) / bars.getWidth());
                        var left = x + (labelW - module * bars.getWidth()) / 2;
                        var bottom = y + 4 * mm;
                        for (int col = 0; col < bars.getWidth(); col++) {
                            if (bars.get(col, 0)) {
                                int run = 1;
                                while (col + run < bars.getWidth() && bars.get(col + run, 0)) {
                                    run++;
                                }
                                c.addRect(left + col * module, bottom, run * module, 14 * mm);
                                col += run - 1;
                            }
                        }
                        c.fill();
                    }
                }
            }
            doc.getDocumentInformation().setTitle("Bin labels");
            doc.getDocumentInformation().setProducer("o2c");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
