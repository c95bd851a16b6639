package org.o2c.invoicing.rendering;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What Mustang's validator says about a file: veraPDF for PDF/A-3, then the XML schema, the EN 16931 and
 * Factur-X schematron, and for XRechnung the KoSIT XRechnung 3.0 schematron with the severity "error".
 */
public record MustangValidation(String report, String pdfStatus, String xmlStatus, List<String> errors,
        List<String> warnings, List<String> notices) {

    public static MustangValidation of(byte[] file, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(file, name);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            Document xml = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));
            Element root = xml.getDocumentElement();
            return new MustangValidation(report, status(root, "pdf"), status(root, "xml"),
                    messages(xml, "error", "fatal", "exception"), messages(xml, "warning"), messages(xml, "notice"));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable validation report:\n" + report, e);
        }
    }

    public boolean valid() {
        return errors.isEmpty() && !"invalid".equals(pdfStatus) && "valid".equals(xmlStatus);
    }

    /** One line for the test log: what the validator says. */
    public String summary() {
        return "PDF " + pdfStatus + ", XML " + xmlStatus + ", " + errors.size() + " errors, " + warnings.size()
                + " warnings, " + notices.size() + " notices" + (notices.isEmpty() ? "" : " " + ids(notices));
    }

    private static String status(Element root, String part) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(part)) {
                NodeList summary = e.getElementsByTagName("summary");
                return summary.getLength() == 0 ? "missing" : ((Element) summary.item(0)).getAttribute("status");
            }
        }
        return "absent";
    }

    private static List<String> messages(Document xml, String... kinds) {
        List<String> found = new ArrayList<>();
        for (String kind : kinds) {
            NodeList nodes = xml.getElementsByTagName(kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add(kind + ": " + nodes.item(i).getTextContent().strip());
            }
        }
        return found;
    }

    private static List<String> ids(List<String> messages) {
        return messages.stream()
                .map(m -> m.replaceAll("(?s).*\\[ID ([^\\]]+)\\].*", "$1"))
                .toList();
    }
}
