package org.o2c.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.o2c.cashapp.CashApplication;
import org.o2c.fulfillment.FulfillmentMetrics;
import org.o2c.inventory.Inventory;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.Orders;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page: what waits for a decision today, and the warehouse's numbers for a chosen period. */
@Controller
class HomePage {
    private final Orders orders;
    private final Inventory inventory;
    private final CashApplication cash;
    private final FulfillmentMetrics metrics;
    private final Clock clock;

    HomePage(Orders orders, Inventory inventory, CashApplication cash, FulfillmentMetrics metrics, Clock clock) {
        this.orders = orders;
        this.inventory = inventory;
        this.cash = cash;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        ShopId shop = CurrentShop.get();
        var counts = new java.util.HashMap<String, Long>();
        orders.countByStatus(shop).forEach((k, v) -> counts.put(k.name(), v));
        model.addAttribute("counts", counts);
        model.addAttribute("held", orders.list(shop, OrderStatus.ON_HOLD, null, 20, 0));
        model.addAttribute("lowStock", inventory.levels(shop, true, 50).stream().filter(l -> l.lowStockThreshold() > 0).toList());
        model.addAttribute("matchRate", cash.matchRate(shop, 30));
        model.addAttribute("paymentsWaiting", cash.waiting(shop));
        // The last 7 days by default; a bad or too long period falls back to it rather than failing the start page.
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE));
        LocalDate end = date(to, today);
        LocalDate start = date(from, end.minusDays(6));
        FulfillmentMetrics.Numbers numbers;
        try {
            numbers = metrics.of(shop, start, end);
        } catch (Problem p) {
            numbers = metrics.of(shop, today.minusDays(6), today);
        }
        model.addAttribute("numbers", numbers);
        return "home";
    }

    private static LocalDate date(String text, LocalDate otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
