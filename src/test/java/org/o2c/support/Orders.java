package org.o2c.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds order bodies as the contract shows them; every test changes only what its story needs. */
public final class Orders {
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> customer = new LinkedHashMap<>();
    private final Map<String, Object> billing = new LinkedHashMap<>();
    private final List<Map<String, Object>> lines = new ArrayList<>();

    private Orders(String externalId) {
        body.put("externalId", externalId);
        body.put("channel", "webshop");
        customer.put("email", "anna@example.org");
        customer.put("name", "Anna Beispiel");
        billing.put("name", "Anna Beispiel");
        billing.put("street", "Lindenweg 5");
        billing.put("postalCode", "80331");
        billing.put("city", "München");
        billing.put("country", "DE");
        body.put("customer", customer);
        body.put("billingAddress", billing);
        body.put("shippingAddress", null);
        body.put("lines", lines);
        body.put("shippingCost", "4.90");
        body.put("paymentMethod", "INVOICE");
        body.put("currency", "EUR");
    }

    public static Orders order(String externalId) {
        return new Orders(externalId);
    }

    public Orders line(String sku, int quantity) {
        lines.add(new LinkedHashMap<>(Map.of("sku", sku, "quantity", quantity)));
        return this;
    }

    /** The carrier the buyer chose at checkout. */
    public Orders carrier(String carrier) {
        body.put("carrier", carrier);
        return this;
    }

    public Orders email(String email) {
        customer.put("email", email);
        return this;
    }

    /** The Leitweg-ID a public-sector buyer needs on its XRechnung. */
    public Orders buyerReference(String reference) {
        customer.put("buyerReference", reference);
        return this;
    }

    public Orders name(String name) {
        customer.put("name", name);
        billing.put("name", name);
        return this;
    }

    /** A company and a second street line in the billing address. */
    public Orders billingCompany(String company, String street2) {
        billing.put("company", company);
        billing.put("street2", street2);
        return this;
    }

    public Orders billing(String postalCode, String city, String country) {
        billing.put("postalCode", postalCode);
        billing.put("city", city);
        billing.put("country", country);
        return this;
    }

    public Orders shipTo(String postalCode, String city, String country) {
        body.put("shippingAddress", Map.of("name", billing.get("name"), "street", "Gartenweg 1", "postalCode",
                postalCode, "city", city, "country", country));
        return this;
    }

    public Orders client(String ip, String deviceId) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("ip", ip);
        client.put("deviceId", deviceId);
        body.put("client", client);
        return this;
    }

    public Orders set(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        return body;
    }
}
