package org.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Ugly input gets a clear problem+json 4xx naming what is wrong, never a 5xx. */
class ApiErrorsIT extends IntegrationTest {

    @Test
    void healthNeedsNoToken() {
        Api anonymous = new Api(port, json, null, null);
        assertThat(anonymous.get("/api/v1/health").expect(200).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() {
        Api anonymous = new Api(port, json, null, null);
        anonymous.get("/api/v1/orders").expectProblem(401);
        anonymous.withToken("o2c_not-a-real-token").get("/api/v1/products").expectProblem(401);
    }

    @Test
    void malformedJsonIs400() {
        Api shop = newShop("errors");
        JsonNode p = shop.post("/api/v1/orders", "{\"externalId\": \"x\", ").expectProblem(400).json();
        assertThat(p.get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        Api shop = newShop("errors-type");
        JsonNode p = shop.post("/api/v1/orders", "{\"lines\": [{\"sku\": \"A\", \"quantity\": \"many\"}]}")
                .expectProblem(400).json();
        assertThat(p.get("errors").findValuesAsString("field")).containsExactly("lines[0].quantity");
    }

    @Test
    void wrongContentTypeIs415() {
        Api shop = newShop("errors-ct");
        shop.raw("POST", "/api/v1/orders", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), Map.of())
                .expectProblem(415);
    }

    @Test
    void anOversizedBodyIs413AndNothingIsStored() {
        Api shop = newShop("errors-size");
        String huge = "{\"externalId\": \"big\", \"channel\": \"" + "x".repeat(2_000_000) + "\"}";
        shop.post("/api/v1/orders", huge).expectProblem(413);
        assertThat(shop.get("/api/v1/orders").json().get("items")).isEmpty();
    }

    @Test
    void anOversizedChunkedBodyWithoutLengthIs413() {
        Api shop = newShop("errors-chunked");
        byte[] chunk = ("{\"externalId\": \"" + "y".repeat(1_500_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(chunk);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> s) {
                inner.subscribe(s);
            }
        };
        Api.Response r = shop.send(shop.builder("/api/v1/orders").header("Content-Type", "application/json")
                .POST(unknownLength));
        r.expectProblem(413);
    }

    @Test
    void unknownThingsAre404Problems() {
        Api shop = newShop("errors-404");
        shop.get("/api/v1/orders/6b3c1d2e-0000-4000-8000-000000000000").expectProblem(404);
        shop.get("/api/v1/orders/not-a-uuid").expectProblem(404);
        shop.get("/api/v1/products/NOPE").expectProblem(404);
        shop.put("/api/v1/stock/NOPE", Map.of("onHand", 3)).expectProblem(404);
    }

    @Test
    void errorsBeforeAnyControllerAreProblemsToo() {
        Api shop = newShop("errors-early");
        // The firewall refuses an empty path segment before any controller sees the request.
        shop.post("/api/v1/orders//invoice", java.util.Map.of()).expectProblem(400);
        shop.get("/api/v1/no-such-resource").expectProblem(404);
    }

    @Test
    void productsAreValidated() {
        Api shop = newShop("errors-product");
        JsonNode p = shop.put("/api/v1/products/SOCK-1", Map.of("name", "", "gtin", "4006381333932", "price", "12.999",
                "taxCategory", "LUXURY")).expectProblem(422).json();
        assertThat(p.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "gtin", "price",
                "taxCategory");
        shop.get("/api/v1/products/SOCK-1").expectProblem(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        JsonNode doc = new Api(port, json, null, null).get("/api/v1/openapi.json").expect(200).json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/v1/orders")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/products/{sku}")).isTrue();
    }
}
