package org.o2c.fulfillment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warehouse")
class WarehouseApi {
    private final Warehouse warehouse;
    private final Slotting slotting;
    private final java.time.Clock clock;

    WarehouseApi(Warehouse warehouse, Slotting slotting, java.time.Clock clock) {
        this.warehouse = warehouse;
        this.slotting = slotting;
        this.clock = clock;
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

    @GetMapping(value = "/labels.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> labels(@RequestParam(required = false) String aisle,
            @RequestParam(required = false) Integer levels) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bin-labels.pdf\"")
                .body(warehouse.labels(CurrentShop.get(), aisle, levels));
    }

    @GetMapping("/abc")
    Map<String, Object> abc(@RequestParam(defaultValue = "90") int days) {
        Slotting.Report r = slotting.abc(CurrentShop.get(), days);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("items", r.items().stream().map(WarehouseApi::json).toList());
        m.put("moves", r.moves().stream().map(mv -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("sku", mv.sku());
            x.put("class", String.valueOf(mv.abc()));
            x.put("from", mv.from());
            x.put("to", mv.to());
            return x;
        }).toList());
        return m;
    }

    @GetMapping("/cycle-counts")
    Map<String, Object> cycleCounts(@RequestParam(required = false) String date,
            @RequestParam(defaultValue = "30") int aDays, @RequestParam(defaultValue = "90") int bDays,
            @RequestParam(defaultValue = "365") int cDays) {
        java.time.LocalDate day;
        try {
            day = date == null ? java.time.LocalDate.now(clock.withZone(org.o2c.shared.TimeConfiguration.BUSINESS_ZONE))
                    : java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.invalid("date", "must be a date like 2026-11-26");
        }
        return Map.of("date", day.toString(), "items", slotting.cycleCount(CurrentShop.get(), day, aDays, bDays, cDays)
                .stream().map(WarehouseApi::json).toList());
    }

    static Map<String, Object> json(Slotting.Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", i.sku());
        m.put("unitsSold", i.units());
        m.put("class", String.valueOf(i.abc()));
        m.put("bin", i.bin());
        return m;
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
