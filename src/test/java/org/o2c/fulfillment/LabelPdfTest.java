package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.o2c.orders.Order;
import org.o2c.shared.OrderId;

class LabelPdfTest {

    @Test
    void theTrackingBarcodeReadsBackAsTheTrackingNumber() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(LabelPdf.code128Png("00340434161094042557")));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new Code128Reader().decode(bitmap).getText()).isEqualTo("00340434161094042557");
    }

    @Test
    void theLabelNamesSenderRecipientCarrierAndTrackingNumber() throws Exception {
        Shipment s = new Shipment("s-1", OrderId.parse("00000000-0000-0000-0000-000000000001"), "100042", "DHL",
                "00340434161094042557", 850, "S", TrackingStatus.LABEL_CREATED, LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 11, 30), new Shipment.Recipient("anna@example.org", "Anna Beispiel", "de"),
                new Order.PostalAddress("Anna Beispiel", null, "Lindenweg 5", null, "80331", "München", "DE"),
                DeliveryPreference.NEIGHBOUR, "Herr Huber", Instant.parse("2026-11-26T10:00:00Z"), List.of());
        byte[] pdf = LabelPdf.label(new LabelPdf.Sender("Muster Shop GmbH", "Hauptstr. 1", "10115", "Berlin", "DE"), s);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Muster Shop GmbH").contains("Anna Beispiel").contains("80331 München")
                    .contains("DHL").contains("00340434161094042557").contains("Herr Huber");
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void aParcelOverTenOrTwentyKilosShowsItsWeightClassALightOneNone() throws Exception {
        assertThat(labelText(12_500)).contains("> 10 kg").doesNotContain("> 20 kg");
        assertThat(labelText(20_001)).contains("> 20 kg");
        assertThat(labelText(10_000)).doesNotContain("> 10 kg").doesNotContain("> 20 kg");
    }

    private static String labelText(int grams) throws Exception {
        Shipment s = new Shipment("s-2", OrderId.parse("00000000-0000-0000-0000-000000000002"), "100043", "DHL",
                "00340434161094042558", grams, null, TrackingStatus.LABEL_CREATED, LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 11, 30), new Shipment.Recipient("anna@example.org", "Anna Beispiel", "de"),
                new Order.PostalAddress("Anna Beispiel", null, "Lindenweg 5", null, "80331", "München", "DE"),
                DeliveryPreference.NONE, null, Instant.parse("2026-11-26T10:00:00Z"), List.of());
        byte[] pdf = LabelPdf.label(new LabelPdf.Sender("Muster Shop GmbH", "Hauptstr. 1", "10115", "Berlin", "DE"), s);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
