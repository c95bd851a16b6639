package org.o2c.invoicing.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Mustang's part of the PDF: embeds the Factur-X XML as {@code factur-x.xml} (relationship “Alternative”)
 * into the PDF/A-3 and writes the XMP metadata that tells readers the profile (EN 16931).
 */
final class FacturXPdf {

    private FacturXPdf() {}

    static byte[] embed(byte[] pdfA3, byte[] facturXml, String author) {
        ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()
                .setProducer("o2c")
                .setCreator(author)
                .setCreatorTool("o2c")
                .setProfile(Profiles.getByName("EN16931"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exporter.load(pdfA3);
            exporter.setXML(facturXml);
            exporter.export(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not embed the Factur-X XML", e);
        } finally {
            try {
                exporter.close();
            } catch (IOException ignored) {
                // export closed it already
            }
        }
        return out.toByteArray();
    }
}
