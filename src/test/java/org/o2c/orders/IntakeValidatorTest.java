package org.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.orders.IntakeFixture.address;
import static org.o2c.orders.IntakeFixture.anOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.shared.Validation;

/** Intake reads what a shop sends, tidies it up, and names every bad field in one answer. */
class IntakeValidatorTest {

    private final Validation v = new Validation();

    private List<String> badFields() {
        return v.errors().stream().map(Problem.FieldError::field).toList();
    }

    private String messageFor(String field) {
        return v.errors().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().message();
    }

    @Test
    void tidiesUpWhatBuyersType() {
        OrderIntake in = new OrderIntake(" shop-10001 ", null,
                new OrderIntake.Customer("  Erika.Mustermann@GMAIL.com ", null, null, "de 123 456 789"),
                new OrderIntake.Address("  Erika   Mustermann ", null, "Heidestraße   17", null, "d-10115",
                        " Frankfurt  am   Main ", "de"),
                null, List.of(new OrderIntake.Line("SOCK-1", 2, "12.90")), null, " invoice ", null, null, null);

        ValidIntake valid = IntakeValidator.validate(in, v);

        assertThat(v.errors()).isEmpty();
        assertThat(valid.externalId()).isEqualTo("shop-10001");
        assertThat(valid.email()).isEqualTo("erika.mustermann@gmail.com");
        assertThat(valid.vatId()).isEqualTo("DE123456789");
        assertThat(valid.billing()).isEqualTo(new Order.PostalAddress("Erika Mustermann", null, "Heidestraße 17", null,
                "10115", "Frankfurt am Main", "DE"));
        assertThat(valid.paymentMethod()).isEqualTo(PaymentMethod.INVOICE);
    }

