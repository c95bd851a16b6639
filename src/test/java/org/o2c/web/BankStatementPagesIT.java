package org.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.o2c.support.Api;
import org.o2c.support.Chromium;
import org.o2c.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The accountant uploads the bank's statement on a phone and sees its lines; a broken file is refused. */
class BankStatementPagesIT extends IntegrationTest {
    private static final String PASSWORD = "statement-test-2026";

    @TempDir
    Path tmp;
    Chromium browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAccountantUploadsAStatementAndSeesItsLines() throws Exception {
        Api shop = newShop("statement pages");
        String username = "alex-" + shop.shopId;
        shop.post("/api/v1/users", Map.of("username", username, "displayName", "Alex Accounting", "password", PASSWORD,
                "role", "ACCOUNTING")).expect(201);
        Path statement = copy("o2c__camt053.v8.dk-shop.xml");
        Path broken = copy("genkgo__camt053.v2.wrong.xml");

        browser = Chromium.phone(390, 844);
        ChromeDriver page = browser.driver();
        page.get(baseUrl() + "/login");
        browser.waiting().until(presenceOfElementLocated(By.id("username"))).sendKeys(username);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("login-submit")).click();
        browser.waiting().until(presenceOfElementLocated(By.id("logout")));

        page.get(baseUrl() + "/bank-statements");
        page.findElement(By.id("statement-file")).sendKeys(statement.toAbsolutePath().toString());
        page.findElement(By.cssSelector("#statement-upload button[type=submit]")).click();
        browser.waiting().until(presenceOfElementLocated(By.id("statement-lines")));
        assertThat(page.findElement(By.cssSelector("p.notice")).getText()).contains("5 lines booked");
        assertThat(page.findElements(By.cssSelector("#statement-lines tbody tr"))).hasSize(5);
        assertThat(page.findElement(By.id("statement-lines")).getText()).contains("Erika Mustermann", "Lisa Schön");
        assertThat(((Number) page.executeScript("return document.documentElement.scrollWidth;")).intValue())
                .as("fits the phone; too wide: %s", tooWide(page)).isLessThanOrEqualTo(390);
        assertThat(browser.pageProblems()).isEmpty();

        page.get(baseUrl() + "/bank-statements");
        page.findElement(By.id("statement-file")).sendKeys(broken.toAbsolutePath().toString());
        page.findElement(By.cssSelector("#statement-upload button[type=submit]")).click();
        browser.waiting().until(presenceOfElementLocated(By.cssSelector("ul.error")));
        assertThat(page.findElement(By.cssSelector("ul.error")).getText()).contains("refused").contains("no statement");
        assertThat(page.findElements(By.cssSelector("#statements a.statement-link"))).hasSize(1);
        assertThat(((Number) page.executeScript("return document.documentElement.scrollWidth;")).intValue())
                .as("fits the phone; too wide: %s", tooWide(page)).isLessThanOrEqualTo(390);
    }

    private static Object tooWide(ChromeDriver page) {
        return page.executeScript("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                + ".map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(' ');");
    }

    private Path copy(String resource) throws Exception {
        Path file = tmp.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/bank/" + resource)) {
            Files.copy(in, file);
        }
        return file;
    }
}
