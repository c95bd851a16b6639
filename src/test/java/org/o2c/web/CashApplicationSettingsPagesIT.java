package org.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The bookkeeper changes the matching settings on their page (percent, German decimal commas), sees
 * each bad value named in German, and the warehouse may not open the page at all.
 */
class CashApplicationSettingsPagesIT extends IntegrationTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, String csrfFrom, Map<String, String> form)
            throws Exception {
        Matcher m = CSRF.matcher(csrfFrom);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signedIn(Api shop, String role) throws Exception {
        String user = role.toLowerCase() + "-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", user, "displayName", "User " + role, "password",
                "settings-2026-pass", "role", role)).expect(201);
        HttpClient browser = browser();
        HttpResponse<String> login = get(browser, "/login");
        post(browser, "/login", login.body(), Map.of("username", user, "password", "settings-2026-pass"));
        return browser;
    }

    private static Map<String, String> form(String toleranceAmount, String automatic, String suggestion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("toleranceAmount", toleranceAmount);
        m.put("tolerancePercent", "3");
        m.put("differenceAccount", "6855");
        m.put("skontoGraceDays", "5");
        m.put("skontoAccount", "4736");
        m.put("automaticThreshold", automatic);
        m.put("suggestionThreshold", suggestion);
        m.put("nameSimilarity", "92");
        m.put("maxInvoicesPerPayment", "4");
        return m;
    }

    @Test
    void theBookkeeperSavesTheSettingsInPercentAndSeesBadValuesNamed() throws Exception {
        Api shop = newShop("settings-page");
        HttpClient accounting = signedIn(shop, "ACCOUNTING");
        HttpResponse<String> page = get(accounting, "/settings/cash-application?lang=de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Einstellungen der Zahlungszuordnung").contains("value=\"85\"")
                .contains("value=\"4970\"").contains("Nebenkosten des Geldverkehrs");

        HttpResponse<String> refused = post(accounting, "/settings/cash-application", page.body(),
                form("-1", "20", "40"));
        assertThat(refused.body()).contains("id=\"settings-errors\"").contains("data-field=\"toleranceAmount\"")
                .contains("data-field=\"automaticThreshold\"").contains("nicht unter der Vorschlagsschwelle")
                .contains("value=\"-1\"");
        assertThat(shop.get("/api/v1/settings/cash-application").json().get("toleranceAmount").asString())
                .isEqualTo("2.50");

        HttpResponse<String> saved = post(accounting, "/settings/cash-application", refused.body(),
                form("3,50", "90", "40"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"settings-flash\"").contains("id=\"settings-changed\"");
        JsonNode api = shop.get("/api/v1/settings/cash-application").json();
        assertThat(api.get("toleranceAmount").asString()).isEqualTo("3.50");
        assertThat(api.get("automaticThreshold").decimalValue()).isEqualByComparingTo("0.90");
        assertThat(api.get("suggestionThreshold").decimalValue()).isEqualByComparingTo("0.40");
        assertThat(api.get("nameSimilarity").decimalValue()).isEqualByComparingTo("0.92");
        assertThat(api.get("skontoGraceDays").asInt()).isEqualTo(5);
        assertThat(api.get("differenceAccount").asString()).isEqualTo("6855");
        assertThat(api.get("updatedBy").asString()).contains("accounting-" + shop.shopId);
    }

    @Test
    void theWarehouseMayNotOpenTheSettings() throws Exception {
        Api shop = newShop("settings-page-warehouse");
        HttpClient warehouse = signedIn(shop, "WAREHOUSE");
        assertThat(get(warehouse, "/settings/cash-application").statusCode()).isEqualTo(403);
        assertThat(get(warehouse, "/payments").body()).doesNotContain("matching-settings-link");
    }
}
