package org.o2c.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Currency;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's products. */
@Service
public class Catalog {

    /** A product as it comes in over the API; strings so every bad field can be named. */
    public record ProductInput(String name, String gtin, String price, String currency, String taxCategory,
            Integer weightGrams, String location) {}

    /** The outcome of a put: the product and whether it was new. */
    public record Saved(Product product, boolean created) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    Catalog(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public Saved put(ShopId shop, String skuText, ProductInput in) {
        Validation v = new Validation();
        if (!Sku.isValid(skuText)) {
            v.reject("sku", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String name = v.text("name", in.name(), 200, true);
        String gtin = v.text("gtin", in.gtin(), 14, false);
        if (gtin != null && !Gtin.isValid(gtin)) {
            v.reject("gtin", "is not a valid GTIN (8, 12, 13 or 14 digits with a correct check digit)");
        }
        BigDecimal price = v.money("price", in.price(), 2, true);
        Currency currency = v.currency("currency", in.currency());
        TaxCategory category = TaxCategory.STANDARD;
        if (in.taxCategory() != null) {
            try {
                category = TaxCategory.valueOf(in.taxCategory());
            } catch (IllegalArgumentException e) {
                v.reject("taxCategory", "must be STANDARD, REDUCED or ZERO");
            }
        }
        if (in.weightGrams() != null && (in.weightGrams() < 0 || in.weightGrams() > 1_000_000)) {
            v.reject("weightGrams", "must be between 0 and 1000000");
        }
        String location = v.text("location", in.location(), 40, false);
        if (location != null && !location.matches("[A-Za-z0-9][A-Za-z0-9 ._/-]*")) {
            v.reject("location", "use letters, digits and '-', '.', '_', '/' such as A-03-2");
        }
        v.throwIfInvalid();
        Sku sku = new Sku(skuText);
        Product product = new Product(sku, name, gtin, Money.of(price, currency), category, in.weightGrams(), location);
        Optional<Product> before = find(shop, sku);
        Timestamp now = Timestamp.from(clock.instant());
        if (before.isPresent()) {
            jdbc.sql("""
                    UPDATE products SET name = :name, gtin = :gtin, price_amount = :price, price_currency = :cur,
                        tax_category = :tax, weight_grams = :weight, location = :loc, updated_at = :now
                    WHERE shop_id = :shop AND sku = :sku""")
                    .params(params(shop, product, now)).update();
        } else {
            jdbc.sql("""
                    INSERT INTO products (shop_id, sku, name, gtin, price_amount, price_currency, tax_category,
                        weight_grams, location, created_at, updated_at)
                    VALUES (:shop, :sku, :name, :gtin, :price, :cur, :tax, :weight, :loc, :now, :now)""")
                    .params(params(shop, product, now)).update();
        }
        if (before.isEmpty() || !before.get().equals(product)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", before.map(Catalog::describe).orElse(null));
            details.put("after", describe(product));
            audit.record(shop, before.isPresent() ? "product.changed" : "product.created", "product", sku.value(),
                    null, details);
        }
        return new Saved(product, before.isEmpty());
    }

    private static Map<String, Object> params(ShopId shop, Product p, Timestamp now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop", shop.value());
        m.put("sku", p.sku().value());
        m.put("name", p.name());
        m.put("gtin", p.gtin());
        m.put("price", p.price().amount());
        m.put("cur", p.price().currency().getCurrencyCode());
        m.put("tax", p.taxCategory().name());
        m.put("weight", p.weightGrams());
        m.put("loc", p.location());
        m.put("now", now);
        return m;
    }

    private static Map<String, Object> describe(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("gtin", p.gtin());
        m.put("price", p.price().amount().toPlainString());
        m.put("currency", p.price().currency().getCurrencyCode());
        m.put("taxCategory", p.taxCategory().name());
        m.put("weightGrams", p.weightGrams());
        m.put("location", p.location());
        return m;
    }

    @Transactional(readOnly = true)
    public Optional<Product> find(ShopId shop, Sku sku) {
        return jdbc.sql("SELECT * FROM products WHERE shop_id = :shop AND sku = :sku")
                .param("shop", shop.value()).param("sku", sku.value()).query(Catalog::product).optional();
    }

    /** The products with these SKUs; unknown SKUs are simply absent from the answer. */
    @Transactional(readOnly = true)
    public Map<Sku, Product> findAll(ShopId shop, Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        Map<Sku, Product> out = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM products WHERE shop_id = :shop AND sku IN (:skus)")
                .param("shop", shop.value()).param("skus", skus.stream().map(Sku::value).toList())
                .query(Catalog::product).list().forEach(p -> out.put(p.sku(), p));
        return out;
    }

    @Transactional(readOnly = true)
    public List<Product> list(ShopId shop, String search, int limit) {
        String like = search == null || search.isBlank() ? "%" : "%" + search.strip().toLowerCase() + "%";
        return jdbc.sql("""
                SELECT * FROM products WHERE shop_id = :shop AND (LOWER(sku) LIKE :q OR LOWER(name) LIKE :q OR gtin LIKE :q)
                ORDER BY sku LIMIT :limit""")
                .param("shop", shop.value()).param("q", like).param("limit", limit)
                .query(Catalog::product).list();
    }

    @Transactional(readOnly = true)
    public long count(ShopId shop) {
        return jdbc.sql("SELECT COUNT(*) FROM products WHERE shop_id = :shop").param("shop", shop.value())
                .query(Long.class).single();
    }

    private static Product product(ResultSet rs, int i) throws SQLException {
        int weight = rs.getInt("weight_grams");
        Integer w = rs.wasNull() ? null : weight;
        return new Product(new Sku(rs.getString("sku")), rs.getString("name"), rs.getString("gtin"),
                Money.of(rs.getBigDecimal("price_amount"), Currency.getInstance(rs.getString("price_currency").trim())),
                TaxCategory.valueOf(rs.getString("tax_category")), w, rs.getString("location"));
    }
}
