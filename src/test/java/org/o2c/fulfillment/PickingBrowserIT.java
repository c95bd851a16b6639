package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.Chromium;
import org.o2c.support.IntegrationTest;
import org.o2c.support.Orders;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A picker walks a wave on a phone: scans bins and items, gets a wrong item and a bad barcode refused loudly,
 * counts the right ones, reports a short pick (the order goes on hold) and finishes the wave.
 */
class PickingBrowserIT extends IntegrationTest {
    private static final String PASSWORD = "picker-test-2026";
    private static final int PHONE_WIDTH = 390;
    private static final String SOCK_GTIN = "4006381333931";
    private static final String TEA_GTIN = "4260123456788";

    Chromium browser;
    ChromeDriver page;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPickerWalksAWaveOnAPhone() {
        Api shop = newShop("picking-phone");
        String username = "paul-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", username, "displayName", "Paul Picker", "password", PASSWORD,
                "role", "WAREHOUSE")).expect(201);
        shop.put("/api/v1/warehouse/layout", PickWavesIT.CONTRACT_LAYOUT).expect(200);
        product(shop, "SOCK", SOCK_GTIN, "A-03-2");
        product(shop, "TEA", TEA_GTIN, "C-10-1");
        String socks = order(shop, "pick-1", "SOCK", 2);
        String tea = order(shop, "pick-2", "TEA", 1);
        String waveId = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(socks, tea))).expect(201).json()
                .get("id").asString();

        browser = Chromium.phone(PHONE_WIDTH, 844);
        page = browser.driver();
        page.get(baseUrl() + "/login");
        browser.waiting().until(presenceOfElementLocated(By.id("username"))).sendKeys(username);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("login-submit")).click();
        browser.waiting().until(presenceOfElementLocated(By.id("logout")));

        page.get(baseUrl() + "/picking");
        browser.waiting().until(presenceOfElementLocated(By.cssSelector("a.wave-link"))).click();
        browser.waiting().until(textToBe(By.id("stop-bin"), "A-03-2"));
        assertThat(page.findElement(By.id("stop-count")).getText()).isEqualTo("0 / 2");
        assertFitsThePhone();
        browser.screenshot("picking-stop-phone");

        scan("scan-bin", "B-03-2");
        assertThat(error()).contains("WRONG BIN");
        scan("scan-bin", "a-03-2");

        scan("scan-item", TEA_GTIN);
        assertThat(error()).contains("WRONG ITEM");
        assertThat(page.findElement(By.id("stop-count")).getText()).isEqualTo("0 / 2");
        browser.screenshot("picking-wrong-item-phone");
        scan("scan-item", "4006381333932");
        assertThat(error()).contains("NOT A VALID BARCODE");

        scan("scan-item", SOCK_GTIN);
        browser.waiting().until(textToBe(By.id("stop-count"), "1 / 2"));
        scan("scan-item", SOCK_GTIN);

        browser.waiting().until(textToBe(By.id("stop-bin"), "C-10-1"));
        scan("scan-bin", "C-10-1");
        var shortButton = page.findElement(By.id("report-short"));
        shortButton.click();
        browser.waiting().until(d -> replaced(shortButton));

        browser.waiting().until(presenceOfElementLocated(By.id("wave-done")));
        assertFitsThePhone();
        assertThat(browser.pageProblems()).isEmpty();
        browser.screenshot("picking-done-phone");

        assertThat(shop.get("/api/v1/orders/" + tea).json().get("status").asString()).isEqualTo("ON_HOLD");
        // Picked completely: in picking until its parcel leaves.
        assertThat(shop.get("/api/v1/orders/" + socks).json().get("status").asString()).isEqualTo("PICKING");
        var wave = shop.get("/api/v1/pick-waves/" + waveId).expect(200).json();
        assertThat(wave.get("status").asString()).isEqualTo("DONE");
        assertThat(wave.get("stops").get(0).get("picked").asInt()).isEqualTo(2);
        assertThat(wave.get("stops").get(1).get("missing").asInt()).isEqualTo(1);
        assertThat(shop.get("/api/v1/audit?subjectType=pick-wave&subjectId=" + waveId).json().findValuesAsString("action"))
                .containsExactly("pick-wave.created", "pick-wave.wrong-item", "pick-wave.short-pick", "pick-wave.picked");
    }

    private void scan(String field, String code) {
        var input = browser.waiting().until(presenceOfElementLocated(By.id(field)));
        input.sendKeys(code);
        page.findElement(By.id(field + "-submit")).click();
        browser.waiting().until(d -> replaced(input));
    }

    /**
     * Whether the page replaced the element. Chromium reports a node detached in the middle of the check
     * as "does not belong to the document" instead of a stale reference; both mean the same here.
     */
    private static boolean replaced(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private String error() {
        return browser.waiting().until(presenceOfElementLocated(By.id("scan-error"))).getText();
    }

    /** A page wider than the phone is zoomed out (innerWidth grows) or scrolls sideways (scrollWidth grows). */
    private void assertFitsThePhone() {
        JavascriptExecutor js = page;
        assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue()).isEqualTo(PHONE_WIDTH);
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private static void product(Api shop, String sku, String gtin, String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Article " + sku);
        body.put("gtin", gtin);
        body.put("price", "9.90");
        body.put("currency", "EUR");
        body.put("taxCategory", "STANDARD");
        body.put("weightGrams", 200);
        body.put("location", location);
        shop.put("/api/v1/products/" + sku, body).expect(201);
        shop.put("/api/v1/stock/" + sku, Map.of("onHand", 10)).expect(200);
    }

    private static String order(Api shop, String externalId, String sku, int quantity) {
        return shop.post("/api/v1/orders", Orders.order(externalId).email(externalId + "@example.org").line(sku, quantity)
                .build()).expect(201).json().get("id").asString();
    }
}
