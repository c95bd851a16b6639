package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** After the parcel left: carriers report scans, the customer is kept informed and may still steer it. */
class TrackingIT extends IntegrationTest {
    private static final String SECRET = "dhl-webhook-secret-0123456789";

    private record Shipped(Api shop, String orderId, JsonNode shipment) {
        String id() {
            return shipment.get("id").asString();
        }

        String trackingPath() {
            String url = shipment.get("trackingUrl").asString();
            return url.substring(url.indexOf("/portal/"));
        }
    }

    private Shipped ship(String name, String email, String language, String trackingNumber) {
        Api shop = newShop(name);
        shop.product("MUG-1", "9.90", "STANDARD", 5);
        String orderId = shop.post("/api/v1/orders", order(name + "-1").email(email).set("language", language)
                .line("MUG-1", 1).build()).expect(201).json().get("id").asString();
        JsonNode shipment = shop.post("/api/v1/orders/" + orderId + "/shipments",
                Map.of("carrier", "DHL", "trackingNumber", trackingNumber, "weightGrams", 400)).expect(201).json();
        return new Shipped(shop, orderId, shipment);
    }

    private Api.Response hook(Api shop, String body, String secret) {
        String sig = "sha256=" + HexFormat.of().formatHex(org.o2c.shared.HmacSha256.of(secret, body.getBytes(StandardCharsets.UTF_8)));
        return new Api(port, json, null, null).raw("POST", "/hooks/carriers/dhl", "application/json",
                body.getBytes(StandardCharsets.UTF_8), Map.of("X-O2c-Shop", shop.shopId.toString(), "X-O2c-Signature", sig));
    }

