package org.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.LineStatus;
import org.o2c.banking.PaymentMatching;
import org.o2c.banking.TransactionKind;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.support.Api;
import org.o2c.support.Chromium;
import org.o2c.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An accountant works the exception queue in a real browser: a partial payment waits with its suggestion
 * and reasons, one click applies it, another undoes it — on a desktop in English and on a phone in German.
 */
class PaymentQueueBrowserIT extends IntegrationTest {
    private static final String PASSWORD = "browser-test-2026";
    private static final int PHONE_WIDTH = 390;

    @Autowired
    PaymentMatching matching;

    Api shop;
    String username;
    JsonNode invoice;
    long lineId;
    Chromium browser;
    ChromeDriver page;

    @BeforeEach
    void aPartialPaymentWaitsForAPerson() {
        shop = newShop("payments-browser");
        username = "anke-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", username, "displayName", "Anke Accounting", "password", PASSWORD,
                "role", "ACCOUNTING")).expect(201);
        Map<String, Object> company = new HashMap<>(Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "taxNumber", "30/123/45678",
                "iban", "DE02120300000000202051"));
        shop.put("/api/v1/settings/company", company).expect(200);
        shop.product("SOCK-1", "12.90", "STANDARD", 50);
        String orderId = shop.post("/api/v1/orders", order("pay-1").line("SOCK-1", 3).build()).expect(201).json()
                .get("id").asString();
        invoice = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();
        String number = invoice.get("number").asString();
        for (int i = 0; i < 300 && shop.get("/api/v1/receivables/open-items/" + number).status() != 200; i++) {
            pause();
        }
        lineId = System.nanoTime() % 1_000_000_000L;
        BankTransaction line = new BankTransaction(lineId, new ShopId(shop.shopId), 1, LocalDate.now(), LocalDate.now(),
                Money.of("20.00", "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, "Petra Kaiser",
                "DE75512108001245126199", null, "Anzahlung " + number, null, null, null, false, null);
        assertThat(matching.match(new ShopId(shop.shopId), List.of(line)).get(lineId).status())
                .isEqualTo(LineStatus.SUGGESTED);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAccountantAcceptsASuggestionAndUndoesIt() {
        browser = Chromium.desktop(1280, 900);
        page = browser.driver();
        signIn();
        page.findElement(By.id("nav-payments")).click();
        browser.waiting().until(textToBe(By.tagName("h1"), "Payments to check"));
        WebElement card = page.findElement(By.id("line-" + lineId));
        assertThat(card.getText()).contains("20.00 EUR", "Petra Kaiser", invoice.get("number").asString(),
                "in the remittance text");
        browser.screenshot("payments-queue");

        page.findElement(By.id("accept-" + lineId)).click();

        browser.waiting().until(presenceOfElementLocated(By.id("payments-flash")));
        assertThat(page.findElement(By.id("payments-flash")).getText()).isEqualTo("Applied 20.00 from Petra Kaiser.");
        assertThat(page.findElements(By.id("line-" + lineId))).isEmpty();
        assertThat(status()).isEqualTo("PARTIALLY_PAID");

        page.findElement(By.id("undo-" + lineId)).click();

        browser.waiting().until(presenceOfElementLocated(By.id("accept-" + lineId)));
        assertThat(page.findElement(By.id("payments-flash")).getText()).startsWith("Undone: 20.00");
        assertThat(status()).isEqualTo("OPEN");
        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void onAPhoneInGermanTheQueueFitsAndTheButtonsCanBeTapped() {
        browser = Chromium.phone(PHONE_WIDTH, 844);
        page = browser.driver();
        signIn();
        page.get(baseUrl() + "/payments?lang=de");
        browser.waiting().until(attributeContains(By.tagName("html"), "lang", "de"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Zu prüfende Zahlungen");
        WebElement accept = page.findElement(By.id("accept-" + lineId));
        assertThat(accept.getText()).isEqualTo("Übernehmen");
        Rectangle r = accept.getRect();
        assertThat(r.getX() + r.getWidth()).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(r.getHeight()).isGreaterThanOrEqualTo(32);
        browser.screenshot("payments-queue-phone-de");
        assertThat(((Number) script("return window.innerWidth;")).intValue()).isEqualTo(PHONE_WIDTH);
        assertThat(((Number) script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(PHONE_WIDTH);

        accept.click();
        browser.waiting().until(presenceOfElementLocated(By.id("payments-flash")));
        assertThat(page.findElement(By.id("payments-flash")).getText()).isEqualTo("20.00 von Petra Kaiser zugeordnet.");
        page.get(baseUrl() + "/");
        browser.waiting().until(textToBe(By.tagName("h1"), "Heute"));
        assertThat(page.findElement(By.id("tile-match-rate")).getText()).contains("0.0 %");
        assertThat(browser.pageProblems()).isEmpty();
    }

    private String status() {
        return shop.get("/api/v1/invoices/" + invoice.get("id").asString()).expect(200).json().get("status").asString();
    }

    private void signIn() {
        page.get(baseUrl() + "/login");
        browser.waiting().until(presenceOfElementLocated(By.id("username"))).sendKeys(username);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("login-submit")).click();
        browser.waiting().until(presenceOfElementLocated(By.id("logout")));
    }

    private Object script(String js) {
        return ((JavascriptExecutor) page).executeScript(js);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
