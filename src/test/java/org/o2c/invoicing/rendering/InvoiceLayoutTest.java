package org.o2c.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.o2c.invoicing.InvoiceDocument;

/**
 * What the page layout does with more than the usual: many lines over several pages, and texts too long for
 * their place. Every page is also written as PNG to {@code target/invoices/} for a person to look at.
 */
class InvoiceLayoutTest {

    private static final InvoiceRenderer renderer = new InvoiceRenderer();
    /** Points per millimetre. */
    private static final float MM = 72f / 25.4f;

    @Test
    void sixtyLinesRunOverPagesWithHeadingsPageNumbersAndTheTotalsAfterTheLastLine() throws IOException {
        InvoiceDocument doc = InvoiceFixture.manyLines(60);
        byte[] pdf = pdf("many-lines", doc);

        List<String> pages = pages(pdf);
        assertThat(pages.size()).isGreaterThan(1);
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(page).contains("Seite " + (i + 1) + " von " + pages.size());
            if (i > 0) {
                assertThat(page).as("running header on page %d", i + 1).startsWith("Rechnung RE-2026-00099");
            }
            if (page.contains("ART-")) {
                assertThat(page).as("headings on page %d", i + 1)
                        .contains("Pos. Art.-Nr. Bezeichnung Menge Einzelpreis netto USt. Betrag netto");
            }
        }
        String all = String.join(" ", pages);
        for (int line = 1; line <= 60; line++) {
            assertThat(count(all, "ART-" + (1000 + line) + " Artikel " + line)).as("line %d", line).isEqualTo(1);
        }
        String totalsPage = pages.stream().filter(p -> p.contains("Gesamtbetrag")).findFirst().orElseThrow();
        assertThat(totalsPage).as("the totals follow the last line on its page")
                .contains("VERSAND Versand (Anteil 7 %)", "VERSAND Versand (Anteil 19 %)", "Summe netto");
        assertThat(totalsPage.indexOf("Versand (Anteil 19 %)")).isLessThan(totalsPage.indexOf("Summe netto"));

