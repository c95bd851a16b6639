package org.o2c.integration;

import static org.o2c.integration.Payload.amount;
import static org.o2c.integration.Payload.firstOf;
import static org.o2c.integration.Payload.has;
import static org.o2c.integration.Payload.text;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.o2c.orders.OrderIntake;
import org.o2c.orders.PaymentMethod;
import tools.jackson.databind.JsonNode;

/**
 * A WooCommerce {@code order.created} webhook body (the REST API v3 order) as an o2c order.
 * WooCommerce line amounts are net: the gross unit price is the line's {@code total} plus
 * {@code total_tax} (after coupons, what the buyer pays) divided by the quantity.
 */
final class WooCommerceOrders {
    /** The body of WooCommerce's test delivery when a webhook is saved (WC_Webhook::deliver_ping). */
    private static final Pattern PING = Pattern.compile("webhook_id=\\d{1,20}");

    private WooCommerceOrders() {}

    /**
     * Whether this is WooCommerce's ping: sent once when a webhook is saved, unsigned, and needing
     * exactly 200 or the shop admin shows an error. It carries nothing o2c acts on.
     */
    static boolean isPing(byte[] body) {
        return body.length <= 40 && PING.matcher(new String(body, StandardCharsets.US_ASCII).strip()).matches();
    }

    /** The order in this body, or empty when the body is no order (or a checkout draft, not yet one). */
    static Optional<OrderIntake> intake(String connector, JsonNode o) {
        if (!o.isObject() || !o.path("line_items").isArray() || text(o, "id") == null
                || "checkout-draft".equals(text(o, "status"))) {
            return Optional.empty();
        }
        String currency = text(o, "currency");
        List<OrderIntake.Line> lines = new ArrayList<>();
        for (JsonNode li : o.path("line_items")) {
            Integer quantity = Payload.quantity(li);
            String unitPrice = null;
            if (has(li, "total")) {
                unitPrice = Payload.unitPrice(amount(li, "total").add(amount(li, "total_tax")), quantity, currency);
            } else if (has(li, "subtotal")) {
                unitPrice = Payload.unitPrice(amount(li, "subtotal").add(amount(li, "subtotal_tax")), quantity, currency);
            }
            lines.add(new OrderIntake.Line(text(li, "sku"), quantity, unitPrice));
        }
        BigDecimal shipping = amount(o, "shipping_total").add(amount(o, "shipping_tax"));

        JsonNode b = o.path("billing");
        OrderIntake.Address billing = address(b);
        OrderIntake.Address shippingAddress = address(o.path("shipping"));
        String ip = text(o, "customer_ip_address");
        String agent = Payload.userAgent(text(o, "customer_user_agent"));
        return Optional.of(new OrderIntake(connector + "-" + text(o, "id"), "woocommerce",
                new OrderIntake.Customer(text(b, "email"), Payload.name(text(b, "first_name"), text(b, "last_name")),
                        text(b, "company"), null),
                billing, shippingAddress, lines, Payload.money(shipping, currency), paymentMethod(o).name(), currency,
                ip == null && agent == null ? null : new OrderIntake.Client(ip, null, agent), null));
    }

    static PaymentMethod paymentMethod(JsonNode o) {
        PaymentMethod m = PaymentMethods.byGateway(text(o, "payment_method"));
        if (m == null) {
            m = PaymentMethods.byGateway(text(o, "payment_method_title"));
        }
        return m == null ? PaymentMethod.OTHER : m;
    }

    /** WooCommerce sends every address field, empty when unused: no street and no postcode means no address. */
    private static OrderIntake.Address address(JsonNode a) {
        if (!a.isObject() || (!has(a, "address_1") && !has(a, "postcode"))) {
            return null;
        }
        String name = Payload.name(text(a, "first_name"), text(a, "last_name"));
        return new OrderIntake.Address(firstOf(name, text(a, "company")), text(a, "company"), text(a, "address_1"),
                text(a, "address_2"), text(a, "postcode"), text(a, "city"), text(a, "country"));
    }
}
