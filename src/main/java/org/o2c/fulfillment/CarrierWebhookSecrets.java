package org.o2c.fulfillment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.shared.HmacSha256;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-shop shared secret a carrier signs its tracking webhooks with: {@code X-O2c-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>}, checked in constant time. The secret must be readable to
 * compute the HMAC, so it is stored as given (like the shop connectors' secrets).
 */
@Component
class CarrierWebhookSecrets {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    CarrierWebhookSecrets(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    String put(ShopId shop, String carrierText, String secretText) {
        Validation v = new Validation();
        String carrier = Carriers.normalize(carrierText);
        if (carrier == null || !Carriers.CODE.matcher(carrier).matches()) {
            v.reject("carrier", "use a carrier code such as DHL");
        }
        String secret = v.text("secret", secretText, 200, true);
        if (secret != null && secret.length() < 16) {
            v.reject("secret", "must be at least 16 characters");
        }
        v.throwIfInvalid();
        int n = jdbc.sql("UPDATE carrier_webhook_secrets SET secret = :s, created_at = :at WHERE shop_id = :shop AND carrier = :c")
                .param("s", secret).param("at", Timestamp.from(clock.instant())).param("shop", shop.value())
                .param("c", carrier).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO carrier_webhook_secrets (shop_id, carrier, secret, created_at) VALUES (:shop, :c, :s, :at)")
                    .param("s", secret).param("at", Timestamp.from(clock.instant())).param("shop", shop.value())
                    .param("c", carrier).update();
        }
        audit.record(shop, "carrier.webhook-secret-set", "carrier", carrier, null, Map.of("carrier", carrier));
        return carrier;
    }

    /** Whether the body was signed with the shop's secret for this carrier. */
    boolean isGenuine(ShopId shop, String carrier, byte[] body, String signature) {
        if (signature == null || !signature.strip().startsWith("sha256=")) {
            return false;
        }
        Optional<String> secret = jdbc.sql("SELECT secret FROM carrier_webhook_secrets WHERE shop_id = :shop AND carrier = :c")
                .param("shop", shop.value()).param("c", carrier).query(String.class).optional();
        if (secret.isEmpty()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(signature.strip().substring("sha256=".length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return HmacSha256.matches(secret.get(), body, claimed);
    }
}
