package org.o2c.shops;

import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shops, company settings, API tokens and users over the API. */
@RestController
@RequestMapping("/api/v1")
class ShopsApi {
    private final Shops shops;
    private final Access access;

    ShopsApi(Shops shops, Access access) {
        this.shops = shops;
        this.access = access;
    }

    record NewShop(String name) {}

    @PostMapping("/shops")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Shops.Shop> createShop(@RequestBody NewShop body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(shops.create(body.name()));
    }

    @GetMapping("/shops")
    @PreAuthorize("hasRole('ADMIN')")
    List<Shops.Shop> listShops() {
        return shops.all();
    }

    @PutMapping("/settings/company")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    CompanySettings putCompany(@RequestBody Shops.CompanySettingsInput body) {
        return shops.saveSettings(CurrentShop.get(), body);
    }

    @GetMapping("/settings/company")
    CompanySettings getCompany() {
        return shops.settings(CurrentShop.get()).orElseThrow(() -> Problem.notFound("company settings"));
    }

    record NewToken(String name, Long shopId) {}

    @PostMapping("/api-tokens")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    ResponseEntity<Map<String, Object>> createToken(@RequestBody NewToken body,
            org.springframework.security.core.Authentication auth) {
        ShopId shop = CurrentShop.get();
        if (body.shopId() != null) {
            boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
            if (!admin && body.shopId() != shop.value()) {
                throw new org.springframework.security.access.AccessDeniedException("other shop");
            }
            shop = new ShopId(body.shopId());
            Shops.requireShop(shops.exists(shop), body.shopId());
        }
        Access.CreatedToken created = access.createToken(shop, body.name());
        Access.ApiToken t = created.token();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", t.id(), "name", t.name(), "shopId",
                shop.value(), "prefix", t.prefix(), "createdAt", t.createdAt().toString(), "token", created.secret()));
    }

    @GetMapping("/api-tokens")
    List<Access.ApiToken> tokens() {
        return access.tokens(CurrentShop.get());
    }

    @DeleteMapping("/api-tokens/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        access.revokeToken(CurrentShop.get(), id);
        return ResponseEntity.noContent().build();
    }

    record NewUser(String username, String displayName, String password, String role) {}

    @PostMapping("/users")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    ResponseEntity<Access.UserSummary> createUser(@RequestBody NewUser body) {
        Role role;
        try {
            role = body.role() == null ? null : Role.valueOf(body.role());
        } catch (IllegalArgumentException e) {
            role = null;
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(access.createUser(CurrentShop.get(), body.username(), body.displayName(), body.password(), role));
    }

    @GetMapping("/users")
    List<Access.UserSummary> users() {
        return access.users(CurrentShop.get());
    }
}
