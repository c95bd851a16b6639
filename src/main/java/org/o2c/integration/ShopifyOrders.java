package org.o2c.integration;

import static org.o2c.integration.Payload.amount;
import static org.o2c.integration.Payload.firstOf;
import static org.o2c.integration.Payload.has;
import static org.o2c.integration.Payload.sum;
import static org.o2c.integration.Payload.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.o2c.orders.OrderIntake;
import org.o2c.orders.PaymentMethod;
import tools.jackson.databind.JsonNode;

/**
 * A Shopify {@code orders/create} webhook body (the REST Admin API order) as an o2c order. Prices are
 * what the buyer paid: line discounts are taken off, and taxes are added when the shop shows net
 * prices ({@code taxes_included: false}).
 */
final class ShopifyOrders {
    private ShopifyOrders() {}

    /** The order in this body, or empty when the body is no order. */
    static Optional<OrderIntake> intake(String connector, JsonNode o) {
        if (!o.isObject() || !o.path("line_items").isArray() || text(o, "id") == null) {
            return Optional.empty();
        }
        String currency = text(o, "currency");
        boolean taxesIncluded = o.path("taxes_included").asBoolean(false);

        List<OrderIntake.Line> lines = new ArrayList<>();
        for (JsonNode li : o.path("line_items")) {
            Integer quantity = Payload.quantity(li);
            String unitPrice = null;
            if (has(li, "price") && quantity != null) {
                BigDecimal gross = amount(li, "price").multiply(BigDecimal.valueOf(quantity))
                        .subtract(sum(li, "discount_allocations", "amount"));
                if (!taxesIncluded) {
                    gross = gross.add(sum(li, "tax_lines", "price"));
                }
                unitPrice = Payload.unitPrice(gross, quantity, currency);
            }
            lines.add(new OrderIntake.Line(text(li, "sku"), quantity, unitPrice));
        }

        BigDecimal shipping = BigDecimal.ZERO;
        for (JsonNode sl : o.path("shipping_lines")) {
            shipping = shipping.add(has(sl, "discounted_price") ? amount(sl, "discounted_price") : amount(sl, "price"));
            if (!taxesIncluded) {
                shipping = shipping.add(sum(sl, "tax_lines", "price"));
            }
        }

        JsonNode customer = o.path("customer");
        OrderIntake.Address billing = address(o.get("billing_address"));
        OrderIntake.Address shippingAddress = address(o.get("shipping_address"));
        String email = firstOf(text(o, "email"), text(o, "contact_email"), text(customer, "email"));
        String name = firstOf(Payload.name(text(customer, "first_name"), text(customer, "last_name")),
                billing == null ? null : billing.name());
        String company = billing == null ? null : billing.company();
        JsonNode client = o.path("client_details");
        String ip = firstOf(text(o, "browser_ip"), text(client, "browser_ip"));
        String agent = Payload.userAgent(text(client, "user_agent"));

        return Optional.of(new OrderIntake(connector + "-" + text(o, "id"), "shopify",
                new OrderIntake.Customer(email, name, company, null),
                billing != null ? billing : shippingAddress, billing != null ? shippingAddress : null, lines,
                Payload.money(shipping, currency), paymentMethod(o).name(), currency,
                ip == null && agent == null ? null : new OrderIntake.Client(ip, null, agent),
                Payload.language(text(o, "customer_locale"))));
    }

    /**
     * By the gateway names first; a gateway o2c does not know whose payment is still {@code pending}
     * waits for its money like a prepayment rather than being shipped on trust.
     */
    static PaymentMethod paymentMethod(JsonNode o) {
        List<String> gateways = new ArrayList<>();
        for (JsonNode g : o.path("payment_gateway_names")) {
            if (g.isString()) {
                gateways.add(g.stringValue());
            }
        }
        gateways.add(text(o, "gateway"));
        for (String g : gateways) {
            PaymentMethod m = PaymentMethods.byGateway(g);
            if (m != null) {
                return m;
            }
        }
        return "pending".equalsIgnoreCase(text(o, "financial_status")) ? PaymentMethod.PREPAYMENT : PaymentMethod.OTHER;
    }

    private static OrderIntake.Address address(JsonNode a) {
        if (a == null || !a.isObject()) {
            return null;
        }
        return new OrderIntake.Address(firstOf(text(a, "name"), Payload.name(text(a, "first_name"), text(a, "last_name"))),
                text(a, "company"), text(a, "address1"), text(a, "address2"), text(a, "zip"), text(a, "city"),
                text(a, "country_code"));
    }
}
