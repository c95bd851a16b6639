package org.o2c.integration;

import java.util.Locale;
import java.util.Optional;

/**
 * The shop systems o2c takes order webhooks from, with the header each one signs its deliveries in
 * and the topic of a new order. A delivery that names another topic is acknowledged and ignored.
 */
enum ConnectorType {
    /** Base64 HMAC-SHA256 of the raw body with the webhook signing secret. */
    SHOPIFY("X-Shopify-Hmac-Sha256", Encoding.BASE64, "X-Shopify-Topic", "orders/create"),
    /** Base64 HMAC-SHA256 of the raw body with the secret entered for the webhook. */
    WOOCOMMERCE("X-WC-Webhook-Signature", Encoding.BASE64, "X-WC-Webhook-Topic", "order.created"),
    /** Shopware 6 app webhooks: hex HMAC-SHA256 of the raw body with the shop secret of the app registration. */
    SHOPWARE("shopware-shop-signature", Encoding.HEX, null, null);

    enum Encoding { BASE64, HEX }

    private final String signatureHeader;
    private final Encoding encoding;
    private final String topicHeader;
    private final String orderTopic;

    ConnectorType(String signatureHeader, Encoding encoding, String topicHeader, String orderTopic) {
        this.signatureHeader = signatureHeader;
        this.encoding = encoding;
        this.topicHeader = topicHeader;
        this.orderTopic = orderTopic;
    }

    static Optional<ConnectorType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (ConnectorType t : values()) {
            if (t.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** How the API and the database spell the type: {@code shopify}, {@code woocommerce}, {@code shopware}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String signatureHeader() {
        return signatureHeader;
    }

    Encoding encoding() {
        return encoding;
    }

    /** Whether a delivery with this topic header (absent: unknown) may carry a new order. */
    boolean mayCarryNewOrder(String topic) {
        return topic == null || topicHeader == null || orderTopic.equalsIgnoreCase(topic.strip());
    }

    String topicHeader() {
        return topicHeader;
    }
}
