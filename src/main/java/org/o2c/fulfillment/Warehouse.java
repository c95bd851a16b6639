package org.o2c.fulfillment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.catalog.Catalog;
import org.o2c.fulfillment.routing.AisleGrid;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's warehouse: its aisle grid and its freely placed bins, and where a named bin lies. */
@Service
public class Warehouse {
    static final int MAX_AISLES = 100;
    private static final BigDecimal MAX_METERS = new BigDecimal("10000");

    /** A layout as it comes in over the API; boxed so a missing field can be named. */
    public record LayoutInput(Integer aisles, Integer baysPerAisle, BigDecimal bayWidthMeters,
            BigDecimal aisleDistanceMeters, BigDecimal crossAisleMeters) {}

    /** A free bin's coordinates as they come in over the API. */
    public record BinInput(BigDecimal x, BigDecimal y) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Catalog catalog;

    Warehouse(JdbcClient jdbc, Clock clock, AuditLog audit, Catalog catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.catalog = catalog;
    }

    @Transactional
    public WarehouseLayout putLayout(ShopId shop, LayoutInput in) {
        Validation v = new Validation();
        Integer aisles = count(v, "aisles", in.aisles(), MAX_AISLES);
        Integer bays = count(v, "baysPerAisle", in.baysPerAisle(), 1000);
        BigDecimal bay = meters(v, "bayWidthMeters", in.bayWidthMeters(), false);
        BigDecimal aisle = meters(v, "aisleDistanceMeters", in.aisleDistanceMeters(), false);
        BigDecimal cross = meters(v, "crossAisleMeters", in.crossAisleMeters(), true);
        v.throwIfInvalid();
        WarehouseLayout layout = new WarehouseLayout(aisles, bays, bay, aisle, cross);
        Optional<WarehouseLayout> before = layout(shop);
        Map<String, Object> p = new HashMap<>();
        p.put("shop", shop.value());
        p.put("aisles", aisles);
        p.put("bays", bays);
        p.put("bay", bay);
        p.put("aisle", aisle);
        p.put("cross", cross);
        p.put("now", Timestamp.from(clock.instant()));
        if (before.isPresent()) {
            jdbc.sql("""
                    UPDATE warehouse_layouts SET aisles = :aisles, bays_per_aisle = :bays, bay_width_m = :bay,
                        aisle_distance_m = :aisle, cross_aisle_m = :cross, updated_at = :now WHERE shop_id = :shop""")
                    .params(p).update();
        } else {
            jdbc.sql("""
                    INSERT INTO warehouse_layouts (shop_id, aisles, bays_per_aisle, bay_width_m, aisle_distance_m,
                        cross_aisle_m, updated_at) VALUES (:shop, :aisles, :bays, :bay, :aisle, :cross, :now)""")
                    .params(p).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.map(Warehouse::describe).orElse(null));
        details.put("after", describe(layout));
        audit.record(shop, before.isPresent() ? "warehouse.layout-changed" : "warehouse.layout-set", "warehouse",
                Long.toString(shop.value()), null, details);
        return layout;
    }

    @Transactional(readOnly = true)
    public Optional<WarehouseLayout> layout(ShopId shop) {
        return jdbc.sql("SELECT * FROM warehouse_layouts WHERE shop_id = :shop").param("shop", shop.value())
                .query((rs, i) -> new WarehouseLayout(rs.getInt("aisles"), rs.getInt("bays_per_aisle"),
                        rs.getBigDecimal("bay_width_m").stripTrailingZeros(),
                        rs.getBigDecimal("aisle_distance_m").stripTrailingZeros(),
                        rs.getBigDecimal("cross_aisle_m").stripTrailingZeros()))
                .optional();
    }

