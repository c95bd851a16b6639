package org.o2c.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.o2c.catalog.Catalog;
import org.o2c.catalog.Product;
import org.o2c.inventory.Inventory;
import org.o2c.inventory.StockLevel;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.TimeConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Products with their stock, movements and stock counts. */
@Controller
class ProductPages {
    private final Catalog catalog;
    private final Inventory inventory;
    private final MessageSource messages;

    ProductPages(Catalog catalog, Inventory inventory, MessageSource messages) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.messages = messages;
    }

    /** One row of the list: product and stock together. */
    record Row(Product product, int onHand, int reserved, int available, boolean low) {}

    @GetMapping("/products")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean low, Model model) {
        ShopId shop = CurrentShop.get();
        Map<Sku, StockLevel> levels = inventory.levels(shop, false, 10000).stream()
                .collect(Collectors.toMap(StockLevel::sku, l -> l));
        List<Row> rows = catalog.list(shop, q, 1000).stream().map(p -> {
            StockLevel l = levels.get(p.sku());
            return l == null ? new Row(p, 0, 0, 0, false)
                    : new Row(p, l.onHand(), l.reserved(), l.available(), l.lowStockThreshold() > 0 && l.isLow());
        }).filter(r -> !low || r.low()).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        return "products/list";
    }

    @GetMapping("/products/{sku}")
    String detail(@PathVariable String sku, Model model) {
        ShopId shop = CurrentShop.get();
        Sku s = sku(sku);
        Product product = catalog.find(shop, s).orElseThrow(() -> Problem.notFound("product " + sku));
        StockLevel level = inventory.level(shop, s).orElse(new StockLevel(s, 0, 0, 0, List.of()));
        model.addAttribute("product", product);
        model.addAttribute("stock", Map.of("onHand", level.onHand(), "reserved", level.reserved(), "available",
                level.available(), "lowStockThreshold", level.lowStockThreshold(),
                "low", level.lowStockThreshold() > 0 && level.isLow()));
        model.addAttribute("movements", inventory.movements(shop, s, 100));
        model.addAttribute("zone", TimeConfiguration.BUSINESS_ZONE);
        return "products/detail";
    }

    @PostMapping("/products/{sku}/count")
    @PreAuthorize("hasAnyRole('OWNER','WAREHOUSE')")
    String count(@PathVariable String sku, @RequestParam(required = false) Integer onHand,
            @RequestParam(required = false) String bin, @RequestParam(required = false) Integer lowStockThreshold,
            RedirectAttributes flash) {
        try {
            inventory.count(CurrentShop.get(), sku, onHand, bin == null || bin.isBlank() ? null : bin,
                    lowStockThreshold, "stock count in the back-office");
            flash.addFlashAttribute("flash", messages.getMessage("product.counted", null, LocaleContextHolder.getLocale()));
        } catch (Problem p) {
            flash.addFlashAttribute("errors", p.errors());
        }
        return "redirect:/products/" + sku;
    }

    private static Sku sku(String s) {
        if (!Sku.isValid(s)) {
            throw Problem.notFound("product " + s);
        }
        return new Sku(s);
    }
}
