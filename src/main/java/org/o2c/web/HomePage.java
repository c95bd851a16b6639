package org.o2c.web;

import org.o2c.cashapp.CashApplication;
import org.o2c.inventory.Inventory;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.Orders;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.ShopId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what waits for a decision today. */
@Controller
class HomePage {
    private final Orders orders;
    private final Inventory inventory;
    private final CashApplication cash;

    HomePage(Orders orders, Inventory inventory, CashApplication cash) {
        this.orders = orders;
        this.inventory = inventory;
        this.cash = cash;
    }

    @GetMapping("/")
    String home(Model model) {
        ShopId shop = CurrentShop.get();
        var counts = new java.util.HashMap<String, Long>();
        orders.countByStatus(shop).forEach((k, v) -> counts.put(k.name(), v));
        model.addAttribute("counts", counts);
        model.addAttribute("held", orders.list(shop, OrderStatus.ON_HOLD, null, 20, 0));
        model.addAttribute("lowStock", inventory.levels(shop, true, 50).stream().filter(l -> l.lowStockThreshold() > 0).toList());
        model.addAttribute("matchRate", cash.matchRate(shop, 30));
        model.addAttribute("paymentsWaiting", cash.waiting(shop));
        return "home";
    }
}
