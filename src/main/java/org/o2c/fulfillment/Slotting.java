package org.o2c.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.o2c.catalog.Catalog;
import org.o2c.catalog.Product;
import org.o2c.fulfillment.routing.AisleGrid;
import org.o2c.fulfillment.routing.GridPoint;
import org.o2c.orders.Order;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.Orders;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.o2c.shared.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ABC classes from what sold, where the fast movers should stand (nearest the depot), and which SKUs to count
 * today: A monthly, B quarterly, C yearly by default.
 */
@Service
public class Slotting {
    static final int MAX_ORDERS = 5000;

    /** One SKU: units sold in the window, class, and its bin. */
    public record Item(String sku, long units, char abc, String bin) {}

    /** A suggested move of a SKU to another bin. */
    public record Move(String sku, char abc, String from, String to) {}

    /** The classes of the last {@code days} days and the moves that put fast movers nearest the depot. */
    public record Report(LocalDate from, LocalDate to, List<Item> items, List<Move> moves) {}

    private final Clock clock;
    private final Orders orders;
    private final Catalog catalog;
    private final Warehouse warehouse;

    Slotting(Clock clock, Orders orders, Catalog catalog, Warehouse warehouse) {
        this.clock = clock;
        this.orders = orders;
        this.catalog = catalog;
        this.warehouse = warehouse;
    }

    @Transactional(readOnly = true)
    public Report abc(ShopId shop, int days) {
        if (days < 1 || days > 730) {
            throw Problem.invalid("days", "must be between 1 and 730");
        }
        Instant since = clock.instant().minus(days, ChronoUnit.DAYS);
        Map<String, Long> sold = new HashMap<>();
        int offset = 0;
        outer:
        while (offset < MAX_ORDERS) {
            List<Orders.Summary> page = orders.list(shop, null, null, 500, offset);
            for (Orders.Summary s : page) {
                if (s.placedAt().isBefore(since)) {
                    break outer;
                }
                if (s.status() != OrderStatus.CANCELLED) {
                    for (Order.Line l : orders.get(shop, s.id()).lines()) {
                        sold.merge(l.sku(), (long) l.quantity(), Long::sum);
                    }
                }
            }
            if (page.size() < 500) {
                break;
            }
            offset += 500;
        }
        List<Product> products = catalog.list(shop, null, 5000);
        Map<String, String> binOf = new HashMap<>();
        products.stream().filter(p -> p.location() != null).forEach(p -> binOf.put(p.sku().value(), p.location()));
        List<AbcClasses.Velocity> velocities = AbcClasses.classify(sold,
                products.stream().map(p -> p.sku().value()).toList());
        Map<String, Place> places = warehouse.locate(shop, binOf.values().stream().filter(Objects::nonNull)
                .distinct().toList());
        AisleGrid grid = warehouse.layout(shop).map(Warehouse::grid).orElse(null);
        Map<String, Long> walk = new HashMap<>();
        places.forEach((bin, p) -> walk.put(bin, grid != null && p.inGrid()
                ? grid.distance(grid.depot(), new GridPoint(p.aisle(), p.y()))
                : Math.abs(p.x()) + Math.abs(p.y())));
        List<Item> items = new ArrayList<>();
        velocities.forEach(v -> items.add(new Item(v.sku(), v.units(), v.abc(), binOf.get(v.sku()))));
        List<Move> moves = AbcClasses.slotting(velocities, binOf, walk).stream()
                .map(m -> new Move(m.sku(), m.abc(), m.from(), m.to())).toList();
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE));
        return new Report(today.minusDays(days), today, items, moves);
    }

    /** The SKUs to count on {@code day}, by the classes of the last 90 days' sales. */
    @Transactional(readOnly = true)
    public List<Item> cycleCount(ShopId shop, LocalDate day, int aDays, int bDays, int cDays) {
        Validation v = new Validation();
        for (var e : Map.of("aDays", aDays, "bDays", bDays, "cDays", cDays).entrySet()) {
            if (e.getValue() < 1 || e.getValue() > 3660) {
                v.reject(e.getKey(), "must be between 1 and 3660");
            }
        }
        v.throwIfInvalid();
        return abc(shop, 90).items().stream()
                .filter(i -> AbcClasses.dueOn(i.sku(), i.abc(), day, aDays, bDays, cDays)).toList();
    }
}
