package org.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.Chromium;
import org.o2c.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * A shop owner works the back-office in a real browser: signs in, finds the order that was held as
 * a possible duplicate, releases it with a reason and sees it confirmed — in English, in German and
 * on a phone.
 */
class BackOfficeBrowserIT extends IntegrationTest {
    private static final String PASSWORD = "browser-test-2026";
    private static final int PHONE_WIDTH = 390;

    Api shop;
    String username;
    String firstNumber;
    String heldNumber;
    String heldId;
    Chromium browser;
    ChromeDriver page;

    @BeforeEach
    void shopWithAHeldDuplicate() {
        shop = newShop("browser");
        username = "olga-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", username, "displayName", "Olga Owner", "password", PASSWORD,
                "role", "OWNER")).expect(201);
        shop.product("SOCK-1", "12.90", "STANDARD", 50);
        shop.product("TEA-1", "6.50", "REDUCED", 20);
        firstNumber = shop.post("/api/v1/orders", anna("web-1")).expect(201).json().get("number").asString();
        JsonNode held = shop.post("/api/v1/orders", anna("web-2")).expect(201).json();
        assertThat(held.at("/hold/reason").asString()).isEqualTo("POSSIBLE_DUPLICATE");
        heldNumber = held.get("number").asString();
        heldId = held.get("id").asString();
    }

    /** Anna's basket; the same again under another shop order id looks like a duplicate. */
    private static Map<String, Object> anna(String externalId) {
        return order(externalId).line("SOCK-1", 2).line("TEA-1", 1).billingCompany("Beispiel GmbH", "Hinterhaus")
                .build();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOwnerReleasesAHeldOrderAndSeesItConfirmed() {
        open(1280, 900);
        signIn();
        assertThat(page.findElement(By.cssSelector("header.top .user")).getText()).isEqualTo("Olga Owner");

        page.findElement(By.cssSelector("header.top nav a[href='/orders']")).click();
        browser.waiting().until(textToBe(By.tagName("h1"), "Orders"));
        browser.waiting().until(d -> orderNumbersListed().equals(List.of(heldNumber, firstNumber)));

        page.findElement(By.id("filter-ON_HOLD")).click();
        browser.waiting().until(attributeContains(By.id("filter-ON_HOLD"), "class", "active"));
        browser.waiting().until(d -> orderNumbersListed().equals(List.of(heldNumber)));

        page.findElement(By.linkText(heldNumber)).click();
        browser.waiting().until(textToBe(By.id("order-status"), "On hold"));
        assertThat(page.findElement(By.cssSelector("section.hold h2")).getText()).isEqualTo("On hold: Possible duplicate");
        assertThat(page.findElement(By.cssSelector("section.columns address")).getText().lines())
                .containsExactly("Anna Beispiel", "Beispiel GmbH", "Lindenweg 5", "Hinterhaus", "80331 München", "DE");
        assertThat(page.findElement(By.cssSelector("section.columns")).getText()).contains("Payment: Invoice");
        browser.screenshot("order-held-desktop");

        page.findElement(By.id("release-reason")).sendKeys("customer wants two parcels");
        page.findElement(By.id("release")).click();

        browser.waiting().until(textToBe(By.id("order-status"), "Confirmed"));
        assertThat(page.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("The order was released.");
        assertThat(page.findElements(By.id("release"))).isEmpty();
        historyEndsWith("Confirmed", "customer wants two parcels", "user:" + username);
        assertThat(healthy()).isEmpty();
        browser.screenshot("order-released-desktop");

        JsonNode stored = shop.get("/api/v1/orders/" + heldId).expect(200).json();
        assertThat(stored.get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void anAccountantCreditsAReturnedItemOnTheInvoicePage() {
        shop.put("/api/v1/settings/company", Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "taxNumber", "30/123/45678",
                "iban", "DE02120300000000202051")).expect(200);
        String firstId = shop.get("/api/v1/orders?q=" + firstNumber).json().get("items").get(0).get("id").asString();
        JsonNode invoice = shop.post("/api/v1/orders/" + firstId + "/invoice", Map.of()).expect(201).json();
        String number = invoice.get("number").asString();

        open(1280, 900);
        signIn();
        page.findElement(By.cssSelector("header.top nav a[href='/invoices']")).click();
        browser.waiting().until(textToBe(By.tagName("h1"), "Invoices"));
        page.findElement(By.linkText(number)).click();
        browser.waiting().until(textToBe(By.id("invoice-status"), "Open"));
        assertThat(page.findElement(By.id("invoice-gross")).getText()).isEqualTo(invoice.at("/totals/gross").asString() + " EUR");

        page.findElement(By.name("qty_SOCK-1")).sendKeys("1");
        page.findElement(By.id("credit-reason")).sendKeys("one pair came back");
        page.findElement(By.id("credit-submit")).click();

        browser.waiting().until(presenceOfElementLocated(By.cssSelector("p.notice")));
        assertThat(page.findElement(By.cssSelector("p.notice")).getText()).startsWith("Credit note GS-");
        JsonNode after = shop.get("/api/v1/invoices/" + invoice.get("id").asString()).expect(200).json();
        assertThat(page.findElement(By.id("invoice-open")).getText()).isEqualTo(after.get("openAmount").asString());
        assertThat(after.get("credited").asString()).isEqualTo("12.90");
        assertThat(healthy()).isEmpty();
        browser.screenshot("invoice-credited");
    }

    @Test
    void theSearchBoxNarrowsTheListWhileTyping() {
        open(1280, 900);
        signIn();
        page.get(baseUrl() + "/orders");
        browser.waiting().until(d -> orderNumbersListed().size() == 2);

        page.findElement(By.id("order-search")).sendKeys(heldNumber);

        // htmx swaps the rows in place: the page is not reloaded, so the search box keeps its text.
        browser.waiting().until(d -> orderNumbersListed().equals(List.of(heldNumber)));
        assertThat(page.findElement(By.id("order-search")).getAttribute("value")).isEqualTo(heldNumber);
        assertThat(healthy()).isEmpty();
    }

    @Test
    void theBackOfficeSpeaksGermanWhenAskedAndKeepsIt() {
        open(1280, 900);
        page.get(baseUrl() + "/login?lang=de");
        browser.waiting().until(textToBe(By.tagName("h2"), "Anmelden"));
        assertThat(page.findElement(By.id("login-submit")).getText()).isEqualTo("Anmelden");
        signIn();

        page.get(baseUrl() + "/orders");
        browser.waiting().until(textToBe(By.tagName("h1"), "Bestellungen"));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(page.findElement(By.id("filter-ON_HOLD")).getText()).isEqualTo("Angehalten");
        assertThat(page.findElement(By.id("logout")).getText()).isEqualTo("Abmelden");

        page.findElement(By.id("filter-ON_HOLD")).click();
        browser.waiting().until(attributeContains(By.id("filter-ON_HOLD"), "class", "active"));
        page.findElement(By.linkText(heldNumber)).click();
        browser.waiting().until(textToBe(By.id("order-status"), "Angehalten"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Bestellung " + heldNumber);
        assertThat(page.findElement(By.cssSelector("section.hold h2")).getText()).isEqualTo("Angehalten: Mögliches Duplikat");
        assertThat(page.findElement(By.id("release")).getText()).isEqualTo("Freigeben");
        assertThat(page.findElement(By.cssSelector("section.columns")).getText()).contains("Zahlart: Rechnung");

        page.findElement(By.id("release-reason")).sendKeys("Kundin möchte zwei Pakete");
        page.findElement(By.id("release")).click();

        browser.waiting().until(textToBe(By.id("order-status"), "Bestätigt"));
        assertThat(page.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Die Bestellung wurde freigegeben.");
        historyEndsWith("Bestätigt", "Kundin möchte zwei Pakete", "user:" + username);
        assertThat(healthy()).isEmpty();
        browser.screenshot("order-released-de");

        page.findElement(By.id("language-switch")).click();
        browser.waiting().until(textToBe(By.id("order-status"), "Confirmed"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Order " + heldNumber);
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void onAPhoneTheHeldOrderCanBeReleasedWithoutScrollingSideways() {
        openPhone(PHONE_WIDTH, 844);
        signIn();

        page.get(baseUrl() + "/orders?status=ON_HOLD");
        browser.waiting().until(presenceOfElementLocated(By.linkText(heldNumber)));
        browser.screenshot("orders-held-phone");
        assertFitsThePhone();

        page.findElement(By.linkText(heldNumber)).click();
        browser.waiting().until(textToBe(By.id("order-status"), "On hold"));
        browser.screenshot("order-held-phone");
        assertFitsThePhone();
        for (String id : List.of("release-reason", "release")) {
            WebElement e = page.findElement(By.id(id));
            Rectangle r = e.getRect();
            assertThat(e.isDisplayed()).as(id + " shown").isTrue();
            assertThat(r.getX()).as(id + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(r.getX() + r.getWidth()).as(id + " right edge").isLessThanOrEqualTo(PHONE_WIDTH);
            assertThat(r.getHeight()).as(id + " tall enough to tap").isGreaterThanOrEqualTo(32);
        }

        page.findElement(By.id("release-reason")).sendKeys("checked by phone");
        browser.waiting().until(elementToBeClickable(By.id("release"))).click();

        browser.waiting().until(textToBe(By.id("order-status"), "Confirmed"));
        historyEndsWith("Confirmed", "checked by phone", "user:" + username);
        assertThat(healthy()).isEmpty();
    }

    @Test
    void aWarehouseWorkerSeesTheHeldOrderButMayNotReleaseIt() {
        username = "willi-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", username, "displayName", "Willi Lager", "password", PASSWORD,
                "role", "WAREHOUSE")).expect(201);
        open(1280, 900);
        signIn();

        page.get(baseUrl() + "/orders/" + heldId);
        browser.waiting().until(textToBe(By.id("order-status"), "On hold"));
        assertThat(page.findElements(By.id("release"))).isEmpty();
        assertThat(page.findElements(By.id("cancel"))).isEmpty();

        // Sent anyway (an old tab, a crafted form): refused with the error page, not problem JSON.
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector('input[name=_csrf]').value;
                fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: 'reason=because&_csrf=' + encodeURIComponent(csrf)})
                    .then(r => done([r.status, r.headers.get('Content-Type')]));
                """, "/orders/" + heldId + "/release");
        assertThat(((Number) answer.get(0)).intValue()).isEqualTo(403);
        assertThat((String) answer.get(1)).startsWith("text/html");
        assertThat(shop.get("/api/v1/orders/" + heldId).json().get("status").asString()).isEqualTo("ON_HOLD");
    }

    @Test
    void everyBackOfficePageOpensInEnglishAndGermanAndFitsAPhone() {
        record Page(String name, String path, String english, String german) {}
        List<Page> pages = List.of(new Page("home", "/", "Today", "Heute"),
                new Page("orders", "/orders", "Orders", "Bestellungen"),
                new Page("order", "/orders/" + heldId, "Order " + heldNumber, "Bestellung " + heldNumber),
                new Page("products", "/products", "Products & stock", "Artikel & Bestand"),
                new Page("product", "/products/SOCK-1", "Article SOCK-1 SOCK-1", "Article SOCK-1 SOCK-1"));
        openPhone(PHONE_WIDTH, 844);
        signIn();

        for (String language : List.of("en", "de")) {
            page.get(baseUrl() + "/?lang=" + language);
            browser.waiting().until(attributeContains(By.tagName("html"), "lang", language));
            for (Page p : pages) {
                page.get(baseUrl() + p.path());
                String heading = language.equals("de") ? p.german() : p.english();
                browser.waiting().until(textToBe(By.tagName("h1"), heading));
                assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).as(p.path()).isEqualTo(language);
                assertThat(page.findElement(By.cssSelector("header.top nav")).getText())
                        .as(p.path()).contains(language.equals("de") ? "Bestellungen" : "Orders");
                assertThat(healthy()).as(p.path()).isEmpty();
                browser.screenshot("phone-" + language + "-" + p.name());
                assertFitsThePhone();
            }
        }
    }

    // ---- the steps a person takes ----

    private void open(int width, int height) {
        browser = Chromium.desktop(width, height);
        page = browser.driver();
    }

    private void openPhone(int width, int height) {
        browser = Chromium.phone(width, height);
        page = browser.driver();
    }

    private void signIn() {
        if (!page.getCurrentUrl().contains("/login")) {
            page.get(baseUrl() + "/login");
        }
        browser.waiting().until(presenceOfElementLocated(By.id("username"))).sendKeys(username);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("login-submit")).click();
        browser.waiting().until(presenceOfElementLocated(By.id("logout")));
        assertThat(healthy()).isEmpty();
    }

    private List<String> orderNumbersListed() {
        try {
            return page.findElements(By.cssSelector("#order-rows a.order-link")).stream().map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
            // htmx replaced the rows between finding and reading them; every caller waits, so it just asks again.
            return List.of();
        }
    }

    /** The newest line of the order's history says this status, reason and who. */
    private void historyEndsWith(String status, String reason, String actor) {
        browser.waiting().until(d -> {
            List<WebElement> rows = page.findElements(By.cssSelector("#history tbody tr"));
            return !rows.isEmpty() && rows.get(rows.size() - 1).findElements(By.tagName("td")).subList(1, 4).stream()
                    .map(WebElement::getText).toList().equals(List.of(status, reason, actor));
        });
    }

    private List<String> healthy() {
        return browser.pageProblems();
    }

    /** A page wider than the phone is zoomed out (innerWidth grows) or scrolls sideways (scrollWidth grows). */
    private void assertFitsThePhone() {
        assertThat(((Number) script("return window.innerWidth;")).intValue()).as("layout width").isEqualTo(PHONE_WIDTH);
        assertThat(((Number) script("return document.documentElement.scrollWidth;")).intValue()).as("content width")
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private Object script(String js) {
        return ((JavascriptExecutor) page).executeScript(js);
    }
}
