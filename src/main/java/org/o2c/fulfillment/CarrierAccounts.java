package org.o2c.fulfillment;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shops' carrier API accounts (DHL only so far). Secrets left out of a change keep their stored
 * value, so an owner can change the product without typing the password again.
 */
@Component
public class CarrierAccounts {
    static final String DHL = "DHL";
    static final String DHL_SHIPPING_URL = "https://api-eu.dhl.com/parcel/de/shipping/v2";
    static final String DHL_TRACKING_URL = "https://api-eu.dhl.com/track/shipments";
    static final String DHL_PROFILE = "STANDARD_GRUPPENPROFIL";
    /** Ten digits EKP, two digits procedure (product), two participation characters (rarely letters). */
    private static final Pattern BILLING_NUMBER = Pattern.compile("\\d{12}[A-Z0-9]{2}");

    /** What an owner sends; null fields keep what is stored (or take the default on first setup). */
    public record Input(String baseUrl, String apiKey, String user, String password, String billingNumber, String product,
            String profile, Boolean useForLabels, Boolean tracking, String trackingUrl, String trackingApiKey) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    CarrierAccounts(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    CarrierAccount put(ShopId shop, String carrierText, Input in) {
        String carrier = requireDhl(carrierText);
        Optional<CarrierAccount> before = find(shop, carrier);
        Validation v = new Validation();
        String baseUrl = url(v, "baseUrl", in.baseUrl(), before.map(CarrierAccount::baseUrl).orElse(DHL_SHIPPING_URL));
        String trackingUrl = url(v, "trackingUrl", in.trackingUrl(),
                before.map(CarrierAccount::trackingUrl).orElse(DHL_TRACKING_URL));
        String apiKey = keep(v.text("apiKey", in.apiKey(), 200, false), before.map(CarrierAccount::apiKey));
        String user = keep(v.text("user", in.user(), 100, false), before.map(CarrierAccount::user));
        String password = keep(v.text("password", in.password(), 200, false), before.map(CarrierAccount::password));
        String trackingKey = keep(v.text("trackingApiKey", in.trackingApiKey(), 200, false),
                before.map(CarrierAccount::trackingApiKey));
        String billing = keep(v.text("billingNumber", in.billingNumber(), 14, false),
                before.map(CarrierAccount::billingNumber));
        String productText = keep(v.text("product", in.product(), 10, false),
                before.map(a -> a.product().name()).or(() -> Optional.of(DhlProduct.V01PAK.name())));
        String profile = keep(v.text("profile", in.profile(), 50, false),
                before.map(CarrierAccount::profile).or(() -> Optional.of(DHL_PROFILE)));
        for (Map.Entry<String, String> required : Map.of("apiKey", nz(apiKey), "user", nz(user), "password",
                nz(password), "billingNumber", nz(billing)).entrySet()) {
            if (required.getValue().isEmpty() && !v.has(required.getKey())) {
                v.reject(required.getKey(), "is required");
            }
        }
        DhlProduct product = DhlProduct.parse(productText == null ? null : productText.toUpperCase(Locale.ROOT))
                .orElse(null);
        if (product == null && !v.has("product")) {
            v.reject("product", "must be one of " + java.util.Arrays.toString(DhlProduct.values()));
        }
        if (billing != null && !BILLING_NUMBER.matcher(billing).matches()) {
            v.reject("billingNumber", "must be the 14-character DHL billing number (EKP, product, participation)");
        } else if (billing != null && product != null && !billing.substring(10, 12).equals(product.procedure())) {
            v.reject("billingNumber", "digits 11 and 12 must be " + product.procedure() + " for " + product
                    + " (this billing number is for another product)");
        }
        v.throwIfInvalid();
        boolean useForLabels = in.useForLabels() != null ? in.useForLabels()
                : before.map(CarrierAccount::useForLabels).orElse(true);
        boolean tracking = in.tracking() != null ? in.tracking() : before.map(CarrierAccount::tracking).orElse(true);

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("shop", shop.value());
        row.put("carrier", carrier);
        row.put("baseUrl", baseUrl);
        row.put("apiKey", apiKey);
        row.put("user", user);
        row.put("password", password);
        row.put("billing", billing);
        row.put("product", product.name());
        row.put("profile", profile);
        row.put("labels", useForLabels);
        row.put("tracking", tracking);
        row.put("trackingUrl", trackingUrl);
        row.put("trackingKey", trackingKey);
        row.put("now", Timestamp.from(clock.instant()));
        int n = jdbc.sql("""
                UPDATE carrier_accounts SET base_url = :baseUrl, api_key = :apiKey, username = :user,
                    password = :password, billing_number = :billing, product = :product, profile = :profile,
                    use_for_labels = :labels, tracking = :tracking, tracking_url = :trackingUrl,
                    tracking_api_key = :trackingKey, updated_at = :now
                WHERE shop_id = :shop AND carrier = :carrier""").params(row).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO carrier_accounts (shop_id, carrier, base_url, api_key, username, password,
                        billing_number, product, profile, use_for_labels, tracking, tracking_url, tracking_api_key,
                        created_at, updated_at)
                    VALUES (:shop, :carrier, :baseUrl, :apiKey, :user, :password, :billing, :product, :profile,
                        :labels, :tracking, :trackingUrl, :trackingKey, :now, :now)""").params(row).update();
        }
        CarrierAccount saved = find(shop, carrier).orElseThrow();
        Map<String, Object> details = describe(saved);
        // Which secrets changed, never their values.
        details.put("secretsChanged", java.util.stream.Stream.of(
                        in.apiKey() != null ? "apiKey" : null, in.password() != null ? "password" : null,
                        in.trackingApiKey() != null ? "trackingApiKey" : null)
                .filter(java.util.Objects::nonNull).toList());
        audit.record(shop, "carrier.account-set", "carrier", carrier, null, details);
        return saved;
    }

    /** Stores the account (as {@link #put}) and answers what may be shown of it. */
    @Transactional
    public Map<String, Object> save(ShopId shop, String carrier, Input in) {
        return describe(put(shop, carrier, in));
    }

    /** What may be shown of the shop's account with this carrier: everything but the secrets. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> described(ShopId shop, String carrier) {
        return find(shop, carrier).map(CarrierAccounts::describe);
    }

    @Transactional
    public void remove(ShopId shop, String carrierText) {
        String carrier = requireDhl(carrierText);
        if (jdbc.sql("DELETE FROM carrier_accounts WHERE shop_id = :shop AND carrier = :c")
                .param("shop", shop.value()).param("c", carrier).update() == 0) {
            throw Problem.notFound("carrier account " + carrier);
        }
        audit.record(shop, "carrier.account-removed", "carrier", carrier, null, Map.of("carrier", carrier));
    }

    @Transactional(readOnly = true)
    Optional<CarrierAccount> find(ShopId shop, String carrier) {
        return jdbc.sql("SELECT * FROM carrier_accounts WHERE shop_id = :shop AND carrier = :c")
                .param("shop", shop.value()).param("c", Carriers.normalize(carrier)).query(this::account).optional();
    }

    /** The account the shop prints its labels with; empty: o2c's own generic label. */
    @Transactional(readOnly = true)
    Optional<CarrierAccount> forLabels(ShopId shop) {
        return jdbc.sql("SELECT * FROM carrier_accounts WHERE shop_id = :shop AND use_for_labels ORDER BY carrier")
                .param("shop", shop.value()).query(this::account).stream().findFirst();
    }

    /** The shops whose parcels with this carrier o2c may ask the carrier's tracking API about. */
    @Transactional(readOnly = true)
    Set<ShopId> tracking(String carrier) {
        return jdbc.sql("SELECT shop_id FROM carrier_accounts WHERE carrier = :c AND tracking")
                .param("c", carrier).query((rs, i) -> new ShopId(rs.getLong(1))).stream().collect(Collectors.toSet());
    }

    /** What the API and pages may show: everything but the secrets, which are only said to be set. */
    static Map<String, Object> describe(CarrierAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("carrier", a.carrier());
        m.put("baseUrl", a.baseUrl());
        m.put("user", a.user());
        m.put("billingNumber", a.billingNumber());
        m.put("product", a.product().name());
        m.put("profile", a.profile());
        m.put("useForLabels", a.useForLabels());
        m.put("tracking", a.tracking());
        m.put("trackingUrl", a.trackingUrl());
        m.put("apiKeySet", a.apiKey() != null);
        m.put("passwordSet", a.password() != null);
        m.put("trackingApiKeySet", a.trackingApiKey() != null);
        return m;
    }

    private CarrierAccount account(ResultSet rs, int i) throws SQLException {
        return new CarrierAccount(rs.getString("carrier"), rs.getString("base_url"), rs.getString("api_key"),
                rs.getString("username"), rs.getString("password"), rs.getString("billing_number"),
                DhlProduct.valueOf(rs.getString("product")), rs.getString("profile"), rs.getBoolean("use_for_labels"),
                rs.getBoolean("tracking"), rs.getString("tracking_url"), rs.getString("tracking_api_key"));
    }

    private static String requireDhl(String carrierText) {
        String carrier = Carriers.normalize(carrierText);
        if (!DHL.equals(carrier)) {
            throw Problem.invalid("carrier", "o2c talks to DHL's API only so far; other carriers use the generic label");
        }
        return carrier;
    }

    /**
     * An https address; plain http only to this machine (a local test server or proxy), because the
     * credentials travel with every call.
     */
    private static String url(Validation v, String field, String given, String fallback) {
        String text = v.text(field, given, 300, false);
        if (text == null) {
            return fallback;
        }
        try {
            URI uri = new URI(text);
            String host = uri.getHost();
            boolean local = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
            if ("https".equals(uri.getScheme()) && host != null || "http".equals(uri.getScheme()) && local) {
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        v.reject(field, "must be an https:// address");
        return null;
    }

    private static String keep(String given, Optional<String> stored) {
        return given != null ? given : stored.orElse(null);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