        MustangValidation check = MustangValidation.of(pdf, "many-lines.pdf");
        assertThat(check.errors()).as(check.report()).isEmpty();
        assertThat(check.pdfStatus()).as("veraPDF, PDF/A-3").isEqualTo("valid");
    }

    @Test
    void whereverThePageBreaksTheTotalsNeverStandWithoutTheLastLine() throws IOException {
        for (int count = 10; count <= 50; count++) {
            InvoiceDocument doc = InvoiceFixture.manyLines(count);
            InvoiceDocument.Line last = doc.lines().get(doc.lines().size() - 1);
            List<String> pages = pages(renderer.pdf(doc, InvoiceRendererTest.SONNENSCHEIN));
            String totalsPage = pages.stream().filter(p -> p.contains("Summe netto")).findFirst().orElseThrow();
            assertThat(totalsPage).as("%d lines on %d pages", count, pages.size())
                    .contains("Pos. Art.-Nr. Bezeichnung", last.lineNo() + " VERSAND " + last.description());
            assertThat(String.join(" ", pages)).contains("Seite " + pages.size() + " von " + pages.size());
        }
    }

    @Test
    void longNamesAndDescriptionsWrapAndStayInsideThePrintArea() throws IOException {
        byte[] pdf = pdf("long-texts", InvoiceFixture.longTexts());

        List<TextPosition> glyphs = glyphs(pdf);
        assertThat(glyphs).isNotEmpty();
        for (TextPosition glyph : glyphs) {
            String what = "'" + glyph.getUnicode() + "' at " + glyph.getXDirAdj() + "/" + glyph.getYDirAdj();
            assertThat(glyph.getXDirAdj()).as(what).isGreaterThanOrEqualTo(20 * MM - 0.5f);
            assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).as(what).isLessThanOrEqualTo(195 * MM + 0.5f);
            assertThat(glyph.getYDirAdj()).as(what).isBetween(5 * MM, 292 * MM);
        }
        String text = pages(pdf).stream().reduce("", String::concat);
        assertThat(text).contains(
                "Internationale Kaffeehandels- und Röstereibedarfsgesellschaft Süddeutschland mbH & Co. KG",
                "Oberer Schlossbergweg am Alten Wasserturm 127a, Hinterhaus, 3. Etage rechts",
                "Dampflanze mit Cool-Touch-Griff, Tassenwärmer und ausführlicher deutscher Bedienungsanleitung",
                "1 Stk. 1.899,00 € 19 %", "Gesamtbetrag");
        String compact = text.replaceAll("\\s+", "");
        assertThat(compact).contains("ESPRESSOMASCHINE-DUALBOILER-EDELSTAHL-2026",
                "https://sonnenschein-kaffee.example/anleitungen/espressomaschine-dualboiler-pid-rotationspumpe"
                        + "-festwasser-2026.pdf",
                "Bestellungüber");

        MustangValidation check = MustangValidation.of(pdf, "long-texts.pdf");
        assertThat(check.errors()).as(check.report()).isEmpty();
        assertThat(check.pdfStatus()).as("veraPDF, PDF/A-3").isEqualTo("valid");
    }

    @Test
    void aLogoWithTransparencyTakesThePlaceOfTheShopName() throws IOException {
        BufferedImage logo = new BufferedImage(400, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(new Color(0xB5, 0x45, 0x2A, 200));
        g.fillOval(0, 0, 100, 100);
        g.fillRect(120, 30, 280, 40);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        Branding branding = new Branding("Sonnenschein Kaffee", "#B5452A", png.toByteArray());

        byte[] pdf = renderer.pdf(InvoiceFixture.domesticMixed(), branding);
        Files.createDirectories(InvoiceRendererTest.OUT);
        Files.write(InvoiceRendererTest.OUT.resolve("with-logo.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).singleElement().satisfies(image -> {
                assertThat(image.getWidth()).isEqualTo(400);
                assertThat(image.getCOSObject().getDictionaryObject(COSName.SMASK)).as("alpha kept").isNotNull();
            });
        }
        assertThat(pages(pdf).get(0)).doesNotContain("Sonnenschein Kaffee Kaffeerösterei");
        MustangValidation check = MustangValidation.of(pdf, "with-logo.pdf");
        assertThat(check.errors()).as(check.report()).isEmpty();
        assertThat(check.pdfStatus()).as("veraPDF, PDF/A-3").isEqualTo("valid");
    }

    @Test
    void invoicesRenderedAtTheSameTimeLookAsIfRenderedAlone() throws Exception {
        List<InvoiceDocument> docs = List.of(InvoiceFixture.domesticMixed(), InvoiceFixture.intraCommunityNl(),
                InvoiceFixture.longTexts(), InvoiceFixture.manyLines(30));
        List<String> alone = new ArrayList<>();
        for (InvoiceDocument doc : docs) {
            alone.add(String.join("|", pages(renderer.pdf(doc, InvoiceRendererTest.SONNENSCHEIN))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (InvoiceDocument doc : docs) {
                    together.add(pool.submit(() -> String.join("|",
                            pages(renderer.pdf(doc, InvoiceRendererTest.SONNENSCHEIN)))));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % docs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailingTheInvoice() {
        FontFace font = PdfLayout.REGULAR;

        assertThat(font.printable("Kaffee \u2615 für 東京\nZeile\tzwei")).isEqualTo("Kaffee ? für ?? Zeile zwei");
        assertThat(font.printable("Emoji \uD83D\uDE00!")).isEqualTo("Emoji ?!");
        assertThat(font.printable("Grüße, § 19\u00a0UStG")).isEqualTo("Grüße, § 19\u00a0UStG");
    }

    // ---- helpers ----

    private static byte[] pdf(String name, InvoiceDocument doc) throws IOException {
        byte[] pdf = renderer.pdf(doc, InvoiceRendererTest.SONNENSCHEIN);
        Path out = InvoiceRendererTest.OUT;
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer pages = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                ImageIO.write(pages.renderImageWithDPI(i, 80), "png", out.resolve(name + "-" + (i + 1) + ".png").toFile());
            }
        }
        return pdf;
    }

    /** The text of each page, white space made single spaces. */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip());
            }
            return pages;
        }
    }

    private static List<TextPosition> glyphs(byte[] pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(text);
                }
            };
            stripper.getText(document);
        }
        return glyphs;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
