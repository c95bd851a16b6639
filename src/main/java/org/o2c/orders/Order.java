package org.o2c.orders;

import java.time.Instant;
import java.util.List;
import org.o2c.shared.CustomerId;
import org.o2c.shared.Money;
import org.o2c.shared.OrderId;

/**
 * An order as stored, with its lines, totals, holds, signals and history. {@code carrier} is the buyer's choice
 * (null: the shop's default); {@code promisedShipDate} the date o2c promised at intake to ship by (null for
 * orders taken before the promise existed).
 */
public record Order(OrderId id, String number, String externalId, String channel, CustomerId customerId,
        String customerNumber, String email, String customerName, String company, String vatId,
        String buyerReference, String language,
        PostalAddress billingAddress, PostalAddress shippingAddress, PaymentMethod paymentMethod, Money shipping,
        Totals totals, OrderStatus status, HoldReason holdReason, String holdDetail, int fraudScore,
        List<FraudSignal> fraudSignals, String clientIp, String clientDevice, Instant placedAt, List<Line> lines,
        List<StatusChange> history, String carrier, java.time.LocalDate promisedShipDate) {

    /** A normalised postal address. */
    public record PostalAddress(String name, String company, String street, String street2, String postalCode,
            String city, String country) {}

    /** One order line; {@code unitPrice} and {@code gross} are gross amounts. */
    public record Line(int lineNo, String sku, String name, int quantity, Money unitPrice, String taxCategory,
            java.math.BigDecimal taxRate, Money gross) {}

    /** Net, tax and gross of the whole order, tax computed per rate group and rounded once. */
    public record Totals(Money net, Money tax, Money gross) {}

    /** One step of the order's history: who moved it where, when and why. */
    public record StatusChange(OrderStatus status, String reason, String actor, Instant at) {}

    /** One quiet fraud signal with the points it adds and a sentence a person understands. */
    public record FraudSignal(String code, int points, String detail) {}
}
