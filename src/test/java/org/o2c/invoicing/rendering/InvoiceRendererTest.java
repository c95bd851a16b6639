package org.o2c.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.o2c.invoicing.InvoiceDocument;

/**
 * The invoice files of every VAT case a small German shop meets, checked twice: by Mustang's real validator
 * (veraPDF for PDF/A-3, schema and schematron for Factur-X EN 16931 and XRechnung 3.0) and by reading the PDF
 * the way a person does — its text, its QR code, its first page as a picture in {@code target/invoices/}.
 */
class InvoiceRendererTest {

    static final InvoiceRenderer renderer = new InvoiceRenderer();
    static final Branding SONNENSCHEIN = new Branding("Sonnenschein Kaffee", "#B5452A");
    static final Path OUT = Path.of("target", "invoices");

    private static final Map<String, byte[]> pdfs = new ConcurrentHashMap<>();

    @BeforeAll
    static void folder() throws IOException {
        Files.createDirectories(OUT);
    }

    static Stream<Arguments> everyVatCase() {
        return Stream.of(
                Arguments.of("domestic-19-7-shipping", InvoiceFixture.domesticMixed()),
                Arguments.of("small-business-19-ustg", InvoiceFixture.smallBusiness()),
                Arguments.of("intra-community-nl", InvoiceFixture.intraCommunityNl()),
                Arguments.of("export-ch", InvoiceFixture.exportCh()),
                Arguments.of("oss-at-20", InvoiceFixture.ossAt()),
                Arguments.of("credit-note-part", InvoiceFixture.creditNoteForPart()));
    }

    // ---- what the validator says ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVatCase")
    void thePdfIsPdfA3WithValidFacturXInside(String name, InvoiceDocument doc) throws IOException {
        MustangValidation result = MustangValidation.of(pdf(name, doc), name + ".pdf");
        Files.writeString(OUT.resolve(name + ".pdf-validation.xml"), result.report());
        System.out.println("Mustang validator, " + name + ".pdf: " + result.summary());

        assertThat(result.errors()).as(result.report()).isEmpty();
        assertThat(result.warnings()).as(result.report()).isEmpty();
        assertThat(result.pdfStatus()).as("veraPDF, PDF/A-3").isEqualTo("valid");
        assertThat(result.xmlStatus()).as("Factur-X EN 16931").isEqualTo("valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVatCase")
    void theXRechnungIsValid(String name, InvoiceDocument doc) throws IOException {
        byte[] xml = renderer.xrechnung(doc);
        Files.write(OUT.resolve(name + ".xrechnung.xml"), xml);
        MustangValidation result = MustangValidation.of(xml, name + ".xrechnung.xml");
        Files.writeString(OUT.resolve(name + ".xrechnung-validation.xml"), result.report());
        System.out.println("Mustang validator, " + name + ".xrechnung.xml: " + result.summary());

        assertThat(result.report()).contains("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0");
        assertThat(result.errors()).as(result.report()).isEmpty();
        assertThat(result.warnings()).as(result.report()).isEmpty();
        assertThat(result.notices()).as(result.report()).isEmpty();
        assertThat(result.xmlStatus()).isEqualTo("valid");
    }

    @Test
    void theXRechnungRulesReallyRun() {
        // Without the buyer reference (BT-10) an XRechnung breaks BR-DE-15: the validator must say so.
        String xml = new String(renderer.xrechnung(InvoiceFixture.domesticMixed()), StandardCharsets.UTF_8)
                .replaceAll("<ram:BuyerReference>[^<]*</ram:BuyerReference>", "");

        MustangValidation result = MustangValidation.of(xml.getBytes(StandardCharsets.UTF_8), "no-bt-10.xml");

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).anyMatch(e -> e.contains("BR-DE-15"));
    }

    @Test
    void thePdfCarriesExactlyTheFacturXXml() throws IOException {
        InvoiceDocument doc = InvoiceFixture.domesticMixed();
        try (PDDocument pdf = Loader.loadPDF(pdf("domestic-19-7-shipping", doc))) {
            PDEmbeddedFilesNameTreeNode files = new PDDocumentNameDictionary(pdf.getDocumentCatalog()).getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> names = files.getNames() != null ? files.getNames()
                    : files.getKids().get(0).getNames();
            byte[] embedded = names.get("factur-x.xml").getEmbeddedFile().toByteArray();

            assertThat(embedded).isEqualTo(renderer.facturX(doc));
            assertThat(pdf.getDocumentCatalog().getMetadata().exportXMPMetadata().readAllBytes())
                    .asString(StandardCharsets.UTF_8).contains("EN 16931").contains("factur-x.xml");
        }
    }

    // ---- what a person sees ----

