package org.o2c.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The shop owner trusts every invoice: right VAT, gapless numbers, corrections only by credit note. */
class InvoicingIT extends IntegrationTest {

    private Api shop(String name, boolean smallBusiness, String trigger) {
        Api shop = newShop(name);
        Map<String, Object> company = new HashMap<>(Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "vatId", "DE123456789",
                "taxNumber", "30/123/45678", "iban", "DE02120300000000202051", "bic", "BYLADEM1001"));
        company.put("smallBusiness", smallBusiness);
        company.put("ossEnabled", true);
        company.put("invoiceTrigger", trigger);
        shop.put("/api/v1/settings/company", company).expect(200);
        shop.product("SOCK-1", "12.90", "STANDARD", 500);
        shop.product("TEA-1", "6.50", "REDUCED", 500);
        return shop;
    }

    private String place(Api shop, Map<String, Object> body) {
        return shop.post("/api/v1/orders", body).expect(201).json().get("id").asString();
    }

    @Test
    void aDomesticInvoiceHasTaxPerRateGroupAndAGaplessNumber() {
        Api shop = shop("inv-de", false, "SHIPMENT");
        String orderId = place(shop, order("inv-1").line("SOCK-1", 2).line("TEA-1", 1).build());
        shop.get("/api/v1/orders/" + orderId + "/invoice").expectProblem(404);

        JsonNode inv = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();

        assertThat(inv.get("number").asString()).isEqualTo("RE-" + LocalDate.now().getYear() + "-00001");
        assertThat(inv.get("orderId").asString()).isEqualTo(orderId);
        assertThat(inv.get("status").asString()).isEqualTo("OPEN");
        // Lines are net: 12.90 / 1.19 = 10.8403 a pair of socks; shipping 4.90 split by the goods' net values.
        assertThat(inv.get("lines").findValuesAsString("net")).containsExactly("21.68", "6.07", "1.00", "3.22");
        assertThat(inv.get("lines").get(0).get("unitNet").asString()).isEqualTo("10.8403");
        assertThat(inv.get("taxBreakdown").findValuesAsString("rate")).containsExactly("19.00", "7.00");
        assertThat(inv.get("taxBreakdown").findValuesAsString("net")).containsExactly("24.90", "7.07");
        assertThat(inv.get("taxBreakdown").findValuesAsString("tax")).containsExactly("4.73", "0.49");
        assertThat(inv.at("/totals/net").asString()).isEqualTo("31.97");
        assertThat(inv.at("/totals/tax").asString()).isEqualTo("5.22");
        assertThat(inv.at("/totals/gross").asString()).isEqualTo("37.19");
        assertThat(inv.get("openAmount").asString()).isEqualTo("37.19");
        assertThat(inv.get("paymentReference").asString()).isEqualTo(inv.get("number").asString());
        assertThat(LocalDate.parse(inv.get("dueDate").asString()))
                .isEqualTo(LocalDate.parse(inv.get("issueDate").asString()).plusDays(14));

        JsonNode again = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(200).json();
        assertThat(again.get("id").asString()).isEqualTo(inv.get("id").asString());
        assertThat(shop.get("/api/v1/orders/" + orderId + "/invoice").expect(200).json().get("number").asString())
                .isEqualTo(inv.get("number").asString());
        String second = place(shop, order("inv-2").email("other@example.org").line("TEA-1", 3).build());
        assertThat(shop.post("/api/v1/orders/" + second + "/invoice", Map.of()).expect(201).json().get("number").asString())
                .isEqualTo("RE-" + LocalDate.now().getYear() + "-00002");
    }

    @Test
    void creditNotesReduceTheInvoiceAndNeverCreditMoreThanWasInvoiced() {
        Api shop = shop("inv-credit", false, "SHIPMENT");
        String orderId = place(shop, order("cr-1").line("SOCK-1", 2).line("TEA-1", 1).build());
        JsonNode inv = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();
        String invoiceId = inv.get("id").asString();

        JsonNode credit = shop.post("/api/v1/invoices/" + invoiceId + "/credit-notes", Map.of("reason", "Retoure",
                "lines", List.of(Map.of("sku", "SOCK-1", "quantity", 1)))).expect(201).json();

        assertThat(credit.get("number").asString()).startsWith("GS-");
        assertThat(credit.get("invoiceId").asString()).isEqualTo(invoiceId);
        assertThat(credit.get("invoiceNumber").asString()).isEqualTo(inv.get("number").asString());
        assertThat(credit.get("lines").findValuesAsString("net")).containsExactly("10.84");
        assertThat(credit.at("/totals/gross").asString()).isEqualTo("12.90");
        JsonNode after = shop.get("/api/v1/invoices/" + invoiceId).expect(200).json();
        assertThat(after.get("openAmount").asString()).isEqualTo("24.29");
        assertThat(after.get("status").asString()).isEqualTo("OPEN");

        shop.post("/api/v1/invoices/" + invoiceId + "/credit-notes", Map.of("reason", "too much",
                "lines", List.of(Map.of("sku", "SOCK-1", "quantity", 2)))).expectProblem(409);
        shop.post("/api/v1/invoices/" + invoiceId + "/credit-notes", Map.of("reason", "unknown",
                "lines", List.of(Map.of("sku", "NOPE", "quantity", 1)))).expectProblem(422);
        shop.post("/api/v1/invoices/" + invoiceId + "/credit-notes", Map.of("lines", List.of())).expectProblem(422);

        JsonNode rest = shop.post("/api/v1/invoices/" + invoiceId + "/credit-notes", Map.of("reason", "Storno"))
                .expect(201).json();
        assertThat(rest.at("/totals/gross").asString()).isEqualTo("24.29");
        JsonNode cancelled = shop.get("/api/v1/invoices/" + invoiceId).expect(200).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("openAmount").asString()).isEqualTo("0.00");
        // The invoice itself is unchanged: the same lines and totals as issued.
        assertThat(cancelled.get("totals")).isEqualTo(inv.get("totals"));
        assertThat(cancelled.get("lines")).isEqualTo(inv.get("lines"));
        shop.post("/api/v1/invoices/" + invoiceId + "/credit-notes", Map.of("reason", "again")).expectProblem(409);
        assertThat(shop.get("/api/v1/invoices?status=CANCELLED").json().findValuesAsString("id")).contains(invoiceId);
        assertThat(shop.get("/api/v1/invoices?status=OPEN").json().findValuesAsString("id")).doesNotContain(invoiceId);
        shop.get("/api/v1/credit-notes/" + rest.get("id").asString()).expect(200);
    }

    @Test
    void aSmallBusinessChargesNoVatAndSaysWhy() {
        Api shop = shop("inv-19", true, "SHIPMENT");
        String orderId = place(shop, order("ku-1").line("SOCK-1", 1).build());
        JsonNode inv = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();

        assertThat(inv.get("taxBreakdown").findValuesAsString("category")).containsOnly("E");
        assertThat(inv.at("/totals/tax").asString()).isEqualTo("0.00");
        assertThat(inv.at("/totals/gross").asString()).isEqualTo("17.80");
        assertThat(inv.get("notes").toString()).contains("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet");
    }

    @Test
    void anEuBusinessWithAVatIdGetsATaxFreeIntraCommunitySupply() {
        Api shop = shop("inv-ic", false, "SHIPMENT");
        Map<String, Object> body = order("ic-1").line("SOCK-1", 10).billing("1234 AB", "Amsterdam", "NL").build();
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) body.get("customer");
        customer.put("company", "Voorbeeld B.V.");
        customer.put("vatId", "NL123456789B01");
        String orderId = place(shop, body);
        JsonNode inv = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();

        assertThat(inv.get("taxBreakdown").findValuesAsString("category")).containsOnly("K");
        assertThat(inv.at("/totals/tax").asString()).isEqualTo("0.00");
        assertThat(inv.get("notes").toString()).contains("6a UStG");
    }

    @Test
    void anExportOutsideTheEuIsZeroRated() {
        Api shop = shop("inv-export", false, "SHIPMENT");
        String orderId = place(shop, order("ch-1").line("SOCK-1", 1).billing("8001", "Zürich", "CH").build());
        JsonNode inv = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();
        assertThat(inv.get("taxBreakdown").findValuesAsString("category")).containsOnly("G");
        assertThat(inv.at("/totals/tax").asString()).isEqualTo("0.00");
    }

    @Test
    void anEuConsumerPaysTheDestinationsVatWithOss() {
        Api shop = shop("inv-oss", false, "SHIPMENT");
        String orderId = place(shop, order("at-1").line("SOCK-1", 1).billing("1010", "Wien", "AT").build());
        JsonNode inv = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();
        assertThat(inv.get("taxBreakdown").findValuesAsString("rate")).containsOnly("20.00");
    }

    @Test
    void numbersStayGaplessWhenManyInvoicesAreIssuedAtOnce() throws Exception {
        Api shop = shop("inv-rush", false, "SHIPMENT");
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orderIds.add(place(shop, order("rush-" + i).email("b" + i + "@example.org").line("TEA-1", 1 + i).build()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (String id : orderIds) {
            answers.add(pool.submit(() -> {
                start.await();
                return shop.post("/api/v1/orders/" + id + "/invoice", Map.of());
            }));
        }
        start.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            numbers.add(f.get().expect(201).json().get("number").asString());
        }
        pool.shutdown();
        String year = Integer.toString(LocalDate.now().getYear());
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            expected.add(String.format("RE-%s-%05d", year, n));
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onTheApprovalTriggerAConfirmedOrderIsInvoicedByItself() throws Exception {
        Api shop = shop("inv-approval", false, "APPROVAL");
        String orderId = place(shop, order("ap-1").line("TEA-1", 2).build());
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        Api.Response r;
        do {
            r = shop.get("/api/v1/orders/" + orderId + "/invoice");
            if (r.status() == 200) {
                break;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/totals/gross").asString()).isEqualTo("17.90");
    }

    @Test
    void aCancelledOrderIsNotInvoiced() {
        Api shop = shop("inv-cancelled", false, "SHIPMENT");
        String orderId = place(shop, order("x-1").line("TEA-1", 1).build());
        shop.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "test")).expect(200);
        shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expectProblem(409);
    }
}
