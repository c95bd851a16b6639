package org.o2c.web;

import java.util.List;
import org.o2c.catalog.Catalog;
import org.o2c.inventory.Inventory;
import org.o2c.orders.OrderIntake;
import org.o2c.orders.Orders;
import org.o2c.shared.ShopId;
import org.o2c.shops.Access;
import org.o2c.shops.Role;
import org.o2c.shops.Shops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --demo}: seeds a small shop into an empty database — company, products with stock,
 * customers and orders (one of them held as a possible duplicate) — and the demo login
 * {@value #USER} / {@value #PASSWORD}.
 */
@Component
class DemoShop {
    static final String USER = "demo";
    static final String PASSWORD = "demo-o2c-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoShop.class);

    private final ApplicationArguments args;
    private final Shops shops;
    private final Access access;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Orders orders;
    private final TransactionTemplate tx;

    DemoShop(ApplicationArguments args, Shops shops, Access access, Catalog catalog, Inventory inventory, Orders orders,
            TransactionTemplate tx) {
        this.args = args;
        this.shops = shops;
        this.access = access;
        this.catalog = catalog;
        this.inventory = inventory;
        this.orders = orders;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void seedIfAsked() {
        if (!args.containsOption("demo")) {
            return;
        }
        ShopId shop = ShopId.DEFAULT;
        if (catalog.count(shop) > 0) {
            log.info("--demo: the database is not empty, nothing seeded");
            return;
        }
        tx.executeWithoutResult(s -> seed(shop));
        System.out.println("\n o2c demo shop is ready: sign in as '" + USER + "' with password '" + PASSWORD + "'\n");
    }

    private void seed(ShopId shop) {
        shops.saveSettings(shop, new Shops.CompanySettingsInput("Muster Shop GmbH", "Hauptstr. 1", "10115", "Berlin",
                "DE", "DE123456789", "30/123/45678", "DE02120300000000202051", "BYLADEM1001", "shop@example.org", "+49 30 1234567",
                false, true, "SHIPMENT"));
        if (!access.hasUsers(shop)) {
            access.createUser(shop, USER, "Demo Owner", PASSWORD, Role.OWNER);
        }
        record P(String sku, String name, String gtin, String price, String tax, int grams, String bin, int stock, int low) {}
        List<P> products = List.of(
                new P("SOCK-1", "Wollsocken", "4006381333931", "12.90", "STANDARD", 180, "A-03-2", 50, 10),
                new P("SOCK-2", "Wollsocken Kinder", null, "9.90", "STANDARD", 120, "A-03-3", 30, 5),
                new P("TEA-1", "Kräutertee 100 g", null, "6.50", "REDUCED", 110, "B-01-1", 120, 20),
                new P("BOOK-1", "Strickbuch", "9783161484100", "24.00", "REDUCED", 650, "C-07-2", 12, 3),
                new P("MUG-1", "Becher Steingut", null, "14.90", "STANDARD", 420, "B-05-1", 4, 5),
                new P("YARN-1", "Merinogarn 50 g", null, "7.90", "STANDARD", 55, "A-10-1", 200, 30));
        for (P p : products) {
            catalog.put(shop, p.sku(), new Catalog.ProductInput(p.name(), p.gtin(), p.price(), "EUR", p.tax(), p.grams(), p.bin()));
            inventory.count(shop, p.sku(), p.stock(), null, p.low(), "opening stock (demo)");
        }
        order(shop, "demo-1001", "anna@example.org", "Anna Beispiel", "Lindenweg 5", "80331", "München",
                List.of(new OrderIntake.Line("SOCK-1", 2, null), new OrderIntake.Line("TEA-1", 1, null)), "INVOICE");
        order(shop, "demo-1002", "ben@example.org", "Ben Müller", "Am Markt 3", "20095", "Hamburg",
                List.of(new OrderIntake.Line("BOOK-1", 1, null)), "PREPAYMENT");
        order(shop, "demo-1003", "clara@example.org", "Clara Schmidt", "Ringstr. 12", "50667", "Köln",
                List.of(new OrderIntake.Line("YARN-1", 10, null), new OrderIntake.Line("MUG-1", 1, null)), "PAYPAL");
        // The same basket again a minute later with a new shop order number: held as a possible duplicate.
        order(shop, "demo-1004", "clara@example.org", "Clara Schmidt", "Ringstr. 12", "50667", "Köln",
                List.of(new OrderIntake.Line("YARN-1", 10, null), new OrderIntake.Line("MUG-1", 1, null)), "PAYPAL");
    }

    private void order(ShopId shop, String ext, String email, String name, String street, String postal, String city,
            List<OrderIntake.Line> lines, String payment) {
        var address = new OrderIntake.Address(name, null, street, null, postal, city, "DE");
        orders.take(shop, new OrderIntake(ext, "demo", new OrderIntake.Customer(email, name, null, null), address, null,
                lines, "4.90", payment, "EUR", null, "de"));
    }
}
