package org.o2c.fulfillment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.o2c.orders.Order;

/**
 * The built-in generic shipping label (A6) with the tracking number as a Code 128 barcode, and the
 * packing slip (A4) that goes into the parcel. Plain PDF: labels are printed, not archived.
 */
final class LabelPdf {
    private static final String FONT = "Liberation Sans";
    private static final byte[] REGULAR = resource("invoicing/fonts/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = resource("invoicing/fonts/LiberationSans-Bold.ttf");

    /** The sender as printed top left. */
    record Sender(String name, String street, String postalCode, String city, String country) {}

    static {
        // openhtmltopdf reports every layout step at INFO; a label is too small to need that.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private LabelPdf() {}

    static byte[] label(Sender from, Shipment s) {
        Order.PostalAddress to = s.shipTo();
        String html = """
                <html><head><style>
                @page { size: 105mm 148mm; margin: 6mm; }
                body { font-family: '%1$s'; font-size: 9pt; }
                .from { font-size: 7pt; border-bottom: 0.3mm solid #000; padding-bottom: 2mm; }
                .to { font-size: 12pt; margin: 6mm 0 6mm 4mm; line-height: 1.3; }
                .to b { font-size: 13pt; }
                .carrier { font-size: 16pt; font-weight: bold; border-top: 0.6mm solid #000; padding-top: 2mm; }
                .code { text-align: center; margin-top: 3mm; }
                .code img { width: 90mm; height: 22mm; }
                .number { text-align: center; font-size: 11pt; letter-spacing: 0.5mm; }
                .meta { margin-top: 3mm; font-size: 8pt; }
                .weight-class { float: right; font-size: 20pt; font-weight: bold; border: 0.8mm solid #000;
                    padding: 0.5mm 2mm; margin-top: -1mm; }
                </style></head><body>
                <div class="from">%2$s</div>
                <div class="to">%3$s</div>
                <div class="carrier">%8$s%4$s</div>
                <div class="code"><img src="data:image/png;base64,%5$s" /></div>
                <div class="number">%6$s</div>
                <div class="meta">%7$s</div>
                </body></html>"""
                .formatted(FONT,
                        esc(from.name()) + " · " + esc(from.street()) + " · " + esc(from.postalCode()) + " " + esc(from.city()),
                        "<b>" + esc(to.name()) + "</b><br/>" + (to.company() == null ? "" : esc(to.company()) + "<br/>")
                                + esc(to.street()) + "<br/>" + (to.street2() == null ? "" : esc(to.street2()) + "<br/>")
                                + esc(to.postalCode()) + " " + esc(to.city()) + "<br/>" + esc(to.country()),
                        esc(s.carrier()), Base64.getEncoder().encodeToString(code128Png(s.trackingNumber())),
                        esc(s.trackingNumber()),
                        "Order " + esc(s.orderNumber()) + (s.weightGrams() == null ? "" : " · " + s.weightGrams() + " g")
                                + (s.preference() == DeliveryPreference.NONE ? ""
                                        : " · " + esc(s.preference().name()) + ": " + esc(s.preferenceDetail())),
                        weightClass(s.weightGrams()));
        return render(html);
    }

    /** The weight class in a heavy box next to the carrier, so the sorter sees it at a glance. */
    private static String weightClass(Integer grams) {
        WeightClass c = WeightClass.of(grams);
        return c == WeightClass.NONE ? "" : "<span class=\"weight-class\">" + esc(c.marking()) + "</span>";
    }

    static byte[] packingSlip(Sender from, Order order, Map<String, String> locations) {
        StringBuilder rows = new StringBuilder();
        for (Order.Line l : order.lines()) {
            rows.append("<tr><td>").append(l.quantity()).append("</td><td>").append(esc(l.sku())).append("</td><td>")
                    .append(esc(l.name())).append("</td><td>").append(esc(locations.getOrDefault(l.sku(), "")))
                    .append("</td><td class=\"box\"></td></tr>");
        }
        Order.PostalAddress to = order.shippingAddress() != null ? order.shippingAddress() : order.billingAddress();
        String html = """
                <html><head><style>
                @page { size: A4; margin: 18mm; }
                body { font-family: '%1$s'; font-size: 10pt; }
                h1 { font-size: 16pt; }
                table { width: 100%%; border-collapse: collapse; margin-top: 6mm; }
                th, td { text-align: left; border-bottom: 0.2mm solid #999; padding: 1.5mm; }
                td.box { width: 8mm; border: 0.3mm solid #000; }
                </style></head><body>
                <div>%2$s</div>
                <h1>Lieferschein / Packing slip %3$s</h1>
                <div>%4$s</div>
                <table><tr><th>Menge / Qty</th><th>SKU</th><th>Artikel / Item</th><th>Lagerplatz / Bin</th><th>✓</th></tr>%5$s</table>
                </body></html>"""
                .formatted(FONT, esc(from.name()) + ", " + esc(from.street()) + ", " + esc(from.postalCode()) + " "
                                + esc(from.city()), esc(order.number()),
                        esc(to.name()) + "<br/>" + esc(to.street()) + "<br/>" + esc(to.postalCode()) + " " + esc(to.city())
                                + ", " + esc(to.country()),
                        rows);
        return render(html);
    }

    /** Code 128 bars, two pixels a module, with the quiet zone the standard asks for. */
    static byte[] code128Png(String text) {
        BitMatrix bars = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 80, Map.of(EncodeHintType.MARGIN, 10));
        int scale = 2;
        BufferedImage image = new BufferedImage(bars.getWidth() * scale, bars.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < bars.getWidth(); x++) {
            for (int y = 0; y < bars.getHeight(); y++) {
                int rgb = bars.get(x, y) ? 0x000000 : 0xFFFFFF;
                for (int dx = 0; dx < scale; dx++) {
                    image.setRGB(x * scale + dx, y, rgb);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, FontStyle.NORMAL, true);
        builder.withProducer("o2c");
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out a label", e);
        }
        return out.toByteArray();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] resource(String name) {
        try (InputStream in = LabelPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
