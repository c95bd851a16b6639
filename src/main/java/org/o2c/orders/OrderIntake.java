package org.o2c.orders;

import java.util.List;

/**
 * An order as a web shop sends it (the contract's {@code POST /api/v1/orders} body). Everything is
 * a string or boxed number so intake can name every bad field instead of failing on the first.
 * {@code carrier} is the carrier the buyer chose at checkout (DHL, DPD…), optional.
 */
public record OrderIntake(String externalId, String channel, Customer customer, Address billingAddress,
        Address shippingAddress, List<Line> lines, String shippingCost, String paymentMethod, String currency,
        Client client, String language, String carrier) {

    /** Without a carrier: the shop's default carrier ships it. */
    public OrderIntake(String externalId, String channel, Customer customer, Address billingAddress,
            Address shippingAddress, List<Line> lines, String shippingCost, String paymentMethod, String currency,
            Client client, String language) {
        this(externalId, channel, customer, billingAddress, shippingAddress, lines, shippingCost, paymentMethod,
                currency, client, language, null);
    }

    /**
     * The buyer. {@code buyerReference} is what a public-sector buyer needs on its e-invoice (the
     * Leitweg-ID, BT-10); others leave it empty.
     */
    public record Customer(String email, String name, String company, String vatId, String buyerReference) {
        public Customer(String email, String name, String company, String vatId) {
            this(email, name, company, vatId, null);
        }
    }

    /** A postal address. */
    public record Address(String name, String company, String street, String street2, String postalCode,
            String city, String country) {}

    /** One ordered article; {@code unitPrice} (gross) is what the shop charged, default the catalogue price. */
    public record Line(String sku, Integer quantity, String unitPrice) {}

    /** What the shop saw of the buyer: IP address, device fingerprint, browser. Never the caller's address. */
    public record Client(String ip, String deviceId, String userAgent) {}
}