    /** Places (or moves) a bin with free coordinates; its name must not look like a grid bin. */
    @Transactional
    public Bin putBin(ShopId shop, String name, BinInput in) {
        Validation v = new Validation();
        String n = v.text("name", name, 40, true);
        if (n != null && !n.matches("[A-Za-z0-9][A-Za-z0-9 ._/-]*")) {
            v.reject("name", "use letters, digits and '-', '.', '_', '/'");
        }
        BigDecimal x = coordinate(v, "x", in.x());
        BigDecimal y = coordinate(v, "y", in.y());
        v.throwIfInvalid();
        Optional<Bin> before = bins(shop, List.of(n)).values().stream().findFirst();
        Timestamp now = Timestamp.from(clock.instant());
        if (before.isPresent()) {
            jdbc.sql("UPDATE warehouse_bins SET x_m = :x, y_m = :y, updated_at = :now WHERE shop_id = :shop AND name = :n")
                    .param("x", x).param("y", y).param("now", now).param("shop", shop.value()).param("n", n).update();
        } else {
            jdbc.sql("INSERT INTO warehouse_bins (shop_id, name, x_m, y_m, updated_at) VALUES (:shop, :n, :x, :y, :now)")
                    .param("x", x).param("y", y).param("now", now).param("shop", shop.value()).param("n", n).update();
        }
        Bin bin = new Bin(n, x.stripTrailingZeros(), y.stripTrailingZeros());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.map(b -> b.xMeters().toPlainString() + "," + b.yMeters().toPlainString()).orElse(null));
        details.put("after", bin.xMeters().toPlainString() + "," + bin.yMeters().toPlainString());
        audit.record(shop, before.isPresent() ? "warehouse.bin-moved" : "warehouse.bin-placed", "bin", n, null, details);
        return bin;
    }

    @Transactional(readOnly = true)
    public List<Bin> bins(ShopId shop) {
        return jdbc.sql("SELECT name, x_m, y_m FROM warehouse_bins WHERE shop_id = :shop ORDER BY name")
                .param("shop", shop.value()).query((rs, i) -> new Bin(rs.getString(1),
                        rs.getBigDecimal(2).stripTrailingZeros(), rs.getBigDecimal(3).stripTrailingZeros()))
                .list();
    }

    private Map<String, Bin> bins(ShopId shop, Collection<String> names) {
        Map<String, Bin> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT name, x_m, y_m FROM warehouse_bins WHERE shop_id = :shop AND name IN (:names)")
                .param("shop", shop.value()).param("names", List.copyOf(names))
                .query((rs, i) -> out.put(rs.getString(1), new Bin(rs.getString(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3))))
                .list();
        return out;
    }

    /**
     * Where each named bin lies; a name is absent from the answer when it is neither a free bin nor a bin of
     * the grid. A free bin wins over a grid name.
     */
    @Transactional(readOnly = true)
    Map<String, Place> locate(ShopId shop, Collection<String> names) {
        Map<String, Bin> free = bins(shop, names);
        Optional<AisleGrid> grid = layout(shop).map(Warehouse::grid);
        Map<String, Place> out = new HashMap<>();
        for (String name : names) {
            Bin bin = free.get(name);
            if (bin != null) {
                out.put(name, new Place(-1, micrometres(bin.xMeters()), micrometres(bin.yMeters())));
                continue;
            }
            BinNames.Position pos = BinNames.parse(name);
            if (pos != null && grid.isPresent() && pos.aisle() < grid.get().aisles() && pos.bay() >= 1
                    && pos.bay() <= grid.get().baysPerAisle()) {
                out.put(name, new Place(pos.aisle(), grid.get().x(pos.aisle()), grid.get().y(pos.bay())));
            }
        }
        return out;
    }

    /**
     * Bin labels as a PDF: with {@code aisle}, every bay of that aisle on {@code levels} levels; without, every
     * bin a product names that is in the warehouse, and every placed bin.
     */
    @Transactional(readOnly = true)
    public byte[] labels(ShopId shop, String aisle, Integer levels) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        if (aisle != null && !aisle.isBlank()) {
            WarehouseLayout l = layout(shop).orElseThrow(() -> Problem.invalid("aisle", "set the warehouse layout first"));
            Validation v = new Validation();
            int index = aisle.strip().matches("[A-Za-z]{1,2}") ? BinNames.aisleIndex(aisle.strip()) : -1;
            if (index < 0 || index >= l.aisles()) {
                v.reject("aisle", "is not an aisle of the warehouse (A to " + BinNames.aisleLetters(l.aisles() - 1) + ")");
            }
            int lv = levels == null ? 1 : levels;
            if (lv < 1 || lv > 20) {
                v.reject("levels", "must be between 1 and 20");
            }
            v.throwIfInvalid();
            for (int bay = 1; bay <= l.baysPerAisle(); bay++) {
                for (int level = 1; level <= lv; level++) {
                    names.add(BinNames.name(index, bay, level));
                }
            }
        } else {
            List<String> used = catalog.list(shop, null, 5000).stream().map(org.o2c.catalog.Product::location)
                    .filter(java.util.Objects::nonNull).distinct().toList();
            names.addAll(locate(shop, used).keySet());
            bins(shop).forEach(b -> names.add(b.name()));
        }
        return BinLabels.pdf(List.copyOf(names));
    }

    static AisleGrid grid(WarehouseLayout l) {
        return new AisleGrid(l.aisles(), l.baysPerAisle(), micrometres(l.bayWidthMeters()),
                micrometres(l.aisleDistanceMeters()), micrometres(l.crossAisleMeters()));
    }

    static long micrometres(BigDecimal meters) {
        return meters.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static BigDecimal meters(long micrometres) {
        return BigDecimal.valueOf(micrometres).movePointLeft(6).setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> describe(WarehouseLayout l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aisles", l.aisles());
        m.put("baysPerAisle", l.baysPerAisle());
        m.put("bayWidthMeters", l.bayWidthMeters().toPlainString());
        m.put("aisleDistanceMeters", l.aisleDistanceMeters().toPlainString());
        m.put("crossAisleMeters", l.crossAisleMeters().toPlainString());
        return m;
    }

    private static Integer count(Validation v, String field, Integer value, int max) {
        if (value == null) {
            v.reject(field, "is required");
        } else if (value < 1 || value > max) {
            v.reject(field, "must be between 1 and " + max);
        } else {
            return value;
        }
        return null;
    }

    private static BigDecimal meters(Validation v, String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            v.reject(field, "is required");
            return null;
        }
        if (value.signum() < 0 || !zeroAllowed && value.signum() == 0) {
            v.reject(field, zeroAllowed ? "must not be negative" : "must be more than 0");
            return null;
        }
        if (value.compareTo(MAX_METERS) > 0) {
            v.reject(field, "must be at most 10000 metres");
            return null;
        }
        if (value.stripTrailingZeros().scale() > 3) {
            v.reject(field, "must have at most 3 decimal places (millimetres)");
            return null;
        }
        return value.setScale(3, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal coordinate(Validation v, String field, BigDecimal value) {
        if (value == null) {
            v.reject(field, "is required");
            return null;
        }
        if (value.abs().compareTo(MAX_METERS) > 0) {
            v.reject(field, "must be within 10000 metres of the depot");
            return null;
        }
        if (value.stripTrailingZeros().scale() > 3) {
            v.reject(field, "must have at most 3 decimal places (millimetres)");
            return null;
        }
        return value.setScale(3, RoundingMode.UNNECESSARY);
    }
}
