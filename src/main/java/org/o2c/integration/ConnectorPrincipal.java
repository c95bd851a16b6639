package org.o2c.integration;

import org.o2c.shared.ShopId;
import org.o2c.shared.ShopPrincipal;

/** Who acts while a signed delivery is turned into an order: the connector, on behalf of its shop. */
record ConnectorPrincipal(ShopId shopId, String actorName) implements ShopPrincipal {
    @Override
    public String toString() {
        return actorName;
    }
}
