package org.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.BackOffice;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The warehouse lead keeps the standard cartons on the Shipping page and sees the parcels that left. */
class ShippingPagesIT extends IntegrationTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String csrfFrom, Map<String, String> form) throws Exception {
        Matcher m = CSRF.matcher(csrfFrom);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWarehouseAddsACartonAndSeesTheParcelsThatLeft() throws Exception {
        Api shop = newShop("shipping-page");
        String user = "wanda-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", user, "displayName", "Wanda Warehouse", "password",
                "warehouse-2026-pass", "role", "WAREHOUSE")).expect(201);
        shop.product("MUG-1", "9.90", "STANDARD", 5);
        String orderId = shop.post("/api/v1/orders", org.o2c.support.Orders.order("sp-1").line("MUG-1", 1).build())
                .expect(201).json().get("id").asString();
        shop.post("/api/v1/orders/" + orderId + "/shipments", Map.of("carrier", "DHL", "trackingNumber",
                "00340434161094080001")).expect(201);

        HttpResponse<String> login = get("/login");
        post("/login", login.body(), Map.of("username", user, "password", "warehouse-2026-pass"));
        HttpResponse<String> page = get("/shipping?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("00340434161094080001").contains("Standard cartons");

        HttpResponse<String> saved = post("/shipping/cartons", page.body(), Map.of("code", "S", "name", "Small",
                "lengthMm", "250", "widthMm", "175", "heightMm", "100", "maxWeightGrams", "5000", "tareGrams", "120"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"flash\"").contains("250 × 175 × 100");
        assertThat(shop.get("/api/v1/cartons").json().findValuesAsString("code")).containsExactly("S");
    }

    @Test
    void thePackerOpensTheOrderByNumberIsStoppedByAWrongWeightAndShipsWithTheLabel() throws Exception {
        Api shop = newShop("pack-page");
        String user = "paul-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", user, "displayName", "Paul Packer", "password",
                "packing-2026-pass", "role", "WAREHOUSE")).expect(201);
        shop.product("MUG-1", "9.90", "STANDARD", 5); // 200 g each
        shop.put("/api/v1/products/MUG-1/dimensions", Map.of("lengthMm", 120, "widthMm", 90, "heightMm", 100)).expect(200);
        shop.put("/api/v1/cartons/S", Map.of("name", "Small", "lengthMm", 250, "widthMm", 175, "heightMm", 110,
                "maxWeightGrams", 5000, "tareGrams", 120)).expect(201);
        JsonNode order = shop.post("/api/v1/orders", org.o2c.support.Orders.order("pp-1").line("MUG-1", 2).build())
                .expect(201).json();
        String orderId = order.get("id").asString();

        HttpResponse<String> login = get("/login");
        post("/login", login.body(), Map.of("username", user, "password", "packing-2026-pass"));
        assertThat(get("/shipping/pack?lang=en&order=NO-SUCH-1").body()).contains("id=\"not-found\"");
        HttpResponse<String> page = get("/shipping/pack?lang=en&order=" + order.get("number").asString());
        assertThat(page.uri().getPath()).isEqualTo("/shipping/pack/" + orderId);
        assertThat(page.body()).contains("Take carton S (Small)").contains("about 520 g").contains("id=\"pack-form\"");

        // The scale says 900 g where 520 g are expected: the parcel is stopped, nothing leaves.
        HttpResponse<String> stopped = post("/shipping/pack/" + orderId, page.body(),
                Map.of("carton", "S", "weightGrams", "900"));
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("id=\"errors\"").contains("weightGrams").contains("id=\"override\"")
                .doesNotContain("id=\"shipped\"");
        assertThat(shop.get("/api/v1/orders/" + orderId).json().get("status").asString()).isNotEqualTo("SHIPPED");
        assertThat(shop.stock("MUG-1").get("onHand").asInt()).isEqualTo(5);

        HttpResponse<String> shipped = post("/shipping/pack/" + orderId, stopped.body(),
                Map.of("carton", "S", "weightGrams", "525"));
        assertThat(shipped.body()).contains("id=\"shipped\"").contains("id=\"label-link\"")
                .doesNotContain("id=\"pack-form\"");
        assertThat(shop.get("/api/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shop.stock("MUG-1").get("onHand").asInt()).isEqualTo(3);
        JsonNode parcel = shop.get("/api/v1/orders/" + orderId + "/shipments").json().get(0);
        assertThat(parcel.get("carton").asString()).isEqualTo("S");
        assertThat(parcel.get("weightGrams").asInt()).isEqualTo(525);

        for (String pdf : new String[] {"/shipping/parcels/" + parcel.get("id").asString() + "/label.pdf",
                "/shipping/pack/" + orderId + "/packing-slip.pdf"}) {
            HttpResponse<byte[]> file = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + pdf)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(pdf).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
            assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        // Opened again, the order says it left and offers the papers, not a second label.
        assertThat(get("/shipping/pack/" + orderId + "?lang=en").body()).contains("already left")
                .doesNotContain("id=\"pack-form\"");
    }

    @Test
    void theOwnerSetsUpTheDhlAccountOnAPageThatNeverShowsASecret() throws Exception {
        Api shop = newShop("carrier-page");
        String owner = "olga-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", owner, "displayName", "Olga Owner", "password",
                "owner-2026-pass-xy", "role", "OWNER")).expect(201);
        HttpResponse<String> login = get("/login");
        post("/login", login.body(), Map.of("username", owner, "password", "owner-2026-pass-xy"));
        HttpResponse<String> page = get("/settings/carriers?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"no-account\"").contains("id=\"dhl-account\"");

        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("apiKey", "page-api-key-123",
                "user", "shop-user", "password", "Geheim-Passwort-2026", "billingNumber", "3333333333",
                "product", "V01PAK", "useForLabels", "true", "tracking", "true"));
        HttpResponse<String> refused = post("/settings/carriers/dhl", page.body(), form);
        assertThat(refused.body()).contains("id=\"carriers-errors\"").contains("billingNumber")
                .contains("value=\"shop-user\"").doesNotContain("Geheim-Passwort-2026");
        shop.get("/api/v1/carriers/DHL/account").expect(404);

        form.put("billingNumber", "33333333330101");
        HttpResponse<String> saved = post("/settings/carriers/dhl", refused.body(), form);
        assertThat(saved.body()).contains("id=\"carriers-flash\"").contains("stored")
                .doesNotContain("Geheim-Passwort-2026").doesNotContain("page-api-key-123");
        JsonNode account = shop.get("/api/v1/carriers/DHL/account").expect(200).json();
        assertThat(account.get("billingNumber").asString()).isEqualTo("33333333330101");
        assertThat(account.get("passwordSet").asBoolean()).isTrue();
        assertThat(account.get("useForLabels").asBoolean()).isTrue();

        // Saved again without the secrets and with labels switched off: the secrets stay, the switch moves.
        Map<String, String> again = new java.util.LinkedHashMap<>(Map.of("user", "shop-user",
                "billingNumber", "33333333330101", "product", "V01PAK", "tracking", "true"));
        post("/settings/carriers/dhl", saved.body(), again);
        account = shop.get("/api/v1/carriers/DHL/account").expect(200).json();
        assertThat(account.get("useForLabels").asBoolean()).isFalse();
        assertThat(account.get("apiKeySet").asBoolean()).isTrue();
        assertThat(shop.get("/api/v1/audit?subjectType=carrier&subjectId=DHL").body())
                .contains("carrier.account-set").doesNotContain("Geheim-Passwort-2026");

        // The warehouse may pack, not change the shop's carrier contract.
        assertThat(BackOffice.signIn(baseUrl(), shop, "WAREHOUSE").status("/settings/carriers")).isEqualTo(403);
    }
}
