package org.o2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The whole way from the click to the cash, as a shop lives it: an order comes in, the parcel leaves and
 * the invoice follows (trigger SHIPMENT), the customer pays by bank transfer writing the invoice number
 * a little carelessly, the morning's camt.053 arrives, and the invoice is paid without anyone clicking.
 * A stranger's transfer of the same amount in the same file is not taken for it.
 */
class OrderToCashIT extends IntegrationTest {

    private static final String PAYER_IBAN = "DE89370400440532013000";

    @Test
    void anOrderIsShippedInvoicedPaidByTransferAndMatchedFromTheBankStatement() {
        Api shop = newShop("Order to cash");
        Map<String, Object> company = new HashMap<>(Map.of("name", "Kleiner Laden GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "vatId", "DE123456789",
                "taxNumber", "30/123/45678", "iban", "DE02120300000000202051", "bic", "BYLADEM1001"));
        company.put("invoiceTrigger", "SHIPMENT");
        shop.put("/api/v1/settings/company", company).expect(200);
        shop.product("MUG-1", "14.90", "STANDARD", 20);

        String orderId = shop.post("/api/v1/orders", order("o2c-1").email("erika@example.org")
                .name("Erika Mustermann").line("MUG-1", 3).build()).expect(201).json().get("id").asString();
        shop.post("/api/v1/orders/" + orderId + "/shipments",
                Map.of("carrier", "DHL", "trackingNumber", "00340434161094042557", "weightGrams", 1250)).expect(201);

        JsonNode invoice = await(() -> shop.get("/api/v1/orders/" + orderId + "/invoice"), r -> r.status() == 200);
        String number = invoice.get("number").asString();
        String gross = invoice.at("/totals/gross").asString();
        assertThat(gross).isEqualTo("49.60");   // 3 × 14.90 and 4.90 shipping
        assertThat(invoice.get("status").asString()).isEqualTo("OPEN");
        await(() -> shop.get("/api/v1/receivables/open-items/" + number), r -> r.status() == 200);

        // The customer types the number with spaces and lower case; an unknown payer sends the same amount.
        String careless = number.toLowerCase().replace("-", " ");
        byte[] camt = camt053(
                entry("20261127001", gross, "Erika Mustermann", PAYER_IBAN, "Rechnung " + careless + " danke"),
                entry("20261127002", gross, "Jemand Anderes", "DE75512108001245126199", "Geschenk"));
        JsonNode imported = shop.raw("POST", "/api/v1/bank-statements", "application/xml", camt, Map.of())
                .expect(201).json();

        assertThat(imported.get("format").asString()).isEqualTo("CAMT_053");
        assertThat(imported.get("transactions").asInt()).isEqualTo(2);
        assertThat(imported.get("matched").asInt()).isEqualTo(1);
        assertThat(imported.get("matched").asInt() + imported.get("suggested").asInt()
                + imported.get("unmatched").asInt()).isEqualTo(2);

        JsonNode lines = shop.get("/api/v1/bank-statements/" + imported.get("id").asString() + "/transactions")
                .expect(200).json();
        JsonNode paid = find(lines, "Erika Mustermann");
        assertThat(paid.get("status").asString()).isEqualTo("MATCHED");
        assertThat(paid.get("counterpartyIban").asString()).isEqualTo(PAYER_IBAN);
        assertThat(paid.get("allocations").get(0).get("invoiceNumber").asString()).isEqualTo(number);
        assertThat(paid.get("allocations").get(0).get("amount").asString()).isEqualTo(gross);
        JsonNode stranger = find(lines, "Jemand Anderes");
        assertThat(stranger.get("status").asString()).isNotEqualTo("MATCHED");
        assertThat(stranger.get("allocations")).isEmpty();

        JsonNode after = shop.get("/api/v1/invoices/" + invoice.get("id").asString()).expect(200).json();
        assertThat(after.get("status").asString()).isEqualTo("PAID");

        // The same file tomorrow again (the bank resends it): nothing is booked twice.
        JsonNode again = shop.raw("POST", "/api/v1/bank-statements", "application/xml", camt, Map.of())
                .expect(200).json();
        assertThat(again.get("id").asString()).isEqualTo(imported.get("id").asString());
        assertThat(shop.get("/api/v1/receivables/open-items/" + number).json().get("openAmount").asString())
                .isEqualTo("0.00");
    }

    private static JsonNode find(JsonNode lines, String counterparty) {
        for (JsonNode line : lines.has("items") ? lines.get("items") : lines) {
            if (counterparty.equals(line.get("counterpartyName").asString())) {
                return line;
            }
        }
        throw new AssertionError("no line from " + counterparty + " in " + lines);
    }

    private static JsonNode await(java.util.function.Supplier<Api.Response> call, Predicate<Api.Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Api.Response r = call.get();
            if (done.test(r)) {
                return r.json();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting: last answer " + r.status() + " " + r.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String entry(String bankReference, String amount, String payer, String iban, String remittance) {
        return """
                <Ntry>
                  <Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>2026-11-27</Dt></BookgDt><ValDt><Dt>2026-11-27</Dt></ValDt>
                  <AcctSvcrRef>%1$s</AcctSvcrRef>
                  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                  <NtryDtls><TxDtls>
                    <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                    <Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                    <RltdPties><Dbtr><Pty><Nm>%3$s</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>%4$s</IBAN></Id></DbtrAcct></RltdPties>
                    <RmtInf><Ustrd>%5$s</Ustrd></RmtInf>
                  </TxDtls></NtryDtls>
                </Ntry>
                """.formatted(bankReference, amount, payer, iban, remittance);
    }

    private static byte[] camt053(String... entries) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>o2c-it-20261127</MsgId><CreDtTm>2026-11-27T06:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>2026-11-27-001</Id><ElctrncSeqNb>232</ElctrncSeqNb><CreDtTm>2026-11-27T06:00:00+01:00</CreDtTm>
                      <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """ + String.join("", entries) + """
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """).getBytes(StandardCharsets.UTF_8);
    }
}
