package org.o2c.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talks to the running application like a shop plug-in would. */
public class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;
    private final JsonMapper json;
    private final String token;
    public final Long shopId;

    public Api(int port, JsonMapper json, String token, Long shopId) {
        this.port = port;
        this.json = json;
        this.token = token;
        this.shopId = shopId;
    }

    public Api withToken(String other) {
        return new Api(port, json, other, shopId);
    }

    /** One answer: status, headers, body. */
    public record Response(int status, String contentType, String body, JsonMapper mapper) {
        public JsonNode json() {
            return mapper.readTree(body);
        }

        public Response expect(int expected) {
            assertThat(status).as("HTTP status, body: %s", body).isEqualTo(expected);
            return this;
        }

        public Response expectProblem(int expected) {
            expect(expected);
            assertThat(contentType).startsWith("application/problem+json");
            return this;
        }
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body))));
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body))));
    }

    public Response raw(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    // ---- shop fixtures ----

    public void product(String sku, String price, String taxCategory, int stock) {
        put("/api/v1/products/" + sku, Map.of("name", "Article " + sku, "price", price, "currency", "EUR",
                "taxCategory", taxCategory, "weightGrams", 200, "location", "A-01-1")).expect(201);
        put("/api/v1/stock/" + sku, Map.of("onHand", stock)).expect(200);
    }

    public JsonNode stock(String sku) {
        return get("/api/v1/stock/" + sku).expect(200).json();
    }
}
