package org.o2c.invoicing.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays out an {@link InvoicePage} as PDF/A-3u, drawn directly with PDFBox: {@link InvoiceSheet} places every
 * part of this one document, Liberation Sans is embedded as a subset (both shipped in {@code invoicing/},
 * licences beside them), {@link PdfAProfile} adds what PDF/A asks for. Mustang later adds the XML to this file.
 * A general HTML/CSS engine did the same in about five times the CPU: matching style rules and laying out
 * boxes for a document whose shape never changes.
 */
final class PdfLayout {

    static final FontFace REGULAR = FontFace.of("invoicing/fonts/LiberationSans-Regular.ttf");
    static final FontFace BOLD = FontFace.of("invoicing/fonts/LiberationSans-Bold.ttf");

    private final PdfAProfile profile = new PdfAProfile();

    static {
        XmlFactories.pin();
    }

    byte[] pdf(InvoicePage page) {
        TrueTypeFont regular = null;
        TrueTypeFont bold = null;
        try (PDDocument document = new PDDocument()) {
            regular = REGULAR.borrow();
            bold = BOLD.borrow();
            document.setVersion(1.7f);
            Map<FontFace, PDFont> fonts = Map.of(REGULAR, FontFace.embed(document, regular),
                    BOLD, FontFace.embed(document, bold));
            new InvoiceSheet(document, fonts, page).draw();
            profile.apply(document, page.documentTitle(), page.shopName(), page.language());
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            // Mustang loads and saves the file once more, with object streams: no need to build them twice.
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out " + page.documentTitle(), e);
        } finally {
            REGULAR.giveBack(regular);
            BOLD.giveBack(bold);
        }
    }
}
