package org.o2c.invoicing.rendering;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays out an {@link InvoicePage} as PDF/A-3u: the XHTML template {@code invoicing/pdf/invoice.xhtml} filled by
 * Thymeleaf, rendered by openhtmltopdf on PDFBox with Liberation Sans embedded and an sRGB output intent (both
 * shipped in {@code invoicing/}, licences beside them). Mustang later adds the XML to this file.
 */
final class PdfLayout {

    static final String FONT = "Liberation Sans";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final byte[] regular = resource("invoicing/fonts/LiberationSans-Regular.ttf");
    private final byte[] bold = resource("invoicing/fonts/LiberationSans-Bold.ttf");
    private final byte[] srgb = resource("invoicing/color/sRGB.icc");
    private final DefaultObjectDrawerFactory objects = new DefaultObjectDrawerFactory();

    static {
        LayoutLog.install();
        XmlFactories.pin();
    }

    PdfLayout() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PdfLayout.class.getClassLoader());
        resolver.setPrefix("invoicing/pdf/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
        objects.registerDrawer(QrCodeDrawer.CONTENT_TYPE, new QrCodeDrawer());
    }

    /** The XHTML the PDF is made from (for tests and for looking at it in a browser). */
    String xhtml(InvoicePage page) {
        Context context = new Context(Locale.forLanguageTag(page.language()));
        context.setVariable("p", page);
        return templates.process("invoice", context);
    }

    byte[] pdf(InvoicePage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
            builder.useColorProfile(srgb);
            builder.useFont(new PDFontSupplier(font(document, regular)), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(font(document, bold)), FONT, 700, FontStyle.NORMAL, true);
            builder.withProducer("o2c");
            builder.useObjectDrawerFactory(objects);
            builder.withHtmlContent(xhtml(page), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out " + page.documentTitle(), e);
        }
        return out.toByteArray();
    }

    /**
     * The font, subset on embedding, without glyph substitution: otherwise PDFBox runs its Latin GSUB
     * worker (ligatures, compiling regular expressions) on every piece of text, about a tenth of an
     * invoice's CPU. An invoice needs no ligatures, and text copied from the PDF then reads letter by letter.
     */
    private static PDFont font(PDDocument document, byte[] ttf) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        font.setEnableGsub(false);
        return PDType0Font.load(document, font, true);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfLayout.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
