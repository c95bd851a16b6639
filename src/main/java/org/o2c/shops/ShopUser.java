package org.o2c.shops;

import java.util.Collection;
import java.util.List;
import org.o2c.shared.ShopId;
import org.o2c.shared.ShopPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in back-office user. */
public record ShopUser(long id, ShopId shopId, String username, String displayName, String passwordHash, Role role,
        boolean active) implements UserDetails, ShopPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public String actorName() {
        return "user:" + username;
    }
}