    @Test
    void fillsInWhatAShopMayLeaveOut() {
        OrderIntake in = new OrderIntake(null, null, new OrderIntake.Customer("erika@example.org", null, null, null),
                address("10115", "Berlin", "DE"), null, List.of(new OrderIntake.Line("SOCK-1", 1, null)), null,
                "PAYPAL", null, null, null);

        ValidIntake valid = IntakeValidator.validate(in, v);

        assertThat(v.errors()).isEmpty();
        assertThat(valid.channel()).isEqualTo("api");
        assertThat(valid.name()).isEqualTo("Erika Mustermann");   // from the billing address
        assertThat(valid.shipping()).isEqualTo(valid.billing());    // ship to the billing address
        assertThat(valid.shippingCost()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(valid.currency()).isEqualTo(Money.EUR);
        assertThat(valid.language()).isEqualTo("de");
        assertThat(valid.lines()).singleElement().satisfies(l -> assertThat(l.unitPrice()).isNull());
    }

    @Test
    void writesPostalCodesTheWayTheCountryDoes() {
        ValidIntake valid = IntakeValidator.validate(
                anOrder().billing("1234ab", "Amsterdam", "nl").shipTo("00950", "Warszawa", "PL").intake(), v);

        assertThat(v.errors()).isEmpty();
        assertThat(valid.billing().postalCode()).isEqualTo("1234 AB");
        assertThat(valid.billing().country()).isEqualTo("NL");
        assertThat(valid.shipping().postalCode()).isEqualTo("00-950");
        assertThat(valid.language()).isEqualTo("en");   // English outside the German-speaking countries
    }

    @Test
    void aLanguageTheShopSendsWins() {
        assertThat(IntakeValidator.validate(anOrder().language("en").intake(), v).language()).isEqualTo("en");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        List<OrderIntake.Line> lines = new ArrayList<>(Arrays.asList(
                new OrderIntake.Line("bad sku", 0, "1.234"),
                null,
                new OrderIntake.Line("SOCK-1", null, "-1"),
                new OrderIntake.Line("SOCK-1", 1, "12.90")));
        OrderIntake in = new OrderIntake("shop-10001", "webshop",
                new OrderIntake.Customer("erika@", null, null, "12"),
                new OrderIntake.Address("Erika\u0007", null, "Heidestraße 17", null, "10115", "Berlin", "XX"),
                new OrderIntake.Address("Max Mustermann", null, " ", null, "1234", "Berlin", "DE"),
                lines, "4,90", "bitcoin", "eur", new OrderIntake.Client("999.1.1.1", null, null), "fr");

        IntakeValidator.validate(in, v);

        assertThat(badFields()).containsExactlyInAnyOrder(
                "customer.email",
                "customer.vatId",
                "billingAddress.name",
                "billingAddress.country",
                "shippingAddress.street",
                "shippingAddress.postalCode",
                "currency",
                "lines[0].sku",
                "lines[0].quantity",
                "lines[0].unitPrice",
                "lines[1]",
                "lines[2].quantity",
                "lines[2].unitPrice",
                "shippingCost",
                "paymentMethod",
                "client.ip",
                "language");
        assertThat(messageFor("shippingAddress.postalCode")).isEqualTo("is not a postal code of DE (for example 26133)");
        assertThat(messageFor("billingAddress.country")).isEqualTo("is not an ISO 3166-1 alpha-2 country code");
        assertThat(messageFor("lines[0].unitPrice")).isEqualTo("must have at most 2 decimal places");
        assertThat(messageFor("lines[2].unitPrice")).isEqualTo("must not be negative");
        assertThat(messageFor("currency")).isEqualTo("must be an upper-case ISO 4217 code such as EUR");
    }

    @Test
    void anEmptyOrderNamesWhatIsMissing() {
        IntakeValidator.validate(new OrderIntake(null, null, null, null, null, null, null, null, null, null, null), v);

        assertThat(badFields()).containsExactlyInAnyOrder("customer", "billingAddress", "lines", "paymentMethod");
    }

    @Test
    void anAddressNamesEachMissingPart() {
        IntakeValidator.validate(anOrder().billing(new OrderIntake.Address(null, null, null, null, null, null, null))
                .intake(), v);

        assertThat(badFields()).containsExactlyInAnyOrder("billingAddress.name", "billingAddress.street",
                "billingAddress.city", "billingAddress.country", "billingAddress.postalCode");
    }

    @Test
    void refusesMoreLinesThanAnyShopSends() {
        OrderIntake base = anOrder().intake();
        List<OrderIntake.Line> tooMany = Collections.nCopies(IntakeValidator.MAX_LINES + 1,
                new OrderIntake.Line("SOCK-1", 1, null));
        OrderIntake in = new OrderIntake(base.externalId(), base.channel(), base.customer(), base.billingAddress(),
                null, tooMany, base.shippingCost(), base.paymentMethod(), base.currency(), base.client(), null);

        IntakeValidator.validate(in, v);

        assertThat(badFields()).containsExactly("lines");
    }

    @Test
    void acceptsIpv4AndIpv6ClientAddresses() {
        for (String ip : List.of("192.168.0.1", "2001:db8::1", "::ffff:192.0.2.1")) {
            Validation fresh = new Validation();
            OrderIntake base = anOrder().intake();
            OrderIntake in = new OrderIntake(base.externalId(), base.channel(), base.customer(), base.billingAddress(),
                    null, base.lines(), base.shippingCost(), base.paymentMethod(), base.currency(),
                    new OrderIntake.Client(ip, null, null), null);

            assertThat(IntakeValidator.validate(in, fresh).clientIp()).isEqualTo(ip);
            assertThat(fresh.errors()).as(ip).isEmpty();
        }
    }

    @Test
    void theFixtureIsAValidOrder() {
        ValidIntake valid = anOrder().valid();

        assertThat(valid.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku().value()).isEqualTo("SOCK-1");
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.unitPrice()).isEqualByComparingTo("12.90");
        });
        assertThat(valid.shippingCost()).isEqualByComparingTo("4.90");
    }
}
