package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A shop with a DHL business account: DHL books the parcel, o2c dispatches it and follows DHL's scans. */
class DhlShippingIT extends IntegrationTest {
    private static FakeDhl dhl;

    @Autowired
    TrackingPoller poller;

    @BeforeAll
    static void startDhl() throws Exception {
        dhl = new FakeDhl();
    }

    @AfterAll
    static void stopDhl() {
        dhl.close();
    }

    private record Shop(Api api, String orderId, String email) {}

    private Shop shopWithDhl(String name, int productWeight) {
        Api shop = newShop(name);
        shop.put("/api/v1/settings/company", Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "taxNumber", "30/123/45678",
                "iban", "DE02120300000000202051")).expect(200);
        shop.put("/api/v1/products/ANVIL-1", Map.of("name", "Amboss", "price", "99.00", "currency", "EUR",
                "taxCategory", "STANDARD", "weightGrams", productWeight, "location", "A-01-1")).expect(201);
        shop.put("/api/v1/stock/ANVIL-1", Map.of("onHand", 5)).expect(200);
        Map<String, Object> account = new HashMap<>();
        account.put("baseUrl", dhl.shippingUrl());
        account.put("apiKey", FakeDhl.API_KEY);
        account.put("user", FakeDhl.USER);
        account.put("password", FakeDhl.PASSWORD);
        account.put("billingNumber", "33333333330102");
        account.put("trackingUrl", dhl.trackingUrl());
        account.put("trackingApiKey", FakeDhl.TRACKING_KEY);
        shop.put("/api/v1/carriers/DHL/account", account).expect(200);
        String email = name + "@example.org";
        String orderId = shop.post("/api/v1/orders", order(name + "-1").email(email).set("language", "en").line("ANVIL-1", 1).build())
                .expect(201).json().get("id").asString();
        return new Shop(shop, orderId, email);
    }

    @Test
    void withADhlAccountTheLabelIsDhlsAndTheTrackingNumberDhlsShipmentNumber() throws Exception {
        Shop s = shopWithDhl("dhl-book", 12_300);
        String account = s.api().get("/api/v1/carriers/DHL/account").expect(200).body();
        assertThat(account).contains("\"passwordSet\":true").contains("33333333330102")
                .doesNotContain(FakeDhl.PASSWORD).doesNotContain(FakeDhl.API_KEY).doesNotContain(FakeDhl.TRACKING_KEY);
        int before = dhl.bookings().size();

        JsonNode shipment = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 12_500))
                .expect(201).json();
        assertThat(shipment.get("carrier").asString()).isEqualTo("DHL");
        assertThat(shipment.get("trackingNumber").asString()).startsWith("00340434");
        assertThat(shipment.get("weightClass").asString()).isEqualTo("OVER_10_KG");
        assertThat(shipment.get("warnings").get(0).asString()).contains("nicht eindeutig");
        assertThat(dhl.violations()).isEmpty();
        assertThat(dhl.bookings()).hasSize(before + 1);
        JsonNode booked = dhl.bookings().get(dhl.bookings().size() - 1).path("shipments").path(0);
        assertThat(booked.path("product").asString()).isEqualTo("V01PAK");
        assertThat(booked.path("refNo").asString()).startsWith("Order ");
        assertThat(booked.at("/consignee/name1").asString()).isEqualTo("Anna Beispiel");
        assertThat(booked.at("/consignee/addressStreet").asString()).isEqualTo("Lindenweg");
        assertThat(booked.at("/consignee/addressHouse").asString()).isEqualTo("5");
        assertThat(booked.at("/consignee/country").asString()).isEqualTo("DEU");
        assertThat(booked.at("/shipper/addressStreet").asString()).isEqualTo("Hauptstr.");
        assertThat(booked.at("/shipper/addressHouse").asString()).isEqualTo("1");
        assertThat(booked.at("/details/weight/uom").asString()).isEqualTo("g");
        assertThat(booked.at("/details/weight/value").asInt()).isEqualTo(12_500);

        // The label the packer prints is DHL's own.
        HttpResponse<byte[]> label = HttpClient.newHttpClient().send(s.api().builder(shipment.get("labelUrl").asString())
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.body()).isEqualTo(FakeDhl.LABEL);
        // The parcel left like every other: order shipped, stock issued, the customer told.
        assertThat(s.api().get("/api/v1/orders/" + s.orderId()).json().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(s.api().stock("ANVIL-1").get("onHand").asInt()).isEqualTo(4);
        ShippingMail.await(s.email(), "is on its way");
        // Asked again (a double click), the same parcel answers and DHL is not asked twice.
        JsonNode again = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 12_500))
                .expect(200).json();
        assertThat(again.get("id").asString()).isEqualTo(shipment.get("id").asString());
        assertThat(dhl.bookings()).hasSize(before + 1);
        // DHL's label on the parcel carries the booked address: the tracking page offers no change and says why.
        String url = shipment.get("trackingUrl").asString();
        String path = url.substring(url.indexOf("/portal/"));
        Api browser = new Api(port, json, null, null);
        assertThat(browser.get(path).expect(200).body()).doesNotContain("id=\"address-form\"")
                .contains("id=\"no-changes\"").contains("already carries DHL");
        String query = path.substring(path.indexOf('?') + 1);
        String form = query + "&name=Anna+Beispiel&street=Lindenweg+7&postalCode=80331&city=M%C3%BCnchen";
        browser.raw("POST", "/portal/tracking/" + shipment.get("id").asString() + "/address",
                "application/x-www-form-urlencoded", form.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of())
                .expect(409);
        assertThat(s.api().get("/api/v1/shipments/" + shipment.get("id").asString()).json().at("/shipTo/street")
                .asString()).isEqualTo("Lindenweg 5");
        String audit = s.api().get("/api/v1/audit?subjectType=shipment&subjectId=" + shipment.get("id").asString()).body();
        assertThat(audit).contains("shipment.label-created").contains("OVER_10_KG");
        assertThat(s.api().get("/api/v1/audit?subjectType=carrier&subjectId=DHL").body())
                .contains("carrier.account-set").doesNotContain(FakeDhl.PASSWORD).doesNotContain(FakeDhl.API_KEY);
    }

    @Test
    void dhlsValidationErrorIsA422NamingTheFieldAndNothingIsWritten() {
        Shop s = shopWithDhl("dhl-refused", 800);
        dhl.mode(FakeDhl.Mode.REFUSE_POSTAL_CODE);
        try {
            JsonNode problem = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 900))
                    .expectProblem(422).json();
            assertThat(problem.get("type").asString()).endsWith("carrier-rejected");
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("shipTo.postalCode");
            assertThat(problem.at("/errors/0/message").asString()).contains("Postleitzahl");
        } finally {
            dhl.mode(FakeDhl.Mode.BOOK);
        }
        assertNothingWritten(s);
    }

    @Test
    void refusedCredentialsAndOutagesSayNothingWasBookedAndTheRetryWorks() {
        Shop s = shopWithDhl("dhl-down", 800);
        try {
            dhl.mode(FakeDhl.Mode.UNAUTHORIZED);
            JsonNode refused = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 900))
                    .expectProblem(502).json();
            assertThat(refused.get("type").asString()).endsWith("carrier-credentials-refused");
            assertThat(refused.get("detail").asString()).contains("nothing was booked");
            dhl.mode(FakeDhl.Mode.DOWN);
            JsonNode down = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 900))
                    .expectProblem(503).json();
            assertThat(down.get("type").asString()).endsWith("carrier-unavailable");
            assertThat(down.get("detail").asString()).contains("try again");
        } finally {
            dhl.mode(FakeDhl.Mode.BOOK);
        }
        assertNothingWritten(s);
        s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 900)).expect(201);
        assertThat(dhl.violations()).isEmpty();
    }

    @Test
    void aBookingO2cCannotRecordIsCancelledAtDhl() {
        Shop s = shopWithDhl("dhl-cancel", 800);
        // While DHL books, someone reports the order's parcel by hand: o2c cannot record DHL's parcel any more.
        dhl.beforeBooking(() -> s.api().post("/api/v1/orders/" + s.orderId() + "/shipments", Map.of("carrier", "DPD",
                "trackingNumber", "01234567890123", "weightGrams", 900)).expect(201));
        JsonNode problem = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 900))
                .expectProblem(409).json();
        assertThat(problem.get("type").asString()).endsWith("already-shipped");
        assertThat(dhl.cancelled()).containsExactly(dhl.numbers().get(dhl.numbers().size() - 1));
        JsonNode shipments = s.api().get("/api/v1/orders/" + s.orderId() + "/shipments").json();
        assertThat(shipments.size()).isEqualTo(1);
        assertThat(shipments.get(0).get("carrier").asString()).isEqualTo("DPD");
    }

    @Test
    void theAccountIsCheckedBeforeItIsStored() {
        Api shop = newShop("dhl-account");
        JsonNode problem = shop.put("/api/v1/carriers/DHL/account", Map.of("apiKey", "k", "user", "u", "password", "p",
                "billingNumber", "33333333335301", "baseUrl", "http://dhl.example.com/v2")).expectProblem(422).json();
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("baseUrl", "billingNumber");
        shop.put("/api/v1/carriers/GLS/account", Map.of("apiKey", "k")).expectProblem(422);
        shop.get("/api/v1/carriers/DHL/account").expectProblem(404);
    }

    @Test
    void aParcelHeavierThanDhlTakesIsRefusedNamingTheWeightBeforeDhlIsAsked() {
        Shop s = shopWithDhl("dhl-heavy", 30_000);
        int before = dhl.bookings().size();
        JsonNode problem = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 32_000))
                .expectProblem(422).json();
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("weightGrams");
        assertThat(problem.at("/errors/0/message").asString()).contains("31500 g");
        // Reported by hand, a DHL parcel over 31.5 kg is refused the same way.
        s.api().post("/api/v1/orders/" + s.orderId() + "/shipments", Map.of("carrier", "DHL",
                "trackingNumber", "00340434161094099999", "weightGrams", 32_000)).expectProblem(422);
        assertThat(dhl.bookings()).hasSize(before);
        assertNothingWritten(s);
    }

    @Test
    void withoutACarrierAccountTheGenericLabelPrintsTheWeightClass() throws Exception {
        Api shop = newShop("generic-label");
        shop.product("MUG-1", "9.90", "STANDARD", 5);
        String orderId = shop.post("/api/v1/orders", order("generic-label-1").email("generic-label@example.org")
                .line("MUG-1", 1).build()).expect(201).json().get("id").asString();
        String number = shop.get("/api/v1/orders/" + orderId).json().get("number").asString();
        shop.post("/api/v1/orders/" + orderId + "/labels", Map.of("weightGrams", 21_000, "carrier", "GLS"))
                .expectProblem(422);
        JsonNode shipment = shop.post("/api/v1/orders/" + orderId + "/labels", Map.of("weightGrams", 21_000))
                .expect(201).json();
        assertThat(shipment.get("carrier").asString()).isEqualTo("OWN");
        assertThat(shipment.get("trackingNumber").asString()).isEqualTo("O2C-" + number);
        assertThat(shipment.get("weightClass").asString()).isEqualTo("OVER_20_KG");
        HttpResponse<byte[]> label = HttpClient.newHttpClient().send(shop.builder(shipment.get("labelUrl").asString())
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        try (PDDocument doc = Loader.loadPDF(label.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("> 20 kg").contains("O2C-" + number);
        }
    }

    @Test
    void dhlsScansMoveTheParcelAndTheCustomerHearsAsWithWebhooks() throws Exception {
        Shop s = shopWithDhl("dhl-track", 800);
        String number = s.api().post("/api/v1/orders/" + s.orderId() + "/labels", Map.of("weightGrams", 900))
                .expect(201).json().get("trackingNumber").asString();
        String id = s.api().get("/api/v1/orders/" + s.orderId() + "/shipments").json().get(0).get("id").asString();
        ShippingMail.await(s.email(), "is on its way");

        poller.poll();
        assertThat(dhl.tracked()).contains(number);
        assertThat(status(s, id)).isEqualTo("LABEL_CREATED");

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        dhl.scan(number, today + "T18:30:00", "transit", "Die Sendung wurde vom Absender in der Filiale eingeliefert.", "Berlin");
        dhl.scan(number, today + "T21:05:00+01:00", "transit", "Die Sendung wurde im Start-Paketzentrum bearbeitet.", "Börnicke");
        poller.poll();
        assertThat(status(s, id)).isEqualTo("IN_TRANSIT");

        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        dhl.scan(number, tomorrow + "T08:15:00", "transit", "Die Sendung wurde in das Zustellfahrzeug geladen.", "München");
        poller.poll();
        assertThat(status(s, id)).isEqualTo("OUT_FOR_DELIVERY");
        ShippingMail.await(s.email(), "arrives today");
        dhl.scan(number, tomorrow + "T11:40:00", "delivered", "Die Sendung wurde erfolgreich zugestellt.", "München");
        poller.poll();
        poller.poll(); // the same scans again are stored once
        JsonNode delivered = s.api().get("/api/v1/shipments/" + id).json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("events").findValuesAsString("status")).containsExactly("DELIVERED",
                "OUT_FOR_DELIVERY", "IN_TRANSIT", "HANDED_OVER", "LABEL_CREATED");
        ShippingMail.await(s.email(), "was delivered");
        assertThat(s.api().get("/api/v1/audit?subjectType=shipment&subjectId=" + id).json()
                .findValuesAsString("actor")).contains("carrier:DHL (poll)");
    }

    private static String status(Shop s, String shipmentId) {
        return s.api().get("/api/v1/shipments/" + shipmentId).json().get("status").asString();
    }

    private static void assertNothingWritten(Shop s) {
        assertThat(s.api().get("/api/v1/orders/" + s.orderId()).json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(s.api().get("/api/v1/orders/" + s.orderId() + "/shipments").json().size()).isZero();
        JsonNode stock = s.api().stock("ANVIL-1");
        assertThat(stock.get("onHand").asInt()).isEqualTo(5);
        assertThat(stock.get("reserved").asInt()).isEqualTo(1);
    }
}
