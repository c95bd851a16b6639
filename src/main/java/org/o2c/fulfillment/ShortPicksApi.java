package org.o2c.fulfillment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/short-picks")
class ShortPicksApi {
    private final ShortPicks shortPicks;

    ShortPicksApi(ShortPicks shortPicks) {
        this.shortPicks = shortPicks;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !List.of(ShortPicks.OPEN, ShortPicks.RESOLVED, ShortPicks.WITHDRAWN).contains(status)) {
            throw Problem.invalid("status", "must be OPEN, RESOLVED or WITHDRAWN");
        }
        return Map.of("items", shortPicks.list(CurrentShop.get(), status, Math.min(Math.max(limit, 1), 500)).stream()
                .map(ShortPicksApi::json).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return json(shortPicks.get(CurrentShop.get(), id));
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> resolve(@PathVariable String id, @RequestBody ShortPicks.Resolution body) {
        return json(shortPicks.resolve(CurrentShop.get(), id, body));
    }

    static Map<String, Object> json(ShortPicks.ShortPick s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("waveId", s.waveId());
        m.put("orderId", s.orderId().toString());
        m.put("orderNumber", s.orderNumber());
        m.put("sku", s.sku());
        m.put("location", s.location());
        m.put("missing", s.missing());
        m.put("status", s.status());
        m.put("reportedAt", s.reportedAt().toString());
        m.put("resolution", s.resolution());
        m.put("note", s.note());
        m.put("repickWaveId", s.repickWaveId());
        m.put("resolvedAt", s.resolvedAt() == null ? null : s.resolvedAt().toString());
        m.put("resolvedBy", s.resolvedBy());
        return m;
    }
}
