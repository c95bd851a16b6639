package org.o2c.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.o2c.shared.ShopId;
import org.o2c.shops.Access;
import org.o2c.shops.Role;
import org.o2c.shops.TokenPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by {@code Authorization: Bearer <token>}. The admin token may name the
 * shop it acts for with {@code X-O2C-Shop}; a shop's own token always acts for its shop.
 */
class BearerTokenFilter extends OncePerRequestFilter {
    static final String SHOP_HEADER = "X-O2C-Shop";

    private final Access access;

    BearerTokenFilter(Access access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ShopId adminShop = null;
            String shopHeader = request.getHeader(SHOP_HEADER);
            if (shopHeader != null && shopHeader.matches("\\d{1,18}")) {
                adminShop = new ShopId(Long.parseLong(shopHeader));
            }
            Optional<TokenPrincipal> principal = access.authenticate(header.substring(7).strip(), adminShop);
            if (principal.isPresent()) {
                TokenPrincipal p = principal.get();
                var authorities = p.role() == Role.ADMIN
                        ? List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()), new SimpleGrantedAuthority(Role.OWNER.authority()))
                        : List.of(new SimpleGrantedAuthority(p.role().authority()));
                var auth = new UsernamePasswordAuthenticationToken(p, null, authorities);
                SecurityContextHolder.getContext().setAuthentication(auth);
            }
        }
        chain.doFilter(request, response);
    }
}
