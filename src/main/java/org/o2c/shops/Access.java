package org.o2c.shops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Actor;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who may act for a shop: API tokens, back-office users and the one-time owner set-up links. */
@Service
public class Access implements UserDetailsService {

    /** An API token as listed; the secret itself is shown only once, when it is created. */
    public record ApiToken(long id, String name, String prefix, Instant createdAt, String createdBy, Instant revokedAt) {}

    /** A freshly created token with its secret. */
    public record CreatedToken(ApiToken token, String secret) {}

    /** A back-office user as listed. */
    public record UserSummary(long id, String username, String displayName, Role role, boolean active) {}

    static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminToken adminToken;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    Access(JdbcClient jdbc, Clock clock, AdminToken adminToken, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.adminToken = adminToken;
        this.passwords = passwords;
        this.audit = audit;
    }

    /**
     * The principal for a presented bearer token, if it is the admin token or a shop's unrevoked
     * token. The admin token acts for {@code adminShop} (default: the install's first shop).
     */
    @Transactional(readOnly = true)
    public Optional<TokenPrincipal> authenticate(String bearer, ShopId adminShop) {
        if (bearer == null || bearer.isBlank() || bearer.length() > 200) {
            return Optional.empty();
        }
        if (adminToken.matches(bearer)) {
            return Optional.of(new TokenPrincipal(adminShop == null ? ShopId.DEFAULT : adminShop, "admin", Role.ADMIN));
        }
        return jdbc.sql("SELECT shop_id, name FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", Hashing.sha256(bearer))
                .query((rs, i) -> new TokenPrincipal(new ShopId(rs.getLong(1)), rs.getString(2), Role.OWNER))
                .optional();
    }

    @Transactional
    public CreatedToken createToken(ShopId shop, String name) {
        Validation v = new Validation();
        String clean = v.text("name", name, 100, true);
        v.throwIfInvalid();
        String secret = Hashing.newSecret("o2c_");
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO api_tokens (shop_id, name, token_hash, prefix, created_at, created_by)
                VALUES (:shop, :name, :hash, :prefix, :at, :by)""")
                .param("shop", shop.value()).param("name", clean).param("hash", Hashing.sha256(secret))
                .param("prefix", secret.substring(0, 10)).param("at", Timestamp.from(now)).param("by", Actor.current())
                .update();
        ApiToken token = jdbc.sql("SELECT * FROM api_tokens WHERE token_hash = :hash")
                .param("hash", Hashing.sha256(secret)).query(Access::token).single();
        audit.record(shop, "api-token.created", "api-token", Long.toString(token.id()), null, Map.of("name", clean));
        return new CreatedToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(ShopId shop) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE shop_id = :shop ORDER BY id")
                .param("shop", shop.value()).query(Access::token).list();
    }

    @Transactional
    public void revokeToken(ShopId shop, long id) {
        int n = jdbc.sql("UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND shop_id = :shop AND revoked_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("shop", shop.value()).update();
        if (n == 0 && jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE id = :id AND shop_id = :shop")
                .param("id", id).param("shop", shop.value()).query(Long.class).single() == 0) {
            throw Problem.notFound("API token " + id);
        }
        if (n > 0) {
            audit.record(shop, "api-token.revoked", "api-token", Long.toString(id), null, Map.of());
        }
    }

    private static ApiToken token(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant());
    }

    // ---- users ----

    @Override
    @Transactional(readOnly = true)
    public ShopUser loadUserByUsername(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = :u")
                .param("u", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .query(Access::user).optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional
    public UserSummary createUser(ShopId shop, String username, String displayName, String password, Role role) {
        Validation v = new Validation();
        String name = v.text("username", username, 100, true);
        if (name != null && !name.matches("[A-Za-z0-9._@-]{3,100}")) {
            v.reject("username", "use 3-100 letters, digits, '.', '_', '@' or '-'");
        }
        String display = v.text("displayName", displayName == null || displayName.isBlank() ? username : displayName,
                200, true);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            v.reject("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        } else if (password.length() > 72) {
            v.reject("password", "must be at most 72 characters");
        }
        if (role == null || role == Role.ADMIN) {
            v.reject("role", "must be OWNER, ACCOUNTING, WAREHOUSE or SUPPORT");
        }
        v.throwIfInvalid();
        String lower = name.toLowerCase(Locale.ROOT);
        if (jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u").param("u", lower).query(Long.class).single() > 0) {
            throw Problem.invalid("username", "is taken");
        }
        jdbc.sql("""
                INSERT INTO users (shop_id, username, display_name, password_hash, role, active, created_at)
                VALUES (:shop, :u, :d, :p, :r, TRUE, :at)""")
                .param("shop", shop.value()).param("u", lower).param("d", display)
                .param("p", passwords.encode(password)).param("r", role.name())
                .param("at", Timestamp.from(clock.instant())).update();
        ShopUser user = loadUserByUsername(lower);
        audit.record(shop, "user.created", "user", lower, null, Map.of("role", role.name()));
        return new UserSummary(user.id(), user.username(), user.displayName(), user.role(), user.active());
    }

    @Transactional(readOnly = true)
    public List<UserSummary> users(ShopId shop) {
        return jdbc.sql("SELECT * FROM users WHERE shop_id = :shop ORDER BY username").param("shop", shop.value())
                .query(Access::user).list().stream()
                .map(u -> new UserSummary(u.id(), u.username(), u.displayName(), u.role(), u.active())).toList();
    }

    @Transactional(readOnly = true)
    public boolean hasUsers(ShopId shop) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE shop_id = :shop").param("shop", shop.value())
                .query(Long.class).single() > 0;
    }

    private static ShopUser user(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ShopUser(rs.getLong("id"), new ShopId(rs.getLong("shop_id")), rs.getString("username"),
                rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"));
    }

    // ---- one-time owner set-up links ----

    /** A new one-time secret that lets its holder create the shop's owner account within a day. */
    @Transactional
    public String createSetupToken(ShopId shop) {
        String secret = Hashing.newSecret("");
        jdbc.sql("INSERT INTO setup_tokens (token_hash, shop_id, expires_at) VALUES (:h, :shop, :exp)")
                .param("h", Hashing.sha256(secret)).param("shop", shop.value())
                .param("exp", Timestamp.from(clock.instant().plus(Duration.ofDays(1)))).update();
        return secret;
    }

    @Transactional(readOnly = true)
    public boolean isSetupTokenValid(String secret) {
        return secret != null && findSetupShop(secret).isPresent();
    }

    /** Creates the owner with the set-up link's secret; the link is used up. */
    @Transactional
    public UserSummary completeSetup(String secret, String username, String displayName, String password) {
        ShopId shop = findSetupShop(secret == null ? "" : secret)
                .orElseThrow(() -> Problem.invalid("token", "this set-up link is invalid, used or expired"));
        int used = jdbc.sql("UPDATE setup_tokens SET used_at = :at WHERE token_hash = :h AND used_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("h", Hashing.sha256(secret)).update();
        if (used == 0) {
            throw Problem.invalid("token", "this set-up link was used already");
        }
        return createUser(shop, username, displayName, password, Role.OWNER);
    }

    private Optional<ShopId> findSetupShop(String secret) {
        return jdbc.sql("SELECT shop_id FROM setup_tokens WHERE token_hash = :h AND used_at IS NULL AND expires_at > :now")
                .param("h", Hashing.sha256(secret)).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new ShopId(rs.getLong(1))).optional();
    }
}
