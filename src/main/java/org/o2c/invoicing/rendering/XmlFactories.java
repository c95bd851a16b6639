package org.o2c.invoicing.rendering;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Pins the JAXP factories. PDFBox's XMP serializer calls {@code TransformerFactory.newInstance()} for every
 * PDF (Mustang writes the XMP again when it embeds the XML), and without the system property each call searches
 * every jar's {@code META-INF/services}, re-verifying signed jars, then builds a whole Saxon configuration,
 * because Mustang brings Saxon: together about a third of a PDF's CPU time. The serializer only copies a DOM
 * to bytes, which the JDK's own transformer does as well; Mustang names Saxon explicitly where it needs
 * XSLT 2+. The parser factories keep what the search finds. A property set on the command line is left alone.
 */
final class XmlFactories {

    private XmlFactories() {}

    static synchronized void pin() {
        pin("javax.xml.transform.TransformerFactory", () -> TransformerFactory.newDefaultInstance().getClass());
        pin("javax.xml.parsers.DocumentBuilderFactory", () -> DocumentBuilderFactory.newInstance().getClass());
        pin("javax.xml.parsers.SAXParserFactory", () -> SAXParserFactory.newInstance().getClass());
    }

    private static void pin(String property, java.util.function.Supplier<Class<?>> discovered) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, discovered.get().getName());
        }
    }
}
