package org.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Quiet fraud signals: honest buyers never notice anything; signals that add up hold the order
 * and the buyer gets a friendly e-mail whose link confirms and releases it.
 */
class FraudSignalsIT extends IntegrationTest {
    Api shop;

    @BeforeEach
    void shop() {
        shop = newShop("fraud");
        shop.product("CAM-1", "499.00", "STANDARD", 20);
        shop.product("SOCK-1", "12.90", "STANDARD", 100);
    }

    @Test
    void anHonestBuyerIsConfirmedWithoutSignalsAndGetsNoConfirmationMail() {
        JsonNode o = shop.post("/api/v1/orders", order("honest-1").email("honest@example.org").line("SOCK-1", 1)
                .client("203.0.113.7", "dev-honest").build()).expect(201).json();

        assertThat(o.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(o.at("/fraud/score").asInt()).isZero();
        assertThat(mailsTo("honest@example.org", Duration.ofSeconds(2))).isZero();
    }

    @Test
    void oneOddityAloneDoesNotHoldTheOrder() {
        // A gift sent to Austria: country mismatch alone is no reason to bother the buyer.
        JsonNode o = shop.post("/api/v1/orders", order("gift-1").email("gift@example.org").line("SOCK-1", 1)
                .shipTo("1010", "Wien", "AT").build()).expect(201).json();
        assertThat(o.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(o.at("/fraud/signals").findValuesAsString("code")).containsExactly("COUNTRY_MISMATCH");
    }

    @Test
    void signalsThatAddUpHoldTheOrderAndTheBuyersLinkConfirmsIt() throws Exception {
        String email = "quick.buyer@mailinator.com";
        JsonNode o = shop.post("/api/v1/orders", order("risky-1").email(email).line("CAM-1", 1)
                .billing("10115", "München", "DE").shipTo("1010", "Wien", "AT").build()).expect(201).json();

        assertThat(o.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(o.at("/hold/reason").asString()).isEqualTo("FRAUD_REVIEW");
        assertThat(o.at("/fraud/signals").findValuesAsString("code")).contains("DISPOSABLE_EMAIL",
                "FIRST_ORDER_HIGH_VALUE", "COUNTRY_MISMATCH", "POSTAL_CODE_CITY_MISMATCH");
        assertThat(shop.stock("CAM-1").get("reserved").asInt()).isEqualTo(1);

        MimeMessage mail = awaitMail(email);
        String body = GreenMailUtil.getBody(mail);
        Matcher link = Pattern.compile("(http://[^\\s\"<]+/portal/orders/[^\\s\"<]+)").matcher(body.replace("=\r\n", "").replace("&amp;", "&"));
        assertThat(link.find()).as("confirmation link in %s", body).isTrue();
        String url = link.group(1).replace("=3D", "=").replaceFirst("http://[^/]+", baseUrl());

        Api browser = new Api(port, json, null, null);
        Api.Response page = browser.send(browser.builder(url.substring(baseUrl().length())).GET());
        page.expect(200);
        assertThat(page.body()).contains("id=\"confirm\"");
        // Opening the link (as mail scanners do) confirms nothing.
        assertThat(reload(o).get("status").asString()).isEqualTo("ON_HOLD");

        Api.Response confirmed = browser.send(browser.builder(url.substring(baseUrl().length()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        confirmed.expect(200);
        assertThat(confirmed.body()).contains("id=\"confirmed\"");
        JsonNode after = reload(o);
        assertThat(after.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(after.get("statusHistory").findValuesAsString("actor")).contains("customer:" + email);
    }

    @Test
    void aTamperedConfirmationLinkIsRefused() {
        JsonNode o = shop.post("/api/v1/orders", order("risky-2").email("x@trashmail.de").line("CAM-1", 1)
                .billing("10115", "Hamburg", "DE").build()).expect(201).json();
        assertThat(o.get("status").asString()).isEqualTo("ON_HOLD");

        Api browser = new Api(port, json, null, null);
        String path = "/portal/orders/" + o.get("id").asString() + "/confirm?exp=" + (Instant.now().getEpochSecond() + 3600)
                + "&sig=forged";
        assertThat(browser.send(browser.builder(path).POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);
        assertThat(reload(o).get("status").asString()).isEqualTo("ON_HOLD");
    }

    @Test
    void manyOrdersFromOneDeviceAddUp() {
        for (int i = 0; i < 3; i++) {
            shop.post("/api/v1/orders", order("burst-" + i).email("burst" + i + "@example.org").line("SOCK-1", 1 + i)
                    .client("198.51.100.23", "device-burst").build()).expect(201);
        }
        JsonNode fourth = shop.post("/api/v1/orders", order("burst-3").email("burst3@example.org").line("CAM-1", 1)
                .client("198.51.100.23", "device-burst").build()).expect(201).json();

        assertThat(fourth.at("/fraud/signals").findValuesAsString("code")).contains("MANY_ORDERS", "FIRST_ORDER_HIGH_VALUE");
        assertThat(fourth.get("status").asString()).isEqualTo("ON_HOLD");
    }

    @Test
    void aPostalCodeThatDoesNotExistIsASignal() {
        JsonNode o = shop.post("/api/v1/orders", order("nowhere-1").email("nowhere@example.org").line("SOCK-1", 1)
                .billing("99999", "Irgendwo", "DE").build()).expect(201).json();
        assertThat(o.at("/fraud/signals").findValuesAsString("code")).contains("UNKNOWN_POSTAL_CODE");
    }

    private JsonNode reload(JsonNode o) {
        return shop.get("/api/v1/orders/" + o.get("id").asString()).expect(200).json();
    }

    private static int mailsTo(String address, Duration wait) {
        Instant until = Instant.now().plus(wait);
        int count;
        do {
            count = count(address);
            if (count > 0) {
                return count;
            }
            sleepBriefly();
        } while (Instant.now().isBefore(until));
        return count;
    }

    private static MimeMessage awaitMail(String address) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage m : MAIL.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    return m;
                }
            }
            sleepBriefly();
        }
        throw new AssertionError("no mail to " + address + " within 30 s");
    }

    private static int count(String address) {
        int n = 0;
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    n++;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
