package org.o2c.fulfillment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.catalog.Catalog;
import org.o2c.catalog.Dimensions;
import org.o2c.catalog.Product;
import org.o2c.catalog.ProductDimensions;
import org.o2c.orders.Order;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's standard cartons and the choice of the smallest one an order's items really fit into. */
@Service
public class Cartons {

    /** A standard carton: inner dimensions in millimetres, the most it may carry and its own weight. */
    public record Carton(String code, String name, int lengthMm, int widthMm, int heightMm, int maxWeightGrams,
            int tareGrams) {
        long volume() {
            return (long) lengthMm * widthMm * heightMm;
        }
    }

    /** A carton as it comes in over the API. */
    public record CartonInput(String name, Integer lengthMm, Integer widthMm, Integer heightMm, Integer maxWeightGrams,
            Integer tareGrams) {}

    /**
     * The suggestion for an order: the carton (null when none fits, {@code reason} says why), the items'
     * weight and the weight the packed parcel should have (null when a product has no weight).
     */
    public record Suggestion(Carton carton, Integer itemsGrams, Integer expectedGrams, String reason) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Catalog catalog;
    private final ProductDimensions dimensions;

    Cartons(JdbcClient jdbc, Clock clock, AuditLog audit, Catalog catalog, ProductDimensions dimensions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.catalog = catalog;
        this.dimensions = dimensions;
    }

    /** Creates or changes a carton; answers whether it was new. */
    @Transactional
    public boolean put(ShopId shop, String codeText, CartonInput in) {
        Validation v = new Validation();
        String code = codeText == null ? null : codeText.strip();
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,40}")) {
            v.reject("code", "must be 1-40 letters, digits, '.', '_' or '-'");
        }
        String name = v.text("name", in.name(), 100, true);
        mm(v, "lengthMm", in.lengthMm());
        mm(v, "widthMm", in.widthMm());
        mm(v, "heightMm", in.heightMm());
        grams(v, "maxWeightGrams", in.maxWeightGrams(), 1, true);
        grams(v, "tareGrams", in.tareGrams(), 0, true);
        v.throwIfInvalid();
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("shop", shop.value());
        row.put("code", code);
        row.put("name", name);
        row.put("l", in.lengthMm());
        row.put("w", in.widthMm());
        row.put("h", in.heightMm());
        row.put("max", in.maxWeightGrams());
        row.put("tare", in.tareGrams());
        row.put("now", now);
        int n = jdbc.sql("""
                UPDATE cartons SET name = :name, length_mm = :l, width_mm = :w, height_mm = :h, max_weight_grams = :max,
                    tare_grams = :tare, updated_at = :now WHERE shop_id = :shop AND code = :code""").params(row).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO cartons (shop_id, code, name, length_mm, width_mm, height_mm, max_weight_grams, tare_grams,
                        created_at, updated_at)
                    VALUES (:shop, :code, :name, :l, :w, :h, :max, :tare, :now, :now)""").params(row).update();
        }
        Map<String, Object> details = new LinkedHashMap<>(row);
        details.remove("shop");
        details.remove("now");
        audit.record(shop, n == 0 ? "carton.created" : "carton.changed", "carton", code, null, details);
        return n == 0;
    }

    private static void mm(Validation v, String field, Integer value) {
        if (value == null) {
            v.reject(field, "is required");
        } else if (value < 1 || value > 3000) {
            v.reject(field, "must be between 1 and 3000 mm");
        }
    }

    private static void grams(Validation v, String field, Integer value, int min, boolean required) {
        if (value == null) {
            if (required) {
                v.reject(field, "is required");
            }
        } else if (value < min || value > 1_000_000) {
            v.reject(field, "must be between " + min + " and 1000000 g");
        }
    }

    @Transactional(readOnly = true)
    public List<Carton> list(ShopId shop) {
        return jdbc.sql("SELECT * FROM cartons WHERE shop_id = :shop ORDER BY length_mm * width_mm * height_mm, tare_grams, code")
                .param("shop", shop.value())
                .query((rs, i) -> new Carton(rs.getString("code"), rs.getString("name"), rs.getInt("length_mm"),
                        rs.getInt("width_mm"), rs.getInt("height_mm"), rs.getInt("max_weight_grams"),
                        rs.getInt("tare_grams")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Carton> find(ShopId shop, String code) {
        return list(shop).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The items' weight (null when a product has none), from the catalogue. */
    Integer itemsGrams(ShopId shop, Order order) {
        Map<Sku, Product> products = catalog.findAll(shop, order.lines().stream().map(l -> new Sku(l.sku())).toList());
        int grams = 0;
        for (Order.Line l : order.lines()) {
            Product p = products.get(new Sku(l.sku()));
            if (p == null || p.weightGrams() == null) {
                return null;
            }
            grams += p.weightGrams() * l.quantity();
        }
        return grams;
    }

    /**
     * The smallest carton (by volume, then tare) that carries the items' weight and into which every item
     * really fits, turned as needed.
     */
    @Transactional(readOnly = true)
    public Suggestion suggest(ShopId shop, Order order) {
        Integer items = itemsGrams(shop, order);
        List<Carton> cartons = list(shop);
        if (cartons.isEmpty()) {
            return new Suggestion(null, items, null, "the shop has no standard cartons yet");
        }
        Map<Sku, Dimensions> sizes = dimensions.of(shop, order.lines().stream().map(l -> new Sku(l.sku())).toList());
        List<String> unknown = order.lines().stream().map(Order.Line::sku).filter(s -> !sizes.containsKey(new Sku(s)))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            return new Suggestion(null, items, null, "no dimensions for " + String.join(", ", unknown));
        }
        List<CartonFit.Item> boxes = new ArrayList<>();
        for (Order.Line l : order.lines()) {
            Dimensions d = sizes.get(new Sku(l.sku()));
            for (int i = 0; i < l.quantity(); i++) {
                boxes.add(new CartonFit.Item(l.sku(), d.lengthMm(), d.widthMm(), d.heightMm()));
            }
        }
        List<Carton> bySize = new ArrayList<>(cartons);
        bySize.sort(Comparator.comparingLong(Carton::volume).thenComparingInt(Carton::tareGrams));
        for (Carton c : bySize) {
            if (items != null && items + c.tareGrams() > c.maxWeightGrams()) {
                continue;
            }
            if (CartonFit.pack(new CartonFit.Space(c.lengthMm(), c.widthMm(), c.heightMm()), boxes).isPresent()) {
                return new Suggestion(c, items, items == null ? null : items + c.tareGrams(), null);
            }
        }
        return new Suggestion(null, items, null, "the items fit none of the shop's cartons");
    }

    /** The carton named by the packer; unknown codes are a bad field. */
    Carton require(ShopId shop, String code) {
        return find(shop, code).orElseThrow(() -> Problem.invalid("carton", "is not one of the shop's cartons"));
    }
}
