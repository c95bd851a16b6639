package org.o2c.orders;

import java.util.ArrayList;
import java.util.List;
import org.o2c.shared.Validation;

/**
 * An order as a German web shop sends it — Erika Mustermann in Berlin, two pairs of socks on
 * invoice — which each test changes only where its story needs to.
 */
final class IntakeFixture {
    private String email = "erika.mustermann@gmail.com";
    private String customerName = "Erika Mustermann";
    private OrderIntake.Address billing = address("10115", "Berlin", "DE");
    private OrderIntake.Address shipping;
    private final List<OrderIntake.Line> lines = new ArrayList<>(List.of(new OrderIntake.Line("SOCK-1", 2, "12.90")));
    private String shippingCost = "4.90";
    private String paymentMethod = "INVOICE";
    private String currency = "EUR";
    private OrderIntake.Client client = new OrderIntake.Client("203.0.113.7", "device-1", "Mozilla/5.0");
    private String language;

    private IntakeFixture() {}

    static IntakeFixture anOrder() {
        return new IntakeFixture();
    }

    static OrderIntake.Address address(String postalCode, String city, String country) {
        return new OrderIntake.Address("Erika Mustermann", null, "Heidestraße 17", null, postalCode, city, country);
    }

    IntakeFixture email(String email) {
        this.email = email;
        return this;
    }

    IntakeFixture billing(OrderIntake.Address billing) {
        this.billing = billing;
        return this;
    }

    IntakeFixture billing(String postalCode, String city, String country) {
        return billing(address(postalCode, city, country));
    }

    IntakeFixture shipTo(String postalCode, String city, String country) {
        this.shipping = new OrderIntake.Address("Max Mustermann", null, "Gartenweg 1", null, postalCode, city, country);
        return this;
    }

    IntakeFixture language(String language) {
        this.language = language;
        return this;
    }

    OrderIntake intake() {
        return new OrderIntake("shop-10001", "webshop", new OrderIntake.Customer(email, customerName, null, null),
                billing, shipping, List.copyOf(lines), shippingCost, paymentMethod, currency, client, language);
    }

    /** The intake as validation leaves it; fails the test if the fixture itself is invalid. */
    ValidIntake valid() {
        Validation v = new Validation();
        ValidIntake valid = IntakeValidator.validate(intake(), v);
        if (!v.isValid()) {
            throw new AssertionError("the fixture is not a valid order: " + v.errors());
        }
        return valid;
    }
}
