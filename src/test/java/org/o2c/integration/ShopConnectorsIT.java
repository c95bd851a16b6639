package org.o2c.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A shop owner connects Shopify and WooCommerce stores; their order webhooks arrive signed and become
 * orders, once each. Whatever is not signed with the connector's secret is refused and leaves no trace.
 */
class ShopConnectorsIT extends IntegrationTest {
    static final String SHOPIFY_SECRET = "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";
    static final String WOO_SECRET = "w00-s3cret: Ünïcode & spaces";
    /** The order ids in the fixtures: the external ids are "{connector}-{these}". */
    static final String SHOPIFY_ORDER_ID = "5837291045032";
    static final String WOO_ORDER_ID = "727";

    Api shop;
    String shopify;
    String woo;

    @BeforeEach
    void shopWithConnectors() {
        shop = newShop("wollwerk");
        shop.product("WOOL-SOCKS-42", "12.90", "STANDARD", 40);
        shop.product("EARL-GREY-100", "6.50", "REDUCED", 30);
        shopify = "shopify-" + shop.shopId;
        woo = "woo-" + shop.shopId;
        JsonNode created = shop.put("/api/v1/connectors/" + shopify, Map.of("type", "shopify", "secret", SHOPIFY_SECRET))
                .expect(201).json();
        assertThat(created.get("webhookUrl").asString()).isEqualTo(baseUrl() + "/hooks/" + shopify);
        shop.put("/api/v1/connectors/" + woo, Map.of("type", "woocommerce", "secret", WOO_SECRET)).expect(201);
    }

