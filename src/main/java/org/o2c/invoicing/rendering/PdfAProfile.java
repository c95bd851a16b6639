package org.o2c.invoicing.rendering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes the drawn pages a PDF/A-3u file besides embedded fonts: the sRGB output intent that gives the
 * colours their meaning, the XMP metadata naming the conformance (part 3, level U) with title and author, the
 * same in the document information, and the language for screen readers. The XMP is written as text: it is a
 * fixed form with two values, and an XML serializer would cost more than the page.
 */
final class PdfAProfile {

    static final String PRODUCER = "o2c";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private final byte[] srgb = resource("invoicing/color/sRGB.icc");

    void apply(PDDocument document, String title, String author, String language) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        catalog.setLanguage(language);

        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title, author).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
    }

    static String xmp(String title, String author) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
                + "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:format>application/pdf</dc:format>"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>"
                + "<dc:creator><rdf:Seq><rdf:li>" + escape(author) + "</rdf:li></rdf:Seq></dc:creator>"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
                + "<pdf:Producer>" + PRODUCER + "</pdf:Producer></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
                + "<xmp:CreatorTool>" + PRODUCER + "</xmp:CreatorTool></rdf:Description>\n"
                + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfAProfile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
