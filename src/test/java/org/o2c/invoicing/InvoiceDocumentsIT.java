package org.o2c.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.o2c.invoicing.rendering.MustangValidation;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What leaves o2c for real: the invoice PDF/A-3 with ZUGFeRD inside and the XRechnung, each passing
 * Mustang's validator; archived once; mailed to the buyer.
 */
class InvoiceDocumentsIT extends IntegrationTest {

    private Api shop() {
        Api shop = newShop("documents");
        Map<String, Object> company = new HashMap<>(Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "vatId", "DE123456789",
                "taxNumber", "30/123/45678", "iban", "DE02120300000000202051", "bic", "BYLADEM1001",
                "email", "buchhaltung@muster-shop.example"));
        company.put("phone", "+49 30 1234567");
        company.put("smallBusiness", false);
        company.put("ossEnabled", true);
        company.put("invoiceTrigger", "SHIPMENT");
        shop.put("/api/v1/settings/company", company).expect(200);
        shop.product("SOCK-1", "12.90", "STANDARD", 100);
        shop.product("TEA-1", "6.50", "REDUCED", 100);
        return shop;
    }

    @Test
    void theInvoiceAndItsCreditNotePassTheValidatorAndAreArchivedOnce() throws Exception {
        Api shop = shop();
        String orderId = shop.post("/api/v1/orders", order("doc-1").email("doc.buyer@example.org").buyerReference("04011000-12345-34").line("SOCK-1", 2)
                .line("TEA-1", 1).build()).expect(201).json().get("id").asString();
        JsonNode inv = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();
        String id = inv.get("id").asString();

        byte[] pdf = bytes(shop, "/api/v1/invoices/" + id + "/pdf", "application/pdf");
        MustangValidation pdfCheck = MustangValidation.of(pdf, "invoice.pdf");
        assertThat(pdfCheck.valid()).as(pdfCheck.summary() + "\n" + pdfCheck.report()).isTrue();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(inv.get("number").asString()).contains("37,19").contains("Muster Shop GmbH");
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            assertThat(names.getEmbeddedFiles().getNames()).containsKey("factur-x.xml");
        }
        byte[] xml = bytes(shop, "/api/v1/invoices/" + id + "/xrechnung", "application/xml");
        MustangValidation xmlCheck = MustangValidation.of(xml, "invoice-xrechnung.xml");
        assertThat(xmlCheck.valid()).as(xmlCheck.summary() + "\n" + xmlCheck.report()).isTrue();
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains(inv.get("number").asString())
                .contains(">04011000-12345-34<");

        // Served from the archive: the same bytes again.
        assertThat(bytes(shop, "/api/v1/invoices/" + id + "/pdf", "application/pdf")).isEqualTo(pdf);

        JsonNode credit = shop.post("/api/v1/invoices/" + id + "/credit-notes", Map.of("reason", "Retoure",
                "lines", List.of(Map.of("sku", "TEA-1", "quantity", 1)))).expect(201).json();
        String creditId = credit.get("id").asString();
        byte[] creditPdf = bytes(shop, "/api/v1/credit-notes/" + creditId + "/pdf", "application/pdf");
        MustangValidation creditCheck = MustangValidation.of(creditPdf, "credit-note.pdf");
        assertThat(creditCheck.valid()).as(creditCheck.summary() + "\n" + creditCheck.report()).isTrue();
        byte[] creditXml = bytes(shop, "/api/v1/credit-notes/" + creditId + "/xrechnung", "application/xml");
        MustangValidation creditXmlCheck = MustangValidation.of(creditXml, "credit-note-xrechnung.xml");
        assertThat(creditXmlCheck.valid()).as(creditXmlCheck.summary() + "\n" + creditXmlCheck.report()).isTrue();
        assertThat(new String(creditXml, java.nio.charset.StandardCharsets.UTF_8)).contains(inv.get("number").asString());
        shop.get("/api/v1/invoices/" + creditId + "/pdf").expectProblem(404);

        JsonNode archive = shop.get("/api/v1/audit/archive/verify").expect(200).json();
        assertThat(archive.get("intact").asBoolean()).isTrue();
        assertThat(archive.get("checked").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(shop.get("/api/v1/audit?subjectType=invoice&subjectId=" + id).json().findValuesAsString("action"))
                .contains("invoice.issued", "document.archived", "credit-note.issued");
    }

    @Test
    void theBuyerGetsTheInvoiceByMailWithThePdfAttached() throws Exception {
        Api shop = shop();
        String email = "mail.buyer@example.org";
        String orderId = shop.post("/api/v1/orders", order("doc-mail").email(email).line("SOCK-1", 1).build())
                .expect(201).json().get("id").asString();
        String number = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json()
                .get("number").asString();

        MimeMessage mail = awaitMail(email);
        assertThat(mail.getSubject()).contains(number);
        List<String> attachments = new ArrayList<>();
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attachments.add(parts.getBodyPart(i).getFileName());
            }
        }
        assertThat(attachments).containsExactly(number + ".pdf");
    }

    private static byte[] bytes(Api shop, String path, String mediaType) throws Exception {
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(shop.builder(path).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET %s: %s", path, new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
        return r.body();
    }

    private static MimeMessage awaitMail(String address) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage m : MAIL.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address);
    }
}
