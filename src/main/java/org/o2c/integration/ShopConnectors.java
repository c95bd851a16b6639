package org.o2c.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The web shops registered to post their orders to o2c. */
@Service
class ShopConnectors {
    /** Lower-case letters, digits and '-': the name is a path segment of the public webhook URL. */
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    static final int MAX_SECRET = 500;

    /** The outcome of a registration: the connector and whether it was new. */
    record Saved(Connector connector, boolean created) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    ShopConnectors(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Registers a web shop for {@code shop}, or changes its type or secret. A name another shop uses is
     * a conflict: names are unique in the install because they are part of the webhook URL.
     */
    @Transactional
    Saved register(ShopId shop, String name, String typeText, String secret) {
        Validation v = new Validation();
        if (name == null || !NAME.matcher(name).matches()) {
            v.reject("name", "must be 1-64 lower-case letters, digits or '-'");
        }
        ConnectorType type = ConnectorType.parse(typeText).orElse(null);
        if (type == null) {
            v.reject("type", typeText == null ? "is required" : "must be shopify, woocommerce or shopware");
        }
        // The secret is the HMAC key exactly as the shop system shows it, so it is checked, never trimmed.
        if (secret == null || secret.isBlank()) {
            v.reject("secret", "is required");
        } else if (secret.length() > MAX_SECRET) {
            v.reject("secret", "must be at most " + MAX_SECRET + " characters");
        } else if (secret.chars().anyMatch(Character::isISOControl)) {
            v.reject("secret", "must not contain control characters");
        }
        v.throwIfInvalid();

        Optional<Connector> before = jdbc.sql("SELECT * FROM shop_connectors WHERE name = :name FOR UPDATE")
                .param("name", name).query(ShopConnectors::connector).optional();
        if (before.isPresent() && !before.get().shopId().equals(shop)) {
            throw Problem.conflict("connector-name-taken", "Connector name taken",
                    "the connector name " + name + " is already used; choose another name");
        }
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        if (before.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO shop_connectors (name, shop_id, type, secret, created_at, updated_at)
                    VALUES (:name, :shop, :type, :secret, :now, :now)""")
                    .param("name", name).param("shop", shop.value()).param("type", type.id())
                    .param("secret", secret).param("now", Timestamp.from(now)).update();
            details.put("type", type.id());
            audit.record(shop, "connector.created", "connector", name, null, details);
            return new Saved(new Connector(name, shop, type, secret, now, now), true);
        }
        Connector old = before.get();
        boolean secretChanged = !old.secret().equals(secret);
        if (old.type() == type && !secretChanged) {
            return new Saved(old, false);
        }
        jdbc.sql("UPDATE shop_connectors SET type = :type, secret = :secret, updated_at = :now WHERE name = :name")
                .param("name", name).param("type", type.id()).param("secret", secret)
                .param("now", Timestamp.from(now)).update();
        if (old.type() != type) {
            details.put("type", Map.of("before", old.type().id(), "after", type.id()));
        }
        // Only that the secret changed, never the secret itself: the audit log is read by people.
        details.put("secretChanged", secretChanged);
        audit.record(shop, "connector.changed", "connector", name, null, details);
        return new Saved(new Connector(name, shop, type, secret, old.createdAt(), now), false);
    }

    @Transactional(readOnly = true)
    List<Connector> list(ShopId shop) {
        return jdbc.sql("SELECT * FROM shop_connectors WHERE shop_id = :shop ORDER BY name")
                .param("shop", shop.value()).query(ShopConnectors::connector).list();
    }

    /** The connector a webhook URL names, whichever shop it belongs to. */
    @Transactional(readOnly = true)
    Optional<Connector> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM shop_connectors WHERE name = :name")
                .param("name", name).query(ShopConnectors::connector).optional();
    }

    private static Connector connector(ResultSet rs, int row) throws SQLException {
        return new Connector(rs.getString("name"), new ShopId(rs.getLong("shop_id")),
                ConnectorType.parse(rs.getString("type")).orElseThrow(), rs.getString("secret"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
