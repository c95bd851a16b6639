/**
 * Turns an issued {@link org.o2c.invoicing.InvoiceDocument} into what leaves the shop: the PDF/A-3 with
 * the Factur-X/ZUGFeRD XML (profile EN 16931) inside, and the XRechnung 3.0 XML (CII syntax).
 * {@link org.o2c.invoicing.rendering.InvoiceRenderer} is the entry point; the rest is package-private.
 * Mustang writes the XML and embeds it; {@link org.o2c.invoicing.rendering.InvoiceSheet} draws the page with
 * PDFBox; ZXing computes the EPC QR code (“GiroCode”), drawn as vector squares.
 */
package org.o2c.invoicing.rendering;
