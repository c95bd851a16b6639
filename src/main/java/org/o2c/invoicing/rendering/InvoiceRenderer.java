package org.o2c.invoicing.rendering;

import org.o2c.invoicing.InvoiceDocument;
import org.springframework.stereotype.Component;

/**
 * Turns an issued invoice or credit note into the files that leave the shop: the PDF/A-3 a person reads, with
 * the Factur-X/ZUGFeRD XML (profile EN 16931) inside, and the XRechnung for public buyers. The same document
 * always gives the same XML; a document whose amounts do not add up the way EN 16931 computes them is refused.
 */
@Component
public class InvoiceRenderer {

    private final PdfLayout layout = new PdfLayout();

    /**
     * The PDF/A-3 in the document's language (German, or English), in the shop's colours, with every field
     * § 14 Abs. 4 UStG requires, the EPC QR code when a bank transfer in euros is due, and the Factur-X XML.
     */
    public byte[] pdf(InvoiceDocument document, Branding branding) {
        byte[] xml = facturX(document);
        String giroCode = GiroCode.payload(document).orElse(null);
        byte[] layoutOnly = layout.pdf(InvoicePage.of(document, branding, giroCode));
        return FacturXPdf.embed(layoutOnly, xml, branding.name());
    }

    /** The Factur-X/ZUGFeRD 2.x XML (CII, profile EN 16931) that the PDF carries. */
    public byte[] facturX(InvoiceDocument document) {
        return EInvoiceXml.write(document, EInvoiceXml.Flavour.FACTUR_X);
    }

    /**
     * The XRechnung 3.0 XML (CII syntax); BT-10 is the Leitweg-ID when the document has one, else the order
     * number. Needs the seller's e-mail and phone and the buyer's e-mail (XRechnung's mandatory contacts).
     */
    public byte[] xrechnung(InvoiceDocument document) {
        return EInvoiceXml.write(document, EInvoiceXml.Flavour.XRECHNUNG);
    }
}
