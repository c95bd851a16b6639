package org.o2c.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.Sku;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stock")
class InventoryApi {
    private final Inventory inventory;

    InventoryApi(Inventory inventory) {
        this.inventory = inventory;
    }

    record Count(Integer onHand, String bin, Integer lowStockThreshold, String reason) {}

    record Receipt(Integer quantity, String bin, String reason) {}

    @PutMapping("/{sku}")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> count(@PathVariable String sku, @RequestBody Count body) {
        return json(inventory.count(CurrentShop.get(), sku, body.onHand(), body.bin(), body.lowStockThreshold(),
                body.reason()));
    }

    @PostMapping("/{sku}/receipts")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> receive(@PathVariable String sku, @RequestBody Receipt body) {
        return json(inventory.receive(CurrentShop.get(), sku, body.quantity(), body.bin(), body.reason()));
    }

    @GetMapping("/{sku}")
    Map<String, Object> get(@PathVariable String sku) {
        return json(inventory.level(CurrentShop.get(), sku(sku)).orElseGet(
                () -> new StockLevel(sku(sku), 0, 0, 0, List.of())));
    }

    @GetMapping("/{sku}/movements")
    List<StockMovement> movements(@PathVariable String sku, @RequestParam(defaultValue = "200") int limit) {
        return inventory.movements(CurrentShop.get(), sku(sku), Math.min(Math.max(limit, 1), 5000));
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(defaultValue = "false") boolean lowOnly,
            @RequestParam(defaultValue = "1000") int limit) {
        return inventory.levels(CurrentShop.get(), lowOnly, Math.min(Math.max(limit, 1), 10000)).stream()
                .map(InventoryApi::json).toList();
    }

    private static Sku sku(String s) {
        if (!Sku.isValid(s)) {
            throw Problem.notFound("product " + s);
        }
        return new Sku(s);
    }

    static Map<String, Object> json(StockLevel l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", l.sku().value());
        m.put("onHand", l.onHand());
        m.put("reserved", l.reserved());
        m.put("available", l.available());
        m.put("lowStockThreshold", l.lowStockThreshold());
        m.put("low", l.isLow());
        m.put("bins", l.bins());
        return m;
    }
}
