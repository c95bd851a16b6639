package org.o2c.shops;

import org.o2c.shared.ShopId;
import org.o2c.shared.ShopPrincipal;

/** A program calling the API with a bearer token: a shop's API token or the install's admin token. */
public record TokenPrincipal(ShopId shopId, String name, Role role) implements ShopPrincipal {
    @Override
    public String actorName() {
        return role == Role.ADMIN ? "admin-token" : "token:" + name;
    }

    @Override
    public String toString() {
        return actorName();
    }
}
