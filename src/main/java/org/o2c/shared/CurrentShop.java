package org.o2c.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The shop the current request acts for, taken from the authenticated principal. */
public final class CurrentShop {
    private CurrentShop() {}

    public static ShopId get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ShopPrincipal p) {
            return p.shopId();
        }
        throw new IllegalStateException("no shop in the security context");
    }
}