    @Test
    void aSignedShopifyOrderBecomesAnOrderOnceAndReservesItsStock() {
        byte[] body = fixture("shopify-orders-create.json");

        JsonNode taken = deliver(shopify, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body),
                "X-Shopify-Topic", "orders/create")).expect(201).json();

        JsonNode order = shop.get("/api/v1/orders/" + taken.get("id").asString()).expect(200).json();
        assertThat(order.get("externalId").asString()).isEqualTo(shopify + "-" + SHOPIFY_ORDER_ID);
        assertThat(order.get("channel").asString()).isEqualTo("shopify");
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.get("paymentMethod").asString()).isEqualTo("PAYPAL");
        assertThat(order.at("/customer/email").asString()).isEqualTo("anna.beispiel@example.org");
        assertThat(order.at("/customer/name").asString()).isEqualTo("Anna Beispiel");
        assertThat(order.at("/billingAddress/street").asString()).isEqualTo("Lindenweg 5");
        assertThat(order.at("/billingAddress/postalCode").asString()).isEqualTo("80331");
        assertThat(order.at("/billingAddress/country").asString()).isEqualTo("DE");
        // The buyer paid 12.90 a pair and 6.50 less the 10 % code for the tea, 4.90 shipping: 36.55 in all.
        assertThat(order.get("lines").findValuesAsString("sku")).containsExactly("WOOL-SOCKS-42", "EARL-GREY-100");
        assertThat(order.get("lines").findValues("quantity")).extracting(JsonNode::asInt).containsExactly(2, 1);
        assertThat(order.get("lines").findValuesAsString("unitPrice")).containsExactly("12.90", "5.85");
        assertThat(order.get("shippingCost").asString()).isEqualTo("4.90");
        assertThat(order.at("/totals/gross").asString()).isEqualTo("36.55");
        assertThat(order.get("statusHistory").findValuesAsString("actor")).containsOnly("connector:" + shopify);
        assertThat(shop.stock("WOOL-SOCKS-42").get("reserved").asInt()).isEqualTo(2);
        assertThat(shop.stock("EARL-GREY-100").get("reserved").asInt()).isEqualTo(1);

        // Shopify delivers at least once: the same delivery again changes nothing.
        JsonNode again = deliver(shopify, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body)))
                .expect(200).json();
        assertThat(again.get("id").asString()).isEqualTo(taken.get("id").asString());
        assertThat(shop.get("/api/v1/orders").json().get("items")).hasSize(1);
        assertThat(shop.stock("WOOL-SOCKS-42").get("reserved").asInt()).isEqualTo(2);
        assertThat(auditActions()).containsOnlyOnce("order.placed");
    }

    @Test
    void aSignedWooCommerceOrderPaidByBankTransferWaitsForItsMoney() {
        byte[] body = fixture("woocommerce-order-created.json");

        JsonNode taken = deliver(woo, body, Map.of("X-WC-Webhook-Signature", base64Hmac(WOO_SECRET, body),
                "X-WC-Webhook-Topic", "order.created")).expect(201).json();

        JsonNode order = shop.get("/api/v1/orders/" + taken.get("id").asString()).expect(200).json();
        assertThat(order.get("externalId").asString()).isEqualTo(woo + "-" + WOO_ORDER_ID);
        assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.get("paymentMethod").asString()).isEqualTo("PREPAYMENT");
        assertThat(order.at("/customer/email").asString()).isEqualTo("jonas.muster@example.net");
        assertThat(order.at("/billingAddress/city").asString()).isEqualTo("Hamburg");
        assertThat(order.at("/shippingAddress/city").asString()).isEqualTo("Köln");
        assertThat(order.at("/shippingAddress/company").asString()).isEqualTo("Muster Design GmbH");
        // WooCommerce sends net line totals; o2c takes the gross the buyer pays per unit.
        assertThat(order.get("lines").findValuesAsString("unitPrice")).containsExactly("12.90", "6.50");
        assertThat(order.get("lines").findValues("quantity")).extracting(JsonNode::asInt).containsExactly(3, 2);
        assertThat(order.get("shippingCost").asString()).isEqualTo("4.90");
        assertThat(order.at("/totals/gross").asString()).isEqualTo("56.60");
        assertThat(shop.stock("WOOL-SOCKS-42").get("reserved").asInt()).isEqualTo(3);
        assertThat(shop.stock("EARL-GREY-100").get("reserved").asInt()).isEqualTo(2);

        deliver(woo, body, Map.of("X-WC-Webhook-Signature", base64Hmac(WOO_SECRET, body))).expect(200);
        assertThat(shop.get("/api/v1/orders").json().get("items")).hasSize(1);
        assertThat(shop.stock("EARL-GREY-100").get("reserved").asInt()).isEqualTo(2);
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsStored() {
        byte[] body = fixture("shopify-orders-create.json");

        deliver(shopify, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac("not-the-secret", body))).expectProblem(401);
        // Signed correctly, but not the bytes that arrive: one changed quantity breaks the signature.
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"quantity\": 2", "\"quantity\": 20")
                .getBytes(StandardCharsets.UTF_8);
        deliver(shopify, tampered, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body))).expectProblem(401);
        deliver(woo, fixture("woocommerce-order-created.json"), Map.of("X-WC-Webhook-Signature", "bm90IGEgc2lnbmF0dXJl"))
                .expectProblem(401);
        // Another connector's secret is no good either.
        deliver(woo, body, Map.of("X-WC-Webhook-Signature", base64Hmac(SHOPIFY_SECRET, body))).expectProblem(401);

        assertNothingStored();
    }

    @Test
    void aMissingSignatureIsRefused() {
        byte[] body = fixture("woocommerce-order-created.json");

        deliver(woo, body, Map.of()).expectProblem(401);
        deliver(woo, body, Map.of("X-WC-Webhook-Signature", "")).expectProblem(401);
        // Another platform's header does not count.
        deliver(woo, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(WOO_SECRET, body))).expectProblem(401);

        assertNothingStored();
    }

    @Test
    void aDeliveryForAnUnknownConnectorIsRefused() {
        byte[] body = fixture("shopify-orders-create.json");

        deliver("no-such-shop", body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body)))
                .expectProblem(401);
        deliver("Not_A_Name", body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body)))
                .expectProblem(401);

        assertNothingStored();
    }

    @Test
    void wooCommercesUnsignedPingIsAnsweredButCreatesNothing() {
        // WC_Webhook::deliver_ping: a form body, no signature, and WooCommerce wants exactly 200.
        shop.withToken(null).raw("POST", "/hooks/" + woo, "application/x-www-form-urlencoded",
                "webhook_id=15".getBytes(StandardCharsets.US_ASCII), Map.of()).expect(200);
        // Only that exact body: anything else unsigned is refused.
        shop.withToken(null).raw("POST", "/hooks/" + woo, "application/x-www-form-urlencoded",
                "webhook_id=15&id=727".getBytes(StandardCharsets.US_ASCII), Map.of()).expectProblem(401);
        shop.withToken(null).raw("POST", "/hooks/" + shopify, "application/x-www-form-urlencoded",
                "webhook_id=15".getBytes(StandardCharsets.US_ASCII), Map.of()).expectProblem(401);

        assertNothingStored();
    }

    @Test
    void aSignedDeliveryThatIsNoNewOrderIsAcknowledgedAndIgnored() {
        byte[] product = "{\"id\":93,\"name\":\"Wollsocken\",\"sku\":\"WOOL-SOCKS-42\"}".getBytes(StandardCharsets.UTF_8);
        deliver(woo, product, Map.of("X-WC-Webhook-Signature", base64Hmac(WOO_SECRET, product))).expect(200);

        byte[] order = fixture("woocommerce-order-created.json");
        deliver(woo, order, Map.of("X-WC-Webhook-Signature", base64Hmac(WOO_SECRET, order),
                "X-WC-Webhook-Topic", "order.updated")).expect(200);

        assertNothingStored();
    }

    @Test
    void aSignedOrderThatIsNotValidIsRefusedLikeAnyOtherOrder() {
        Api empty = newShop("no-products");
        String name = "shopify-" + empty.shopId;
        empty.put("/api/v1/connectors/" + name, Map.of("type", "shopify", "secret", SHOPIFY_SECRET)).expect(201);
        byte[] body = fixture("shopify-orders-create.json");

        JsonNode problem = deliver(name, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body)))
                .expectProblem(422).json();

        assertThat(problem.get("errors").findValuesAsString("field")).contains("lines[0].sku", "lines[1].sku");
        assertThat(empty.get("/api/v1/orders").json().get("items")).isEmpty();
    }

    @Test
    void aConnectorNameBelongsToOneShopInTheWholeInstall() {
        Api other = newShop("someone else");

        JsonNode problem = other.put("/api/v1/connectors/" + shopify, Map.of("type", "shopify", "secret", "theirs"))
                .expectProblem(409).json();

        assertThat(problem.get("type").asString()).endsWith("connector-name-taken");
        assertThat(other.get("/api/v1/connectors").expect(200).json()).isEmpty();
        // The owner's connector still checks the owner's secret.
        byte[] body = fixture("shopify-orders-create.json");
        deliver(shopify, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac("theirs", body))).expectProblem(401);
        deliver(shopify, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body))).expect(201);
    }

    @Test
    void secretsAreNeverShownAndChangesAreAudited() {
        Api.Response list = shop.get("/api/v1/connectors").expect(200);
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().findValuesAsString("name")).containsExactly(shopify, woo);
        assertThat(list.json().findValuesAsString("type")).containsExactly("shopify", "woocommerce");
        assertThat(list.json().findValues("secret")).isEmpty();
        assertThat(list.body()).doesNotContain(SHOPIFY_SECRET).doesNotContain("w00-s3cret");

        Api.Response rotated = shop.put("/api/v1/connectors/" + shopify,
                Map.of("type", "shopify", "secret", "shpss_rotated_0123456789")).expect(200);
        assertThat(rotated.body()).doesNotContain("shpss_rotated");
        shop.put("/api/v1/connectors/" + shopify, Map.of("type", "shopify", "secret", "shpss_rotated_0123456789"))
                .expect(200);

        String audit = shop.get("/api/v1/audit?subjectType=connector&subjectId=" + shopify).expect(200).body();
        assertThat(shop.get("/api/v1/audit?subjectType=connector&subjectId=" + shopify).json().findValuesAsString("action"))
                .containsExactly("connector.created", "connector.changed");
        assertThat(audit).doesNotContain(SHOPIFY_SECRET).doesNotContain("shpss_rotated");
        // The old secret no longer signs anything.
        byte[] body = fixture("shopify-orders-create.json");
        deliver(shopify, body, Map.of("X-Shopify-Hmac-Sha256", base64Hmac(SHOPIFY_SECRET, body))).expectProblem(401);
    }

    @Test
    void registrationsAreChecked() {
        JsonNode problem = shop.put("/api/v1/connectors/My_Shop", Map.of("type", "magento", "secret", " "))
                .expectProblem(422).json();

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "type", "secret");
        shop.put("/api/v1/connectors/" + "x".repeat(65), Map.of("type", "shopify", "secret", "s")).expectProblem(422);
    }

    @Test
    void shopwareSignaturesAreCheckedButItsOrdersAreNotTakenYet() {
        String name = "shopware-" + shop.shopId;
        shop.put("/api/v1/connectors/" + name, Map.of("type", "shopware", "secret", "sw-shop-secret")).expect(201);
        byte[] body = "{\"data\":{\"payload\":{},\"event\":\"checkout.order.placed\"},\"timestamp\":1795000000}"
                .getBytes(StandardCharsets.UTF_8);

        String genuine = hexHmac("sw-shop-secret", body);
        String forged = (genuine.charAt(0) == '0' ? "1" : "0") + genuine.substring(1);
        deliver(name, body, Map.of("shopware-shop-signature", forged)).expectProblem(401);
        JsonNode problem = deliver(name, body, Map.of("shopware-shop-signature", genuine)).expectProblem(422).json();
        assertThat(problem.get("type").asString()).endsWith("unsupported-delivery");
        assertNothingStored();
    }

    // ---- helpers ----

    private Api.Response deliver(String connector, byte[] body, Map<String, String> headers) {
        // No bearer token: the shop system knows only the URL and the secret.
        return shop.withToken(null).raw("POST", "/hooks/" + connector, "application/json", body, headers);
    }

    private void assertNothingStored() {
        assertThat(shop.get("/api/v1/orders").json().get("items")).isEmpty();
        assertThat(shop.stock("WOOL-SOCKS-42").get("reserved").asInt()).isZero();
        assertThat(shop.stock("EARL-GREY-100").get("reserved").asInt()).isZero();
        assertThat(auditActions()).doesNotContain("order.placed");
    }

    private java.util.List<String> auditActions() {
        return shop.get("/api/v1/audit").expect(200).json().findValuesAsString("action");
    }

    private static byte[] fixture(String name) {
        try (InputStream in = ShopConnectorsIT.class.getResourceAsStream("/connectors/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Hmac(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    private static String hexHmac(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, body));
    }
}
