package org.o2c.support;

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

/** A signed-in back-office session without a browser: pages as HTML, forms posted with their CSRF token. */
public final class BackOffice {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private BackOffice(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Creates a user of the shop with this role and signs in as it. */
    public static BackOffice signIn(String baseUrl, Api shop, String role) {
        String user = role.toLowerCase() + "-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", user, "displayName", "Test " + role, "password",
                "back-office-2026-pass", "role", role)).expect(201);
        BackOffice b = new BackOffice(baseUrl);
        b.post("/login", b.get("/login"), Map.of("username", user, "password", "back-office-2026-pass"));
        return b;
    }

    /** The HTTP status of a page, for pages the user must not see. */
    public int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** Posts a form of the page {@code csrfFrom} (its token goes along) and answers the page it leads to. */
    public String post(String path, String csrfFrom, Map<String, String> form) {
        Matcher m = CSRF.matcher(csrfFrom);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("HTTP status of %s", request.uri()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
