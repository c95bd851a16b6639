package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.Chromium;
import org.o2c.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** The customer opens the tracking link on a phone and asks for the parcel to go to a neighbour. */
class TrackingPageBrowserIT extends IntegrationTest {
    private static final int PHONE_WIDTH = 390;

    @Test
    void onAPhoneTheCustomerLeavesADeliveryPreference() {
        Api shop = newShop("track-browser");
        shop.product("MUG-1", "9.90", "STANDARD", 5);
        String orderId = shop.post("/api/v1/orders", order("tb-1").email("tb@example.org").set("language", "en")
                .line("MUG-1", 1).build()).expect(201).json().get("id").asString();
        String url = shop.post("/api/v1/orders/" + orderId + "/shipments", Map.of("carrier", "DHL",
                "trackingNumber", "00340434161094070001")).expect(201).json().get("trackingUrl").asString();
        String path = url.substring(url.indexOf("/portal/"));

        try (Chromium browser = Chromium.phone(PHONE_WIDTH, 800)) {
            ChromeDriver page = browser.driver();
            page.get(baseUrl() + path);
            browser.waiting().until(presenceOfElementLocated(By.id("timeline")));
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Packed, waiting for the carrier");
            assertThat(((Number) page.executeScript("return document.documentElement.scrollWidth;")).intValue())
                    .as("content width").isLessThanOrEqualTo(PHONE_WIDTH);

            new Select(page.findElement(By.id("preference-choice"))).selectByValue("NEIGHBOUR");
            page.findElement(By.cssSelector("#preference-form input[name=detail]")).sendKeys("Frau Yilmaz, EG links");
            page.findElement(By.id("save-preference")).click();

            browser.waiting().until(presenceOfElementLocated(By.id("saved")));
            assertThat(page.findElement(By.id("preference")).getText()).contains("With a neighbour")
                    .contains("Frau Yilmaz, EG links");
            assertThat(browser.pageProblems()).isEmpty();
            browser.screenshot("tracking-page-phone");
        }
        assertThat(shop.get("/api/v1/orders/" + orderId + "/shipments").json().get(0).get("deliveryPreference")
                .asString()).isEqualTo("NEIGHBOUR");
    }
}
