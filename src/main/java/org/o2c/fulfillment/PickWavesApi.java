package org.o2c.fulfillment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pick-waves")
class PickWavesApi {
    private final PickWaves waves;
    private final Picking picking;

    PickWavesApi(PickWaves waves, Picking picking) {
        this.waves = waves;
        this.picking = picking;
    }

    record CreateWave(List<String> orderIds) {}

    record Reason(String reason) {}

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateWave body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(json(waves.create(CurrentShop.get(), body.orderIds())));
    }

    record Form(Integer maxWaves) {}

    @PostMapping("/auto")
    ResponseEntity<Map<String, Object>> form(@RequestBody(required = false) Form body) {
        int max = body == null || body.maxWaves() == null ? 100 : body.maxWaves();
        if (max < 1 || max > 1000) {
            throw Problem.invalid("maxWaves", "must be between 1 and 1000");
        }
        PickWaves.Formed formed = waves.formWaves(CurrentShop.get(), max);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("waves", formed.waves().stream().map(PickWavesApi::json).toList());
        m.put("skipped", formed.skipped().entrySet().stream()
                .map(e -> Map.of("orderNumber", e.getKey(), "reason", e.getValue())).toList());
        return ResponseEntity.status(formed.waves().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(m);
    }

    @GetMapping("/settings")
    Map<String, Object> settings() {
        return json(waves.settings(CurrentShop.get()));
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    Map<String, Object> putSettings(@RequestBody PickWaves.SettingsInput body) {
        return json(waves.putSettings(CurrentShop.get(), body));
    }

    static Map<String, Object> json(WaveSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ordersPerWave", s.ordersPerWave());
        m.put("itemsPerCart", s.itemsPerCart());
        m.put("firstBy", s.firstBy());
        m.put("cutOff", s.cutOff().toString());
        m.put("shipWithinDays", s.shipWithinDays());
        m.put("defaultCarrier", s.defaultCarrier());
        Map<String, String> cutOffs = new LinkedHashMap<>();
        s.carrierCutOffs().forEach((c, t) -> cutOffs.put(c, t.toString()));
        m.put("carrierCutOffs", cutOffs);
        return m;
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return json(waves.get(CurrentShop.get(), id));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
        if (status != null && !List.of(PickWave.OPEN, PickWave.DONE, PickWave.CANCELLED).contains(status)) {
            throw Problem.invalid("status", "must be OPEN, DONE or CANCELLED");
        }
        return Map.of("items", waves.list(CurrentShop.get(), status, Math.min(Math.max(limit, 1), 500)).stream()
                .map(PickWavesApi::json).toList());
    }

    @PostMapping("/{id}/cancel")
    Map<String, Object> cancel(@PathVariable String id, @RequestBody Reason body) {
        return json(waves.cancel(CurrentShop.get(), id, body.reason()));
    }

    record Scan(String code) {}

    /** A scanner's bin scan at a stop; a wrong bin is answered with outcome WRONG_BIN, nothing counted. */
    @PostMapping("/{id}/stops/{no}/bin")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> scanBin(@PathVariable String id, @PathVariable int no, @RequestBody Scan body) {
        return json(picking.scanBin(CurrentShop.get(), id, no, body.code()));
    }

    /** A scanner's item scan: one item picked, or refused (WRONG_ITEM, NOT_A_GTIN) and counted as a mis-pick. */
    @PostMapping("/{id}/stops/{no}/item")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> scanItem(@PathVariable String id, @PathVariable int no, @RequestBody Scan body) {
        return json(picking.scanItem(CurrentShop.get(), id, no, body.code()));
    }

    /** The bin holds fewer than the stop needs: the rest is missing and the order waits on hold. */
    @PostMapping("/{id}/stops/{no}/short")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> reportShort(@PathVariable String id, @PathVariable int no) {
        return json(picking.reportShort(CurrentShop.get(), id, no));
    }

    private static Map<String, Object> json(Picking.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().name());
        m.put("wave", json(r.wave()));
        return m;
    }

    @PostMapping("/{id}/orders/{orderId}/remove")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> removeOrder(@PathVariable String id, @PathVariable String orderId, @RequestBody Reason body) {
        return json(waves.removeOrder(CurrentShop.get(), id, orderId, body.reason()));
    }

    static Map<String, Object> json(PickWave w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("status", w.status());
        m.put("kind", w.kind());
        m.put("orderIds", w.orderIds().stream().map(Object::toString).toList());
        m.put("totes", w.totes().stream().map(t -> {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("tote", t.number());
            tm.put("orderId", t.orderId().toString());
            tm.put("orderNumber", t.orderNumber());
            return tm;
        }).toList());
        m.put("stops", w.stops().stream().map(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("no", s.no());
            sm.put("location", s.location());
            sm.put("sku", s.sku());
            sm.put("quantity", s.quantity());
            sm.put("orderId", s.orderId().toString());
            sm.put("tote", s.tote());
            sm.put("picked", s.picked());
            sm.put("missing", s.missing());
            return sm;
        }).toList());
        m.put("distanceMeters", w.distanceMeters());
        m.put("sShapeDistanceMeters", w.sShapeMeters());
        m.put("routing", w.routing());
        m.put("createdAt", w.createdAt().toString());
        return m;
    }
}
