package org.o2c.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.orders.Order;
import org.o2c.orders.OrderIntake;
import org.o2c.orders.Orders;
import org.o2c.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where shop systems post their order webhooks, unchanged. No bearer token: a delivery is genuine when
 * its signature is the HMAC of the exact body with the connector's secret. Anything else is 401 and
 * leaves no trace in the database.
 */
@RestController
class ShopHooks {
    private static final Logger log = LoggerFactory.getLogger(ShopHooks.class);

    private final ShopConnectors connectors;
    private final Orders orders;
    // Decimals as BigDecimal: money in a payload must never pass through a double.
    private final ObjectReader reader;

    ShopHooks(ShopConnectors connectors, Orders orders, JsonMapper json) {
        this.connectors = connectors;
        this.orders = orders;
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @PostMapping("/hooks/{name}")
    ResponseEntity<Map<String, Object>> deliver(@PathVariable String name, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Connector connector = connectors.find(name).orElseThrow(() -> {
            // Only a valid name goes into the log: the path is the caller's, and could carry line breaks.
            log.warn("webhook for unknown connector {} refused",
                    ShopConnectors.NAME.matcher(name).matches() ? name : "(invalid name)");
            return notGenuine();
        });
        String signature = headers.getFirst(connector.type().signatureHeader());
        if (signature == null && connector.type() == ConnectorType.WOOCOMMERCE && WooCommerceOrders.isPing(raw)) {
            // Deliberately the one unsigned request answered 200: it is matched exactly, stores nothing and
            // says nothing, and without it WooCommerce reports the new webhook as broken.
            return ignored("WooCommerce ping");
        }
        if (!WebhookSignature.isGenuine(connector, raw, signature)) {
            log.warn("webhook for connector {} refused: {} signature", name, signature == null ? "no" : "wrong");
            throw notGenuine();
        }

        String topic = connector.type().topicHeader() == null ? null : headers.getFirst(connector.type().topicHeader());
        if (!connector.type().mayCarryNewOrder(topic)) {
            return ignored("topic " + topic + " is not a new order");
        }
        if (connector.type() == ConnectorType.SHOPWARE) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-delivery", "Unsupported delivery",
                    "the signature is valid, but o2c cannot yet turn Shopware deliveries into orders;"
                            + " send Shopware orders to POST /api/v1/orders");
        }
        Optional<OrderIntake> intake = parse(raw).flatMap(payload -> connector.type() == ConnectorType.SHOPIFY
                ? ShopifyOrders.intake(connector.name(), payload)
                : WooCommerceOrders.intake(connector.name(), payload));
        if (intake.isEmpty()) {
            return ignored("the body is not an order");
        }
        Orders.Taken taken = asConnector(connector, () -> take(connector, intake.get()));
        return ResponseEntity.status(taken.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(taken.order()));
    }

    private Orders.Taken take(Connector connector, OrderIntake intake) {
        try {
            return orders.take(connector.shopId(), intake);
        } catch (DuplicateKeyException raced) {
            // The shop system retried while the first delivery was still being taken: that one made the order.
            return new Orders.Taken(orders.byExternalId(connector.shopId(), intake.externalId())
                    .orElseThrow(() -> raced), false);
        }
    }

    private Optional<JsonNode> parse(byte[] raw) {
        try {
            return Optional.ofNullable(reader.readTree(raw));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code work} with the connector as the authenticated actor, so the audit log and the status
     * history say {@code connector:{name}}, and puts back what was there before.
     */
    private static <T> T asConnector(Connector connector, java.util.function.Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new ConnectorPrincipal(connector.shopId(), connector.actorName()), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private static Problem notGenuine() {
        // One answer for an unknown name and a bad signature: the caller learns nothing about which it was.
        return new Problem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Unauthorized",
                "the delivery is not signed by a registered shop connector");
    }

    private static ResponseEntity<Map<String, Object>> ignored(String why) {
        return ResponseEntity.ok(Map.of("ignored", true, "reason", why));
    }

    private static Map<String, Object> json(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id().toString());
        m.put("number", o.number());
        m.put("externalId", o.externalId());
        m.put("status", o.status().name());
        return m;
    }
}