    @Test
    void aPersonReadsNumberDatesTotalsAndPaymentTerms() {
        String text = text("domestic-19-7-shipping", InvoiceFixture.domesticMixed());

        assertThat(text).contains("Rechnung", "Rechnungsnummer RE-2026-00042", "Datum 12.03.2026",
                "Liefer-/Leistungsdatum 11.03.2026", "Kundennummer K-10023", "Bestellnummer #10421");
        assertThat(text).contains("Kaffeerösterei Sonnenschein GmbH · Hauptstraße 12 · 10115 Berlin",
                "Max Mustermann", "Lindenallee 7", "80331 München", "Lieferanschrift: Erika Mustermann");
        assertThat(text).contains("USt-IdNr. DE123456789", "Steuernummer 30/123/45678");
        assertThat(text).contains("Espresso Classico", "2 Stk. 18,6916 € 7 % 37,38 €", "Versand (Anteil 19 %)");
        assertThat(text).contains("Summe netto 92,64 €", "USt. 19 % auf 53,15 € 10,10 €", "USt. 7 % auf 39,49 € 2,76 €",
                "Gesamtbetrag 105,50 €");
        assertThat(text).contains("2 % Skonto bei Zahlung bis 22.03.2026, ohne Abzug bis 11.04.2026.",
                "Verwendungszweck RE-2026-00042", "IBAN DE89 3704 0044 0532 0130 00", "BIC COBADEFFXXX",
                "Seite 1 von 1");
    }

    @Test
    void theSmallBusinessInvoiceSaysWhyThereIsNoVat() {
        String text = text("small-business-19-ustg", InvoiceFixture.smallBusiness());

        assertThat(text).contains("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet", "Steuerfrei auf 62,40 € 0,00 €",
                "Gesamtbetrag 62,40 €", "Steuernummer 06/815/08150");
        assertThat(text).doesNotContain("USt-IdNr.", "USt. 19 %");
    }

    @Test
    void theIntraCommunityInvoiceIsInEnglishWithBothVatIds() {
        String text = text("intra-community-nl", InvoiceFixture.intraCommunityNl());

        assertThat(text).contains("Invoice", "Invoice no. RE-2026-00043", "Your VAT ID NL123456789B01",
                "VAT ID DE123456789", "Your reference PO-7781", "Netherlands", "Total €528.31",
                "VAT-exempt intra-Community supply (Art. 138 Directive 2006/112/EC)",
                "§ 4 Nr. 1b i. V. m. § 6a UStG");
    }

    @Test
    void thePaidExportInvoiceShowsNothingDue() {
        String text = text("export-ch", InvoiceFixture.exportCh());

        assertThat(text).contains("Schweiz", "Steuerfreie Ausfuhrlieferung gemäß § 4 Nr. 1a i. V. m. § 6 UStG",
                "Gesamtbetrag 187,29 €", "Bereits bezahlt -187,29 €", "Zahlbetrag 0,00 €", "Bezahlt mit PayPal.");
    }

    @Test
    void theCreditNoteIsARechnungskorrekturOfTheInvoice() {
        String text = text("credit-note-part", InvoiceFixture.creditNoteForPart());

        assertThat(text).contains("Rechnungskorrektur", "zur Rechnung Nr. RE-2026-00042 vom 12.03.2026",
                "Belegnummer GS-2026-00007", "Gutschriftsbetrag 14,99 €", "Rücksendung vom 20.03.2026");
        assertThat(text).doesNotContain("Verwendungszweck", "GiroCode");
    }

    @Test
    void theGiroCodeAsksForTheAmountDueWithTheInvoiceNumber() {
        String payload = qrCode("domestic-19-7-shipping", InvoiceFixture.domesticMixed());

        assertThat(payload).isEqualTo(String.join("\n", "BCD", "002", "1", "SCT", "COBADEFFXXX",
                "Kaffeerösterei Sonnenschein GmbH", "DE89370400440532013000", "EUR105.50", "", "",
                "RE-2026-00042"));
    }

    @Test
    void anRfCreditorReferenceGoesIntoTheStructuredLine() {
        String payload = qrCode("oss-at-20", InvoiceFixture.ossAt());

        assertThat(payload.split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "COBADEFFXXX",
                "Kaffeerösterei Sonnenschein GmbH", "DE89370400440532013000", "EUR119.35", "", "RF18539007547034");
    }

    @Test
    void noGiroCodeWhenNothingIsToBeTransferred() {
        assertThatThrownBy(() -> qrCode("export-ch", InvoiceFixture.exportCh())).hasCauseInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qrCode("credit-note-part", InvoiceFixture.creditNoteForPart()))
                .hasCauseInstanceOf(NotFoundException.class);
    }

    // ---- helpers ----

    /** The PDF of a case, rendered once; its first page is also written as PNG for a person to look at. */
    static byte[] pdf(String name, InvoiceDocument doc) {
        return pdfs.computeIfAbsent(name, n -> {
            byte[] pdf = renderer.pdf(doc, SONNENSCHEIN);
            try {
                Files.write(OUT.resolve(n + ".pdf"), pdf);
                ImageIO.write(page(pdf, 110), "png", OUT.resolve(n + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return pdf;
        });
    }

    static String text(String name, InvoiceDocument doc) {
        try (PDDocument pdf = Loader.loadPDF(pdf(name, doc))) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the QR code off the rendered first page, as a banking app's camera would. */
    static String qrCode(String name, InvoiceDocument doc) {
        BufferedImage image = page(pdf(name, doc), 200);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
        } catch (Exception e) {
            throw new IllegalStateException("no QR code on " + name, e);
        }
    }

    static BufferedImage page(byte[] pdf, int dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
