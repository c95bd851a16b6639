package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The parcel leaves: stock goes, the order is shipped, the invoice follows and the customer is told. */
class ShipmentsIT extends IntegrationTest {

    private Api shop(String name, String trigger) {
        Api shop = newShop(name);
        Map<String, Object> company = new HashMap<>(Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "vatId", "DE123456789",
                "taxNumber", "30/123/45678", "iban", "DE02120300000000202051", "bic", "BYLADEM1001"));
        company.put("smallBusiness", false);
        company.put("ossEnabled", true);
        company.put("invoiceTrigger", trigger);
        shop.put("/api/v1/settings/company", company).expect(200);
        shop.product("SOCK-1", "12.90", "STANDARD", 10);
        return shop;
    }

    private static Map<String, Object> parcel(String trackingNumber) {
        return Map.of("carrier", "DHL", "trackingNumber", trackingNumber, "weightGrams", 850);
    }

    @Test
    void aShippedOrderIssuesItsStockGetsInvoicedOnShipmentAndTheCustomerGetsTheTrackingLink() throws Exception {
        Api shop = shop("ship-main", "SHIPMENT");
        String email = "ship-main@example.org";
        String orderId = shop.post("/api/v1/orders", order("ship-1").email(email).line("SOCK-1", 2).build())
                .expect(201).json().get("id").asString();
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isEqualTo(2);
        shop.get("/api/v1/orders/" + orderId + "/invoice").expectProblem(404);

        JsonNode shipment = shop.post("/api/v1/orders/" + orderId + "/shipments", parcel("00340434161094042557"))
                .expect(201).json();

        assertThat(shipment.get("id").asString()).isNotBlank();
        assertThat(shipment.get("orderId").asString()).isEqualTo(orderId);
        assertThat(shipment.get("carrier").asString()).isEqualTo("DHL");
        assertThat(shipment.get("trackingNumber").asString()).isEqualTo("00340434161094042557");
        assertThat(shipment.get("trackingUrl").asString()).contains("/portal/tracking/" + shipment.get("id").asString())
                .contains("sig=");
        assertThat(shipment.get("status").asString()).isEqualTo("LABEL_CREATED");

        JsonNode stock = shop.stock("SOCK-1");
        assertThat(stock.get("onHand").asInt()).isEqualTo(8);
        assertThat(stock.get("reserved").asInt()).isEqualTo(0);
        assertThat(stock.get("available").asInt()).isEqualTo(8);
        JsonNode movements = shop.get("/api/v1/stock/SOCK-1/movements").expect(200).json();
        assertThat(movements.get(0).get("kind").asString()).isEqualTo("ISSUE");
        assertThat(movements.get(0).get("quantity").asInt()).isEqualTo(-2);

        JsonNode order = shop.get("/api/v1/orders/" + orderId).expect(200).json();
        assertThat(order.get("status").asString()).isEqualTo("SHIPPED");

        JsonNode invoice = awaitInvoice(shop, orderId);
        assertThat(invoice.get("orderId").asString()).isEqualTo(orderId);
        assertThat(invoice.at("/totals/gross").asString()).isEqualTo("30.70");

        MimeMessage mail = ShippingMail.await(email, "ist unterwegs");
        String body = ShippingMail.body(mail);
        assertThat(body).contains("00340434161094042557").contains("DHL");
        String path = ShippingMail.trackingPath(mail);
        assertThat(shipment.get("trackingUrl").asString()).endsWith(path);
        Api browser = new Api(port, json, null, null);
        Api.Response page = browser.get(path).expect(200);
        assertThat(page.body()).contains("00340434161094042557").contains("id=\"timeline\"");

        assertThat(shop.get("/api/v1/audit?subjectType=shipment&subjectId=" + shipment.get("id").asString())
                .expect(200).json().findValuesAsString("action")).contains("shipment.dispatched");
        assertThat(shop.get("/api/v1/audit?subjectType=order&subjectId=" + orderId).json().findValuesAsString("action"))
                .contains("order.shipped");
        assertThat(shop.get("/api/v1/orders/" + orderId + "/shipments").expect(200).json().findValuesAsString("id"))
                .containsExactly(shipment.get("id").asString());
    }

    @Test
    void theSameTrackingNumberTwiceAnswersTheParcelThatAlreadyLeft() throws Exception {
        Api shop = shop("ship-twice", "SHIPMENT");
        String email = "ship-twice@example.org";
        String orderId = shop.post("/api/v1/orders", order("twice-1").email(email).line("SOCK-1", 3).build())
                .expect(201).json().get("id").asString();
        String first = shop.post("/api/v1/orders/" + orderId + "/shipments", parcel("00340434161094042558"))
                .expect(201).json().get("id").asString();

        // Printed with spaces and in lower case: still the same parcel.
        JsonNode again = shop.post("/api/v1/orders/" + orderId + "/shipments",
                Map.of("carrier", "dhl", "trackingNumber", "0034 0434 1610 9404 2558")).expect(200).json();

        assertThat(again.get("id").asString()).isEqualTo(first);
        assertThat(shop.stock("SOCK-1").get("onHand").asInt()).isEqualTo(7);
        assertThat(shop.get("/api/v1/orders/" + orderId + "/shipments").json().size()).isEqualTo(1);
        shop.post("/api/v1/orders/" + orderId + "/shipments", parcel("00340434161094049999")).expectProblem(409);

        String other = shop.post("/api/v1/orders", order("twice-2").email("other-" + email).line("SOCK-1", 1).build())
                .expect(201).json().get("id").asString();
        Api.Response taken = shop.post("/api/v1/orders/" + other + "/shipments", parcel("00340434161094042558"));
        taken.expectProblem(409);
        assertThat(taken.json().get("type").asString()).endsWith("tracking-number-in-use");
        assertThat(shop.get("/api/v1/orders/" + other).json().get("status").asString()).isEqualTo("CONFIRMED");

        ShippingMail.await(email, "ist unterwegs");
        awaitInvoice(shop, orderId);
        assertThat(ShippingMail.to(email)).filteredOn(m -> subject(m).contains("ist unterwegs")).hasSize(1);
    }

    @Test
    void anApprovalShopKeepsTheInvoiceItIssuedAtConfirmation() {
        Api shop = shop("ship-approval", "APPROVAL");
        String orderId = shop.post("/api/v1/orders", order("appr-1").email("appr@example.org").line("SOCK-1", 1).build())
                .expect(201).json().get("id").asString();
        String invoiceId = awaitInvoice(shop, orderId).get("id").asString();

        shop.post("/api/v1/orders/" + orderId + "/shipments", parcel("00340434161094042559")).expect(201);

        assertThat(shop.get("/api/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shop.get("/api/v1/orders/" + orderId + "/invoice").json().get("id").asString()).isEqualTo(invoiceId);
        assertThat(shop.get("/api/v1/invoices").json().findValuesAsString("orderId")).containsOnlyOnce(orderId);
    }

    @Test
    void heldCancelledUnknownAndBadRequestsShipNothing() {
        Api shop = shop("ship-refused", "SHIPMENT");
        shop.post("/api/v1/orders/00000000-0000-0000-0000-000000000000/shipments", parcel("00340434161094040001"))
                .expectProblem(404);
        shop.post("/api/v1/orders/not-an-id/shipments", parcel("00340434161094040001")).expectProblem(404);

        String held = shop.post("/api/v1/orders", order("ref-1").email("held@example.org").line("SOCK-1", 1).build())
                .expect(201).json().get("id").asString();
        shop.post("/api/v1/orders/" + held + "/hold", Map.of("reason", "customer asked to wait")).expect(200);
        Api.Response onHold = shop.post("/api/v1/orders/" + held + "/shipments", parcel("00340434161094040002"));
        onHold.expectProblem(409);
        assertThat(onHold.json().get("type").asString()).endsWith("order-on-hold");

        String cancelled = shop.post("/api/v1/orders", order("ref-2").email("gone@example.org").line("SOCK-1", 1).build())
                .expect(201).json().get("id").asString();
        shop.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "customer withdrew")).expect(200);
        shop.post("/api/v1/orders/" + cancelled + "/shipments", parcel("00340434161094040003")).expectProblem(409);

        Api.Response bad = shop.post("/api/v1/orders/" + held + "/shipments",
                Map.of("carrier", "D H L!", "trackingNumber", "", "weightGrams", -5));
        bad.expectProblem(422);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("carrier", "trackingNumber", "weightGrams");

        assertThat(shop.stock("SOCK-1").get("onHand").asInt()).isEqualTo(10);
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isEqualTo(1);
        assertThat(shop.get("/api/v1/orders/" + held).json().get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(shop.get("/api/v1/orders/" + held + "/shipments").json().size()).isZero();
    }

    static JsonNode awaitInvoice(Api shop, String orderId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            Api.Response r = shop.get("/api/v1/orders/" + orderId + "/invoice");
            if (r.status() == 200) {
                return r.json();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no invoice for order " + orderId + " within 30 s");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
