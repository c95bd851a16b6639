package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class BankStatementsIT extends IntegrationTest {

    static byte[] resource(String name) throws Exception {
        try (InputStream in = BankStatementsIT.class.getResourceAsStream("/bank/" + name)) {
            return in.readAllBytes();
        }
    }

    static Api.Response upload(Api shop, String contentType, byte[] body) {
        return shop.raw("POST", "/api/v1/bank-statements", contentType, body, Map.of());
    }

    static int statements(Api shop) {
        return shop.get("/api/v1/bank-statements").expect(200).json().size();
    }

    @Test
    void aCamtStatementIsBookedOnceAndAnOverlappingReportAddsOnlyItsNewLine() throws Exception {
        Api shop = newShop("Camt shop");
        JsonNode first = upload(shop, "application/xml", resource("o2c__camt053.v8.dk-shop.xml")).expect(201).json();
        assertThat(first.get("format").asString()).isEqualTo("CAMT_053");
        assertThat(first.get("transactions").asInt()).isEqualTo(5);
        assertThat(first.get("matched").asInt() + first.get("suggested").asInt() + first.get("unmatched").asInt())
                .isEqualTo(5);

        JsonNode again = upload(shop, "application/xml", resource("o2c__camt053.v8.dk-shop.xml")).expect(200).json();
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());

        JsonNode overlap = upload(shop, "application/xml", resource("o2c__camt052.v8.overlap.xml")).expect(201).json();
        assertThat(overlap.get("format").asString()).isEqualTo("CAMT_052");
        assertThat(overlap.get("transactions").asInt()).isEqualTo(1);
        assertThat(overlap.get("duplicates").asInt()).isEqualTo(1);

        JsonNode lines = shop.get("/api/v1/bank-statements/" + first.get("id").asLong() + "/transactions")
                .expect(200).json();
        assertThat(lines.size()).isEqualTo(5);
        JsonNode payment = lines.get(0);
        assertThat(payment.get("bookingDate").asString()).isEqualTo("2026-11-26");
        assertThat(payment.get("amount").asString()).isEqualTo("119.00");
        assertThat(payment.get("currency").asString()).isEqualTo("EUR");
        assertThat(payment.get("creditDebit").asString()).isEqualTo("CRDT");
        assertThat(payment.get("counterpartyName").asString()).isEqualTo("Erika Mustermann");
        assertThat(payment.get("counterpartyIban").asString()).isEqualTo("DE89370400440532013000");
        assertThat(payment.get("remittanceInfo").asString()).contains("RE-2026-0042").contains("RF18539007547034");
        assertThat(payment.get("status").asString()).isEqualTo("UNMATCHED");
        assertThat(payment.get("allocations").isArray()).isTrue();
        assertThat(lines.get(3).get("returnReason").asString()).isEqualTo("MD06");
        assertThat(lines.get(3).get("kind").asString()).isEqualTo("CHARGEBACK");

        // another shop may import the same file: statements belong to a shop
        upload(newShop("Other shop"), "application/xml", resource("o2c__camt053.v8.dk-shop.xml")).expect(201);
        shop.get("/api/v1/bank-statements/999999999/transactions").expectProblem(404);
    }

    @Test
    void aZipOfCamtFilesAsGermanBanksDeliverThem() throws Exception {
        Api shop = newShop("Zip shop");
        byte[] zip = zip(Map.of("a/statement-1.xml", resource("o2c__camt053.v8.dk-shop.xml"),
                "a/statement-2.xml", resource("genkgo__camt053.v8.xml")));
        JsonNode r = upload(shop, "application/zip", zip).expect(201).json();
        assertThat(r.get("transactions").asInt()).isEqualTo(6);
    }

    @Test
    void unreadableFilesAreRefusedWith422AndNothingIsKept() throws Exception {
        Api shop = newShop("Refusing shop");
        Api.Response wrong = upload(shop, "application/xml", resource("genkgo__camt053.v2.wrong.xml")).expectProblem(422);
        assertThat(wrong.json().get("detail").asString()).contains("no statement");
        assertThat(wrong.json().get("errors").size()).isEqualTo(1);

        byte[] full = resource("o2c__camt053.v8.dk-shop.xml");
        byte[] truncated = java.util.Arrays.copyOf(full, full.length * 2 / 3);
        assertThat(upload(shop, "application/xml", truncated).expectProblem(422).json().get("detail").asString())
                .contains("line");

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>";
        assertThat(upload(shop, "application/xml", xxe.getBytes(StandardCharsets.UTF_8)).expectProblem(422).body())
                .doesNotContain("root:");

        byte[] nested = zip(Map.of("inner.zip", zip(Map.of("s.xml", full))));
        assertThat(upload(shop, "application/zip", nested).expectProblem(422).json().get("detail").asString())
                .contains("ZIP inside the ZIP");

        assertThat(upload(shop, "application/zip", bomb()).expectProblem(422).json().get("detail").asString())
                .contains("ZIP bomb");

        // a valid first entry followed by a broken one: the whole file is refused, the first entry not kept
        byte[] half = zip(Map.of("1-good.xml", full, "2-bad.xml", resource("genkgo__camt053.v2.wrong.xml")));
        upload(shop, "application/zip", half).expectProblem(422);

        upload(shop, "text/plain", "hello, this is not a statement".getBytes(StandardCharsets.UTF_8)).expectProblem(422);
        upload(shop, "text/plain; charset=UTF-8", new byte[] {(byte) 0xC3, 0x28, ':', '2', '0', ':'}).expectProblem(422);
        upload(shop, "text/csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8)).expectProblem(422);

        assertThat(statements(shop)).isZero();
        // the good statement inside the refused ZIP was not booked: it books now as new
        assertThat(upload(shop, "application/xml", full).expect(201).json().get("transactions").asInt()).isEqualTo(5);
    }

    @Test
    void mt940InTheEncodingTheBankUsed() {
        Api shop = newShop("MT940 shop");
        for (String encoding : new String[] {"ISO-8859-1", "IBM850", "UTF-8"}) {
            String text = Mt940ReaderTest.GERMAN.replace("STARTUMSE", "S-" + encoding);
            byte[] bytes = text.getBytes(Charset.forName(encoding));
            JsonNode r = upload(newShop("MT940 " + encoding), "text/plain", bytes).expect(201).json();
            assertThat(r.get("format").asString()).isEqualTo("MT940");
        }
        byte[] latin1 = Mt940ReaderTest.GERMAN.getBytes(StandardCharsets.ISO_8859_1);
        JsonNode r = upload(shop, "text/plain; charset=ISO-8859-1", latin1).expect(201).json();
        JsonNode lines = shop.get("/api/v1/bank-statements/" + r.get("id").asLong() + "/transactions").expect(200).json();
        assertThat(lines.get(0).get("counterpartyName").asString()).isEqualTo("Bärbel Weiß-Öztürk");
        assertThat(lines.get(0).get("endToEndId").asString()).isEqualTo("E2E-4711");
    }

    @Test
    void payPalReportsAndBankCsvWithASavedMapping() throws Exception {
        Api shop = newShop("CSV shop");
        JsonNode pp = upload(shop, "text/csv", resource("paypal_activity_de__beancount-paypal.csv")).expect(201).json();
        assertThat(pp.get("format").asString()).isEqualTo("PAYPAL");
        JsonNode ppLines = shop.get("/api/v1/bank-statements/" + pp.get("id").asLong() + "/transactions").json();
        assertThat(ppLines.get(0).get("amount").asString()).isEqualTo("25.00");
        assertThat(ppLines.get(0).get("kind").asString()).isEqualTo("PAYMENT");
        assertThat(ppLines.get(1).get("kind").asString()).isEqualTo("FEE");
        assertThat(ppLines.get(1).get("amount").asString()).isEqualTo("1.50");

        String csv = """
                Buchungstag;Valutadatum;Name Zahlungsbeteiligter;IBAN Zahlungsbeteiligter;Verwendungszweck;Betrag;Waehrung
                26.11.2026;26.11.2026;Hans Müller;DE75512108001245126199;"Rechnung RE-2026-0042; danke";1.234,56;EUR
                27.11.26;27.11.26;Stadtwerke;DE27100777770209299700;Abschlag;-45,00;EUR
                """;
        upload(shop, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).expectProblem(422);

        shop.put("/api/v1/bank-statements/csv-mapping", Map.of("columns", Map.of("bookingDate", "Buchungstag",
                "nonsense", "X"))).expectProblem(422);
        shop.put("/api/v1/bank-statements/csv-mapping", Map.of("decimalComma", true, "columns",
                Map.of("bookingDate", "Buchungstag", "valueDate", "Valutadatum", "amount", "Betrag", "currency", "Waehrung",
                        "counterpartyName", "Name Zahlungsbeteiligter", "counterpartyIban", "IBAN Zahlungsbeteiligter",
                        "remittanceInfo", "Verwendungszweck"))).expect(200);
        assertThat(shop.get("/api/v1/bank-statements/csv-mapping").expect(200).json().get("columns").get("amount")
                .asString()).isEqualTo("Betrag");

        JsonNode r = upload(shop, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertThat(r.get("format").asString()).isEqualTo("CSV");
        JsonNode lines = shop.get("/api/v1/bank-statements/" + r.get("id").asLong() + "/transactions").json();
        assertThat(lines.get(0).get("amount").asString()).isEqualTo("1234.56");
        assertThat(lines.get(0).get("creditDebit").asString()).isEqualTo("CRDT");
        assertThat(lines.get(0).get("remittanceInfo").asString()).isEqualTo("Rechnung RE-2026-0042; danke");
        assertThat(lines.get(1).get("creditDebit").asString()).isEqualTo("DBIT");
        assertThat(lines.get(1).get("bookingDate").asString()).isEqualTo("2026-11-27");
    }

    @Test
    void statementsLargerThanTheGeneralBodyLimitAreAccepted() throws Exception {
        Api shop = newShop("Large shop");
        byte[] big = CamtGenerator.statement(4000, 7).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(1 << 21);
        JsonNode r = upload(shop, "application/xml", big).expect(201).json();
        assertThat(r.get("transactions").asInt()).isEqualTo(4000);
        shop.raw("POST", "/api/v1/orders", "application/json", big, Map.of()).expect(413);
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An entry that expands from kilobytes to 50 MB. */
    static byte[] bomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("statement.xml"));
            z.write("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                z.write(spaces);
            }
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
