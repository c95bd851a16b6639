package org.o2c.fulfillment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warehouse")
class WarehouseApi {
    private final Warehouse warehouse;

    WarehouseApi(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @PutMapping("/layout")
    Map<String, Object> putLayout(@RequestBody Warehouse.LayoutInput body) {
        return json(warehouse.putLayout(CurrentShop.get(), body));
    }

    @GetMapping("/layout")
    Map<String, Object> layout() {
        return warehouse.layout(CurrentShop.get()).map(WarehouseApi::json)
                .orElseThrow(() -> Problem.notFound("warehouse layout"));
    }

    @PutMapping("/bins/{name}")
    Map<String, Object> putBin(@PathVariable String name, @RequestBody Warehouse.BinInput body) {
        return json(warehouse.putBin(CurrentShop.get(), name, body));
    }

    @GetMapping("/bins")
    List<Map<String, Object>> bins() {
        return warehouse.bins(CurrentShop.get()).stream().map(WarehouseApi::json).toList();
    }

    static Map<String, Object> json(WarehouseLayout l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aisles", l.aisles());
        m.put("baysPerAisle", l.baysPerAisle());
        m.put("bayWidthMeters", l.bayWidthMeters());
        m.put("aisleDistanceMeters", l.aisleDistanceMeters());
        m.put("crossAisleMeters", l.crossAisleMeters());
        return m;
    }

    static Map<String, Object> json(Bin b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("x", b.xMeters());
        m.put("y", b.yMeters());
        return m;
    }
}
