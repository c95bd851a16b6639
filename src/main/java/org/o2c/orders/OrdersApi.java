package org.o2c.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
class OrdersApi {
    private final Orders orders;

    OrdersApi(Orders orders) {
        this.orders = orders;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> place(@RequestBody OrderIntake body) {
        ShopId shop = CurrentShop.get();
        Orders.Taken taken;
        try {
            taken = orders.take(shop, body);
        } catch (DuplicateKeyException raced) {
            // The same externalId arrived twice at the same moment: the other request made the order.
            taken = new Orders.Taken(orders.byExternalId(shop, body.externalId().strip()).orElseThrow(() -> raced), false);
        }
        return ResponseEntity.status(taken.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(taken.order()));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return json(orders.get(CurrentShop.get(), id(id)));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        OrderStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = OrderStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("status", "is not an order status");
            }
        }
        int size = Math.min(Math.max(limit, 1), 1000);
        List<Map<String, Object>> items = orders.list(CurrentShop.get(), s, q, size, Math.max(offset, 0)).stream()
                .map(o -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", o.id().toString());
                    m.put("number", o.number());
                    m.put("externalId", o.externalId());
                    m.put("customerName", o.customerName());
                    m.put("email", o.email());
                    m.put("gross", o.gross().toPlainString());
                    m.put("currency", o.gross().currency().getCurrencyCode());
                    m.put("status", o.status().name());
                    m.put("holdReason", o.holdReason());
                    m.put("placedAt", o.placedAt().toString());
                    return m;
                }).toList();
        return Map.of("items", items, "limit", size, "offset", Math.max(offset, 0));
    }

    record Reason(String reason) {}

    @PostMapping("/{id}/release")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','SUPPORT','ACCOUNTING')")
    Map<String, Object> release(@PathVariable String id, @RequestBody Reason body) {
        return json(orders.release(CurrentShop.get(), id(id), body.reason()));
    }

    @PostMapping("/{id}/hold")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','SUPPORT','ACCOUNTING')")
    Map<String, Object> hold(@PathVariable String id, @RequestBody Reason body) {
        return json(orders.hold(CurrentShop.get(), id(id), body.reason()));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','SUPPORT','ACCOUNTING')")
    Map<String, Object> cancel(@PathVariable String id, @RequestBody Reason body) {
        return json(orders.cancel(CurrentShop.get(), id(id), body.reason()));
    }

    static OrderId id(String id) {
        try {
            return OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
    }

    static Map<String, Object> json(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id().toString());
        m.put("number", o.number());
        m.put("externalId", o.externalId());
        m.put("channel", o.channel());
        m.put("status", o.status().name());
        if (o.holdReason() != null) {
            m.put("hold", Map.of("reason", o.holdReason().name(), "detail", o.holdDetail() == null ? "" : o.holdDetail()));
        }
        m.put("currency", o.totals().gross().currency().getCurrencyCode());
        m.put("totals", Map.of("net", o.totals().net().toPlainString(), "tax", o.totals().tax().toPlainString(),
                "gross", o.totals().gross().toPlainString()));
        m.put("shippingCost", o.shipping().toPlainString());
        m.put("paymentMethod", o.paymentMethod().name());
        m.put("carrier", o.carrier());
        m.put("promisedShipDate", o.promisedShipDate() == null ? null : o.promisedShipDate().toString());
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", o.customerId().toString());
        customer.put("number", o.customerNumber());
        customer.put("email", o.email());
        customer.put("name", o.customerName());
        customer.put("company", o.company());
        customer.put("vatId", o.vatId());
        customer.put("buyerReference", o.buyerReference());
        m.put("customer", customer);
        m.put("billingAddress", o.billingAddress());
        m.put("shippingAddress", o.shippingAddress());
        m.put("lines", o.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", l.lineNo());
            line.put("sku", l.sku());
            line.put("name", l.name());
            line.put("quantity", l.quantity());
            line.put("unitPrice", l.unitPrice().toPlainString());
            line.put("taxRate", l.taxRate().toPlainString());
            line.put("gross", l.gross().toPlainString());
            return line;
        }).toList());
        m.put("fraud", Map.of("score", o.fraudScore(), "signals", o.fraudSignals()));
        m.put("placedAt", o.placedAt().toString());
        m.put("statusHistory", o.history().stream().map(h -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("status", h.status().name());
            step.put("reason", h.reason());
            step.put("actor", h.actor());
            step.put("at", h.at().toString());
            return step;
        }).toList());
        return m;
    }
}
