package org.o2c.cashapp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Actor;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads and changes a shop's {@link CashApplicationSettings}. Matching reads them for every chunk of a
 * statement, so they are cached per shop: a change drops this instance's copy once it is committed,
 * and other instances of a cluster see it after at most {@link #CACHE_FOR}.
 */
@Service
public class MatchingSettings {
    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final Pattern ACCOUNT = Pattern.compile("\\d{4,8}");
    private static final BigDecimal MAX_TOLERANCE = new BigDecimal("1000.00");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private record Cached(CashApplicationSettings settings, long loadedNanos) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    MatchingSettings(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** The shop's settings, or the defaults while it has none of its own. */
    @Transactional(readOnly = true)
    public CashApplicationSettings get(ShopId shop) {
        return stored(shop).orElse(CashApplicationSettings.DEFAULTS);
    }

    /** The settings matching uses for the shop, from the cache while it is fresh. */
    CashApplicationSettings current(ShopId shop) {
        Cached c = cache.get(shop.value());
        long now = System.nanoTime();
        if (c == null || now - c.loadedNanos() > CACHE_FOR.toNanos()) {
            c = new Cached(get(shop), now);
            cache.put(shop.value(), c);
        }
        return c.settings();
    }

    /**
     * Checks every field (a 422 names each bad one; nothing is stored then), stores the settings and
     * audits the values that changed, old and new.
     */
    @Transactional
    public CashApplicationSettings save(ShopId shop, CashApplicationSettings.Input in) {
        CashApplicationSettings wanted = validate(in);
        // A shop's first change starts from a row of the defaults, so there is always a row to lock.
        jdbc.sql("""
                INSERT INTO cashapp_settings (shop_id, tolerance_amount, tolerance_percent, skonto_grace_days,
                    automatic_threshold, suggestion_threshold, name_similarity, max_invoices_per_payment,
                    difference_account, skonto_account, updated_at, updated_by)
                VALUES (:shop, :ta, :tp, :grace, :auto, :suggest, :name, :parts, :diff, :skonto, :at, :by)
                ON CONFLICT DO NOTHING""")
                .params(row(shop, CashApplicationSettings.DEFAULTS)).update();
        // The row lock orders two people saving at once, and the old values read under it are the true ones.
        CashApplicationSettings before = jdbc.sql("SELECT * FROM cashapp_settings WHERE shop_id = :shop FOR UPDATE")
                .param("shop", shop.value()).query(MatchingSettings::settings).single();
        CashApplicationSettings after = wanted.withAudit(clock.instant(), Actor.current());
        jdbc.sql("""
                UPDATE cashapp_settings SET tolerance_amount = :ta, tolerance_percent = :tp, skonto_grace_days = :grace,
                    automatic_threshold = :auto, suggestion_threshold = :suggest, name_similarity = :name,
                    max_invoices_per_payment = :parts, difference_account = :diff, skonto_account = :skonto,
                    updated_at = :at, updated_by = :by WHERE shop_id = :shop""")
                .params(row(shop, after)).update();
        Map<String, Object> changes = changes(before, after);
        if (!changes.isEmpty()) {
            audit.record(shop, "cash-application.settings-changed", "cash-application-settings",
                    String.valueOf(shop.value()), null, changes);
        }
        dropCachedAfterCommit(shop);
        return get(shop);
    }

    static CashApplicationSettings validate(CashApplicationSettings.Input in) {
        Validation v = new Validation();
        if (in == null) {
            in = new CashApplicationSettings.Input(null, null, null, null, null, null, null, null, null);
        }
        BigDecimal amount = v.money("toleranceAmount", in.toleranceAmount(), 2, true);
        if (amount != null && amount.compareTo(MAX_TOLERANCE) > 0) {
            v.reject("toleranceAmount", "must be at most 1000.00; larger differences need a person");
        }
        BigDecimal percent = v.money("tolerancePercent", in.tolerancePercent(), 2, true);
        if (percent != null && percent.compareTo(HUNDRED) > 0) {
            v.reject("tolerancePercent", "must be at most 100");
        }
        Integer grace = whole(v, "skontoGraceDays", in.skontoGraceDays(), 0, 30);
        BigDecimal automatic = share(v, "automaticThreshold", in.automaticThreshold(), BigDecimal.ZERO);
        BigDecimal suggestion = share(v, "suggestionThreshold", in.suggestionThreshold(), BigDecimal.ZERO);
        if (automatic != null && suggestion != null && automatic.compareTo(suggestion) < 0) {
            v.reject("automaticThreshold", "must not be below suggestionThreshold (" + suggestion.toPlainString()
                    + "): what is applied automatically would otherwise not even be suggested");
        }
        BigDecimal name = share(v, "nameSimilarity", in.nameSimilarity(), new BigDecimal("0.50"));
        Integer parts = whole(v, "maxInvoicesPerPayment", in.maxInvoicesPerPayment(), 1, 8);
        String difference = account(v, "differenceAccount", in.differenceAccount());
        String skonto = account(v, "skontoAccount", in.skontoAccount());
        v.throwIfInvalid();
        return new CashApplicationSettings(amount.setScale(2), percent.setScale(2), grace, automatic.setScale(2),
                suggestion.setScale(2), name.setScale(2), parts, difference, skonto, null, null);
    }

    // ---- internals ----

    private Optional<CashApplicationSettings> stored(ShopId shop) {
        return jdbc.sql("SELECT * FROM cashapp_settings WHERE shop_id = :shop").param("shop", shop.value())
                .query(MatchingSettings::settings).optional();
    }

    private void dropCachedAfterCommit(ShopId shop) {
        cache.remove(shop.value());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A reader between the remove above and the commit may have cached the old values again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.remove(shop.value());
                }
            });
        }
    }

    private static Integer whole(Validation v, String field, Integer value, int min, int max) {
        if (value == null) {
            v.reject(field, "is required");
            return null;
        }
        if (value < min || value > max) {
            v.reject(field, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    /** A share between {@code min} and 1 with at most two places, as confidence is written (0.85). */
    private static BigDecimal share(Validation v, String field, String value, BigDecimal min) {
        BigDecimal share = v.money(field, value, 2, true);
        if (share != null && (share.compareTo(min) < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
            v.reject(field, "must be between " + min.toPlainString() + " and 1");
            return null;
        }
        return share;
    }

    private static String account(Validation v, String field, String value) {
        String account = v.text(field, value, 8, true);
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            v.reject(field, "must be a ledger account number of 4 to 8 digits, e.g. 4970");
            return null;
        }
        return account;
    }

    private static Map<String, Object> row(ShopId shop, CashApplicationSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop", shop.value());
        m.put("ta", s.toleranceAmount());
        m.put("tp", s.tolerancePercent());
        m.put("grace", s.skontoGraceDays());
        m.put("auto", s.automaticThreshold());
        m.put("suggest", s.suggestionThreshold());
        m.put("name", s.nameSimilarity());
        m.put("parts", s.maxInvoicesPerPayment());
        m.put("diff", s.differenceAccount());
        m.put("skonto", s.skontoAccount());
        m.put("at", s.updatedAt() == null ? Timestamp.from(java.time.Instant.EPOCH) : Timestamp.from(s.updatedAt()));
        m.put("by", s.updatedBy() == null ? "defaults" : s.updatedBy());
        return m;
    }

    private static CashApplicationSettings settings(ResultSet rs, int i) throws SQLException {
        String by = rs.getString("updated_by");
        boolean own = !"defaults".equals(by);
        return new CashApplicationSettings(rs.getBigDecimal("tolerance_amount").setScale(2),
                rs.getBigDecimal("tolerance_percent").setScale(2), rs.getInt("skonto_grace_days"),
                rs.getBigDecimal("automatic_threshold").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getBigDecimal("suggestion_threshold").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getBigDecimal("name_similarity").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getInt("max_invoices_per_payment"), rs.getString("difference_account"),
                rs.getString("skonto_account"), own ? rs.getTimestamp("updated_at").toInstant() : null, own ? by : null);
    }

    /** The fields that differ, each as {old, new}, in the order of the settings page. */
    private static Map<String, Object> changes(CashApplicationSettings before, CashApplicationSettings after) {
        Map<String, Object> m = new LinkedHashMap<>();
        change(m, "toleranceAmount", before.toleranceAmount(), after.toleranceAmount());
        change(m, "tolerancePercent", before.tolerancePercent(), after.tolerancePercent());
        change(m, "skontoGraceDays", before.skontoGraceDays(), after.skontoGraceDays());
        change(m, "automaticThreshold", before.automaticThreshold(), after.automaticThreshold());
        change(m, "suggestionThreshold", before.suggestionThreshold(), after.suggestionThreshold());
        change(m, "nameSimilarity", before.nameSimilarity(), after.nameSimilarity());
        change(m, "maxInvoicesPerPayment", before.maxInvoicesPerPayment(), after.maxInvoicesPerPayment());
        change(m, "differenceAccount", before.differenceAccount(), after.differenceAccount());
        change(m, "skontoAccount", before.skontoAccount(), after.skontoAccount());
        return m;
    }

    private static void change(Map<String, Object> m, String field, Object before, Object after) {
        boolean same = before instanceof BigDecimal b && after instanceof BigDecimal a ? b.compareTo(a) == 0
                : before.equals(after);
        if (!same) {
            Map<String, String> pair = new LinkedHashMap<>();
            pair.put("old", before instanceof BigDecimal b ? b.toPlainString() : String.valueOf(before));
            pair.put("new", after instanceof BigDecimal a ? a.toPlainString() : String.valueOf(after));
            m.put(field, pair);
        }
    }
}
