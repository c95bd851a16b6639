package org.o2c.shared;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now, for the audit log: a user, an API token, a shop connector or the system. */
public final class Actor {
    private Actor() {}

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return "system";
        }
        return auth.getPrincipal() instanceof ShopPrincipal p ? p.actorName() : auth.getName();
    }
}
