package org.o2c.integration;

import java.time.Instant;
import org.o2c.shared.ShopId;

/** A registered web shop. {@code secret} is the HMAC key and never leaves o2c. */
record Connector(String name, ShopId shopId, ConnectorType type, String secret, Instant createdAt,
        Instant updatedAt) {

    /** The actor name in the audit log and status history for what a delivery of this connector does. */
    String actorName() {
        return "connector:" + name;
    }

    @Override
    public String toString() {
        // Records print every component; the secret must not reach a log line.
        return "Connector[" + name + ", shop " + shopId + ", " + type.id() + "]";
    }
}
