package org.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.orders.IntakeFixture.anOrder;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quiet fraud signals: each one alone is harmless, together they add up to a score. */
class FraudPolicyTest {

    private static final BigDecimal GROSS = new BigDecimal("30.70");

    /** A customer who has ordered before, with no other orders in the last hour. */
    private static FraudPolicy.Context returningCustomer() {
        return new FraudPolicy.Context(false, new BigDecimal("500.00"), 0, 0, 0, 5, 60);
    }

    private static FraudPolicy.Context firstOrder() {
        return new FraudPolicy.Context(true, new BigDecimal("500.00"), 0, 0, 0, 5, 60);
    }

    private static List<String> codes(List<Order.FraudSignal> signals) {
        return signals.stream().map(Order.FraudSignal::code).toList();
    }

    @Test
    void anHonestGermanOrderRaisesNoSignal() {
        List<Order.FraudSignal> signals = FraudPolicy.assess(anOrder().valid(), GROSS, firstOrder());

        assertThat(signals).isEmpty();
        assertThat(FraudPolicy.score(signals)).isZero();
    }

    @Test
    void anHonestOrderWithTheCityWrittenLooselyRaisesNoSignal() {
        var order = anOrder().billing("80331", "Muenchen", "DE").shipTo("60311", "Frankfurt", "DE").valid();

        assertThat(FraudPolicy.assess(order, GROSS, returningCustomer())).isEmpty();
    }

    // ---- throw-away e-mail addresses ----

    @ParameterizedTest
    @ValueSource(strings = {"someone@mailinator.com", "someone@yopmail.com", "someone@trashmail.de",
            "someone@wegwerfmail.de", "someone@10minutemail.com"})
    void knowsThrowAwayMailServices(String email) {
        assertThat(FraudPolicy.isDisposable(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"someone@inbox.mailinator.com", "someone@a.b.yopmail.com"})
    void aSubdomainOfAThrowAwayServiceIsThrowAwayToo(String email) {
        assertThat(FraudPolicy.isDisposable(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"erika@gmail.com", "erika@googlemail.com", "erika@web.de", "erika@gmx.de", "erika@gmx.net",
            "erika@gmx.at", "erika@t-online.de", "erika@outlook.com", "erika@hotmail.de", "erika@yahoo.de",
            "erika@icloud.com", "erika@posteo.de", "erika@freenet.de", "erika@bluewin.ch", "erika@aon.at"})
    void mainstreamProvidersAreNotFlagged(String email) {
        assertThat(FraudPolicy.isDisposable(email)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"someone@mailinator.com.example.org", "someone@mailinatorfan.de"})
    void onlyWholeParentDomainsCount(String email) {
        assertThat(FraudPolicy.isDisposable(email)).isFalse();
    }

    @Test
    void aThrowAwayAddressIsOneSignal() {
        List<Order.FraudSignal> signals = FraudPolicy.assess(anOrder().email("erika@mailinator.com").valid(), GROSS,
                returningCustomer());

        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("DISPOSABLE_EMAIL");
            assertThat(s.points()).isEqualTo(FraudPolicy.DISPOSABLE_EMAIL);
        });
    }

    // ---- addresses ----

    @Test
    void billingAndShippingInDifferentCountries() {
        var order = anOrder().shipTo("1010", "Wien", "AT").valid();

        List<Order.FraudSignal> signals = FraudPolicy.assess(order, GROSS, returningCustomer());

        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("COUNTRY_MISMATCH");
            assertThat(s.points()).isEqualTo(FraudPolicy.COUNTRY_MISMATCH);
            assertThat(s.detail()).contains("DE", "AT");
        });
    }

    @Test
    void aGermanPostalCodeOfAnotherCity() {
        var order = anOrder().billing("10115", "München", "DE").valid();

        List<Order.FraudSignal> signals = FraudPolicy.assess(order, GROSS, returningCustomer());

        // Billing and shipping are the same address here, so the mismatch counts once.
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("POSTAL_CODE_CITY_MISMATCH");
            assertThat(s.points()).isEqualTo(FraudPolicy.POSTAL_CODE_CITY_MISMATCH);
            assertThat(s.detail()).contains("billing", "10115", "Berlin", "München");
        });
    }

    @Test
    void aMismatchInTheShippingAddressIsNamedAsSuch() {
        var order = anOrder().shipTo("80331", "Hamburg", "DE").valid();

        assertThat(FraudPolicy.assess(order, GROSS, returningCustomer())).singleElement()
                .satisfies(s -> assertThat(s.detail()).startsWith("the shipping postal code 80331 belongs to München"));
    }

    @Test
    void aGermanPostalCodeThatDoesNotExist() {
        var order = anOrder().billing("99999", "Berlin", "DE").valid();

        assertThat(codes(FraudPolicy.assess(order, GROSS, returningCustomer()))).containsExactly("UNKNOWN_POSTAL_CODE");
    }

    @Test
    void anAustrianAndASwissPostalCodeAreCheckedToo() {
        var order = anOrder().billing("1010", "Graz", "AT").shipTo("8001", "Bern", "CH").valid();

        assertThat(codes(FraudPolicy.assess(order, GROSS, returningCustomer())))
                .containsExactly("COUNTRY_MISMATCH", "POSTAL_CODE_CITY_MISMATCH", "POSTAL_CODE_CITY_MISMATCH");
    }

    @Test
    void withoutPlaceDataForTheCountryTheCityIsNotJudged() {
        var order = anOrder().billing("75001", "Marseille", "FR").valid();

        assertThat(FraudPolicy.assess(order, GROSS, returningCustomer())).isEmpty();
    }

    // ---- the customer's history ----

    @Test
    void aHighFirstOrderIsASignalFromTheThresholdOn() {
        var order = anOrder().valid();

        assertThat(codes(FraudPolicy.assess(order, new BigDecimal("500.00"), firstOrder())))
                .containsExactly("FIRST_ORDER_HIGH_VALUE");
        assertThat(FraudPolicy.assess(order, new BigDecimal("499.99"), firstOrder())).isEmpty();
        assertThat(FraudPolicy.assess(order, new BigDecimal("5000.00"), returningCustomer())).isEmpty();
    }

    @Test
    void manyRecentOrdersFromTheSameIpAddress() {
        var order = anOrder().valid();
        var fiveFromThisIp = new FraudPolicy.Context(false, new BigDecimal("500.00"), 1, 5, 2, 5, 60);
        var fourFromThisIp = new FraudPolicy.Context(false, new BigDecimal("500.00"), 1, 4, 2, 5, 60);

        assertThat(FraudPolicy.assess(order, GROSS, fiveFromThisIp)).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("MANY_ORDERS");
            assertThat(s.detail()).isEqualTo("5 earlier orders from this IP address within 60 minutes");
        });
        assertThat(FraudPolicy.assess(order, GROSS, fourFromThisIp)).isEmpty();
    }

    // ---- the score ----

    @Test
    void theScoreIsTheSumOfTheSignalsPoints() {
        var order = anOrder().email("erika@inbox.mailinator.com").shipTo("10115", "München", "DE").valid();

        List<Order.FraudSignal> signals = FraudPolicy.assess(order, new BigDecimal("800.00"), firstOrder());

        assertThat(codes(signals)).containsExactly("FIRST_ORDER_HIGH_VALUE", "DISPOSABLE_EMAIL",
                "POSTAL_CODE_CITY_MISMATCH");
        assertThat(FraudPolicy.score(signals)).isEqualTo(30 + 35 + 25);
        assertThat(FraudPolicy.score(List.of())).isZero();
    }
}
