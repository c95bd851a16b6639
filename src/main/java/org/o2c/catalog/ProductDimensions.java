package org.o2c.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The size of each product as packed, kept next to the product, for the carton suggestion. */
@Service
public class ProductDimensions {
    /** Two metres: larger goods do not go by parcel. */
    static final int MAX_MM = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Catalog catalog;
    private final AuditLog audit;

    ProductDimensions(JdbcClient jdbc, Clock clock, Catalog catalog, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
        this.audit = audit;
    }

    @Transactional
    public Dimensions put(ShopId shop, String skuText, Integer length, Integer width, Integer height) {
        if (!Sku.isValid(skuText) || catalog.find(shop, new Sku(skuText)).isEmpty()) {
            throw Problem.notFound("product " + skuText);
        }
        Validation v = new Validation();
        check(v, "lengthMm", length);
        check(v, "widthMm", width);
        check(v, "heightMm", height);
        v.throwIfInvalid();
        Timestamp now = Timestamp.from(clock.instant());
        int n = jdbc.sql("""
                UPDATE product_dimensions SET length_mm = :l, width_mm = :w, height_mm = :h, updated_at = :now
                WHERE shop_id = :shop AND sku = :sku""")
                .param("l", length).param("w", width).param("h", height).param("now", now)
                .param("shop", shop.value()).param("sku", skuText).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO product_dimensions (shop_id, sku, length_mm, width_mm, height_mm, updated_at)
                    VALUES (:shop, :sku, :l, :w, :h, :now)""")
                    .param("l", length).param("w", width).param("h", height).param("now", now)
                    .param("shop", shop.value()).param("sku", skuText).update();
        }
        audit.record(shop, "product.dimensions-set", "product", skuText, null,
                Map.of("lengthMm", length, "widthMm", width, "heightMm", height));
        return new Dimensions(length, width, height);
    }

    private static void check(Validation v, String field, Integer mm) {
        if (mm == null) {
            v.reject(field, "is required");
        } else if (mm < 1 || mm > MAX_MM) {
            v.reject(field, "must be between 1 and " + MAX_MM + " mm");
        }
    }

    @Transactional(readOnly = true)
    public Optional<Dimensions> find(ShopId shop, Sku sku) {
        return of(shop, java.util.List.of(sku)).values().stream().findFirst();
    }

    /** The sizes known for these SKUs; SKUs without one are absent. */
    @Transactional(readOnly = true)
    public Map<Sku, Dimensions> of(ShopId shop, Collection<Sku> skus) {
        Map<Sku, Dimensions> out = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT sku, length_mm, width_mm, height_mm FROM product_dimensions WHERE shop_id = :shop AND sku IN (:skus)")
                .param("shop", shop.value()).param("skus", skus.stream().map(Sku::value).toList())
                .query((rs, i) -> out.put(new Sku(rs.getString(1)), new Dimensions(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
                .list();
        return out;
    }
}
