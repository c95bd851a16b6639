package org.o2c.fulfillment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.TimeConfiguration;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The warehouse's numbers, read-only; the period defaults to the last 7 days including today. */
@RestController
@RequestMapping("/api/v1/fulfillment/metrics")
class FulfillmentMetricsApi {
    private final FulfillmentMetrics metrics;
    private final Clock clock;

    FulfillmentMetricsApi(FulfillmentMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> get(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE));
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(6));
        return json(metrics.of(CurrentShop.get(), start, end));
    }

    private static LocalDate date(String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a date like 2026-11-26");
        }
    }

    static Map<String, Object> json(FulfillmentMetrics.Numbers n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", n.from().toString());
        m.put("to", n.to().toString());
        FulfillmentMetrics.PickNumbers p = n.picking();
        Map<String, Object> picking = new LinkedHashMap<>();
        picking.put("waves", p.waves());
        picking.put("orders", p.orders());
        picking.put("lines", p.lines());
        picking.put("items", p.items());
        picking.put("pickSeconds", p.pickSeconds());
        picking.put("secondsPerOrder", p.secondsPerOrder());
        picking.put("secondsPerLine", p.secondsPerLine());
        picking.put("wrongScans", p.wrongScans());
        picking.put("misPickPercent", p.misPickPercent());
        picking.put("shortPicks", p.shortPicks());
        m.put("picking", picking);
        FulfillmentMetrics.ShipNumbers s = n.shipping();
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("parcels", s.parcels());
        shipping.put("onTime", s.onTime());
        shipping.put("late", s.late());
        shipping.put("withoutPromise", s.withoutPromise());
        shipping.put("onTimePercent", s.onTimePercent());
        shipping.put("byCarton", s.byCarton().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("carton", c.carton());
            cm.put("parcels", c.parcels());
            return cm;
        }).toList());
        m.put("shipping", shipping);
        return m;
    }
}