    @Test
    void carrierScansMoveTheParcelAndTheCustomerHearsOfEveryStepThatMatters() throws Exception {
        String email = "track-scans@example.org";
        Shipped s = ship("track-scans", email, "en", "00340434161094050001");
        ShippingMail.await(email, "is on its way");
        s.shop().put("/api/v1/carriers/DHL/webhook-secret", Map.of("secret", SECRET)).expect(200);
        String expected = s.shipment().get("expectedDelivery").asString();
        String later = java.time.LocalDate.parse(expected).plusDays(2).toString();

        String scans = json.writeValueAsString(Map.of("events", List.of(
                Map.of("trackingNumber", "00340434161094050001", "status", "HANDED_OVER",
                        "occurredAt", at(1), "location", "Berlin"),
                Map.of("trackingNumber", "00340434161094050001", "status", "IN_TRANSIT",
                        "occurredAt", at(5), "location", "Hub Leipzig",
                        "expectedDelivery", later),
                Map.of("trackingNumber", "99999999999999999999", "status", "IN_TRANSIT"))));
        hook(s.shop(), scans, "not-the-secret-at-all-000").expectProblem(401);
        JsonNode answer = hook(s.shop(), scans, SECRET).expect(200).json();
        assertThat(answer.get("recorded").asInt()).isEqualTo(2);
        assertThat(answer.get("unknown").asInt()).isEqualTo(1);
        // The carrier retries the same delivery: nothing is recorded twice.
        assertThat(hook(s.shop(), scans, SECRET).expect(200).json().get("duplicates").asInt()).isEqualTo(2);

        JsonNode inTransit = s.shop().get("/api/v1/shipments/" + s.id()).expect(200).json();
        assertThat(inTransit.get("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(inTransit.get("expectedDelivery").asString()).isEqualTo(later);
        assertThat(ShippingMail.body(ShippingMail.await(email, "is delayed"))).contains("/portal/tracking/" + s.id());

        s.shop().post("/api/v1/shipments/" + s.id() + "/events", Map.of("status", "OUT_FOR_DELIVERY",
                "occurredAt", at(30))).expect(201);
        ShippingMail.await(email, "arrives today");
        s.shop().post("/api/v1/shipments/" + s.id() + "/events", Map.of("status", "DELIVERED",
                "occurredAt", at(34), "description", "handed to the recipient")).expect(201);
        ShippingMail.await(email, "was delivered");
        // A late scan from the hub does not undo the delivery.
        s.shop().post("/api/v1/shipments/" + s.id() + "/events", Map.of("status", "IN_TRANSIT",
                "occurredAt", at(12))).expect(201);
        s.shop().post("/api/v1/shipments/" + s.id() + "/events", Map.of("status", "LOST_IN_SPACE")).expectProblem(422);

        JsonNode delivered = s.shop().get("/api/v1/shipments/" + s.id()).json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("events").findValuesAsString("status")).containsExactly("DELIVERED",
                "OUT_FOR_DELIVERY", "IN_TRANSIT", "IN_TRANSIT", "HANDED_OVER", "LABEL_CREATED");

        String page = new Api(port, json, null, null).get(s.trackingPath()).expect(200).body();
        assertThat(page).contains("Delivered").contains("Hub Leipzig").contains("id=\"no-changes\"")
                .doesNotContain("id=\"address-form\"");
        assertThat(s.shop().get("/api/v1/audit?subjectType=shipment&subjectId=" + s.id()).json()
                .findValuesAsString("actor")).contains("carrier:DHL (webhook)");
    }

    @Test
    void beforeHandOverTheCustomerCorrectsTheAddressAndLeavesAPreferenceAfterwardsThePageSaysWhyNot() {
        Shipped s = ship("track-portal", "track-portal@example.org", "de", "00340434161094050002");
        Api browser = new Api(port, json, null, null);
        String path = s.trackingPath();
        String query = path.substring(path.indexOf('?') + 1);
        Map<String, String> link = java.util.Arrays.stream(query.split("&"))
                .collect(Collectors.toMap(p -> p.substring(0, p.indexOf('=')), p -> p.substring(p.indexOf('=') + 1)));

        String page = browser.get(path).expect(200).body();
        assertThat(page).contains("id=\"address-form\"").contains("id=\"preference-form\"").contains("Lindenweg 5");
        browser.get("/portal/tracking/" + s.id() + "?exp=" + link.get("exp") + "&sig=forged").expect(404);

        Map<String, String> bad = form(link, "name", "Anna Beispiel", "street", "Lindenweg 7", "postalCode", "8033",
                "city", "München");
        Api.Response refused = post(browser, "/portal/tracking/" + s.id() + "/address", bad);
        refused.expect(422);
        assertThat(refused.body()).contains("id=\"errors\"").contains("address.postalCode");
        assertThat(s.shop().get("/api/v1/shipments/" + s.id()).json().at("/shipTo/street").asString()).isEqualTo("Lindenweg 5");

        // Without the link's signature in the form (a page on another site cannot know it), nothing changes.
        Map<String, String> unsigned = form(Map.of("exp", link.get("exp"), "sig", ""), "name", "Mallory", "street",
                "Elsewhere 1", "postalCode", "10115", "city", "Berlin");
        post(browser, "/portal/tracking/" + s.id() + "/address", unsigned).expect(404);

        Map<String, String> good = form(link, "name", "Anna Beispiel", "street", "Lindenweg 7", "postalCode", "80331",
                "city", "München");
        Api.Response saved = post(browser, "/portal/tracking/" + s.id() + "/address", good);
        saved.expect(302);
        post(browser, "/portal/tracking/" + s.id() + "/preference",
                form(link, "preference", "NEIGHBOUR", "detail", "Herr Huber, 2. Stock")).expect(302);
        post(browser, "/portal/tracking/" + s.id() + "/preference", form(link, "preference", "SAFE_PLACE")).expect(422);

        JsonNode changed = s.shop().get("/api/v1/shipments/" + s.id()).json();
        assertThat(changed.at("/shipTo/street").asString()).isEqualTo("Lindenweg 7");
        assertThat(changed.get("deliveryPreference").asString()).isEqualTo("NEIGHBOUR");
        assertThat(changed.get("preferenceDetail").asString()).isEqualTo("Herr Huber, 2. Stock");
        assertThat(s.shop().get("/api/v1/audit?subjectType=shipment&subjectId=" + s.id()).json()
                .findValuesAsString("action")).contains("shipment.address-corrected", "shipment.preference-chosen");
        assertThat(browser.get(path + "&saved=address").expect(200).body()).contains("id=\"saved\"").contains("Lindenweg 7");

        s.shop().post("/api/v1/shipments/" + s.id() + "/events", Map.of("status", "HANDED_OVER")).expect(201);

        String after = browser.get(path).expect(200).body();
        assertThat(after).contains("id=\"no-changes\"").doesNotContain("id=\"address-form\"");
        Api.Response tooLate = post(browser, "/portal/tracking/" + s.id() + "/address", good);
        tooLate.expect(409);
        assertThat(tooLate.body()).contains("Leider zu spät");
    }

    /** A scan time {@code hours} after now, as carriers write it. */
    private static String at(int hours) {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(1)).plusHours(hours)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static Map<String, String> form(Map<String, String> link, String... fields) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("exp", link.get("exp"));
        f.put("sig", link.get("sig"));
        f.put("lang", "de");
        for (int i = 0; i < fields.length; i += 2) {
            f.put(fields[i], fields[i + 1]);
        }
        return f;
    }

    private static Api.Response post(Api browser, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.raw("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
