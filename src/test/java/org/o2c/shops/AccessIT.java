package org.o2c.shops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** API tokens and users belong to one shop; a shop never sees another's data. */
class AccessIT extends IntegrationTest {

    @Test
    void tokensAreCreatedListedWithoutSecretAndRevoked() {
        Api shop = newShop("tokens");
        JsonNode created = shop.post("/api/v1/api-tokens", Map.of("name", "woocommerce plug-in")).expect(201).json();
        String secret = created.get("token").asString();
        Api plugin = shop.withToken(secret);
        plugin.get("/api/v1/products").expect(200);

        JsonNode list = shop.get("/api/v1/api-tokens").expect(200).json();
        assertThat(list.findValuesAsString("name")).contains("woocommerce plug-in");
        assertThat(list.toString()).doesNotContain(secret);

        shop.delete("/api/v1/api-tokens/" + created.get("id").asLong()).expect(204);
        plugin.get("/api/v1/products").expectProblem(401);
        shop.delete("/api/v1/api-tokens/999999").expectProblem(404);
    }

    @Test
    void aShopsTokenSeesOnlyItsOwnShop() {
        Api a = newShop("shop-a");
        Api b = newShop("shop-b");
        a.product("SAME-SKU", "10.00", "STANDARD", 5);
        String orderId = a.post("/api/v1/orders", order("a-1").line("SAME-SKU", 1).build()).expect(201).json()
                .get("id").asString();

        b.get("/api/v1/orders/" + orderId).expectProblem(404);
        b.get("/api/v1/products/SAME-SKU").expectProblem(404);
        assertThat(b.get("/api/v1/orders").json().get("items")).isEmpty();
        b.product("SAME-SKU", "20.00", "STANDARD", 1);
        assertThat(a.get("/api/v1/products/SAME-SKU").json().get("price").asString()).isEqualTo("10.00");
        // Only the install's admin creates shops, and a shop's token cannot mint tokens for another shop.
        a.post("/api/v1/shops", Map.of("name", "sneaky")).expectProblem(403);
        a.post("/api/v1/api-tokens", Map.of("name", "x", "shopId", b.shopId)).expectProblem(403);
    }

    @Test
    void usersNeedAStrongEnoughPasswordAndAKnownRole() {
        Api shop = newShop("users");
        JsonNode p = shop.post("/api/v1/users", Map.of("username", "lager", "password", "short", "role", "BOSS"))
                .expectProblem(422).json();
        assertThat(p.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("password", "role");
        shop.post("/api/v1/users", Map.of("username", "lager-" + shop.shopId, "password", "a-long-password",
                "role", "WAREHOUSE")).expect(201);
        assertThat(shop.get("/api/v1/users").json().findValuesAsString("role")).containsExactly("WAREHOUSE");
    }

    @Test
    void companySettingsAreValidatedAndStored() {
        Api shop = newShop("company");
        JsonNode p = shop.put("/api/v1/settings/company", Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "1011", "city", "Berlin", "country", "DE", "iban", "DE02120300000000202052"))
                .expectProblem(422).json();
        assertThat(p.get("errors").findValuesAsString("field")).contains("postalCode", "iban", "taxNumber");

        Map<String, Object> good = new java.util.LinkedHashMap<>();
        good.putAll(Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin",
                "country", "DE", "vatId", "DE123456789", "taxNumber", "30/123/45678", "iban", "DE02120300000000202051",
                "bic", "BYLADEM1001", "smallBusiness", false));
        good.put("ossEnabled", true);
        good.put("invoiceTrigger", "SHIPMENT");
        shop.put("/api/v1/settings/company", good).expect(200);
        JsonNode stored = shop.get("/api/v1/settings/company").expect(200).json();
        assertThat(stored.get("vatId").asString()).isEqualTo("DE123456789");
        assertThat(stored.get("ossEnabled").asBoolean()).isTrue();
        assertThat(stored.get("invoiceTrigger").asString()).isEqualTo("SHIPMENT");
    }
}
