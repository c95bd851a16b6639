package org.o2c.fulfillment;

import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ShipmentsApi {
    private final Shipments shipments;
    private final CarrierWebhookSecrets secrets;

    ShipmentsApi(Shipments shipments, CarrierWebhookSecrets secrets) {
        this.shipments = shipments;
        this.secrets = secrets;
    }

    @PostMapping("/orders/{id}/shipments")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    ResponseEntity<Map<String, Object>> dispatch(@PathVariable String id, @RequestBody Shipments.Dispatch body) {
        ShopId shop = CurrentShop.get();
        OrderId order = orderId(id);
        Shipments.Dispatched d;
        try {
            d = shipments.dispatch(shop, order, body);
        } catch (DuplicateKeyException raced) {
            // The same tracking number arrived twice at once for different orders; the other one won.
            d = new Shipments.Dispatched(shipments.byTrackingNumber(shop, body.carrier(), body.trackingNumber())
                    .filter(s -> s.orderId().equals(order))
                    .orElseThrow(() -> Problem.conflict("tracking-number-in-use", "Tracking number already used",
                            "the tracking number belongs to another order")), false);
        }
        return ResponseEntity.status(d.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(d.shipment()));
    }

    @GetMapping("/orders/{id}/shipments")
    List<Map<String, Object>> ofOrder(@PathVariable String id) {
        return shipments.forOrder(CurrentShop.get(), orderId(id)).stream().map(this::json).toList();
    }

    @GetMapping("/shipments/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return json(shipments.get(CurrentShop.get(), id));
    }

    @PostMapping("/shipments/{id}/events")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE','SUPPORT')")
    ResponseEntity<Map<String, Object>> track(@PathVariable String id, @RequestBody Shipments.TrackingUpdate body) {
        Shipments.Tracked t = shipments.track(CurrentShop.get(), id, body, "api");
        return ResponseEntity.status(t.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(json(t.shipment()));
    }

    record SecretBody(String secret) {}

    @PutMapping("/carriers/{carrier}/webhook-secret")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    Map<String, Object> secret(@PathVariable String carrier, @RequestBody SecretBody body) {
        String code = secrets.put(CurrentShop.get(), carrier, body.secret());
        return Map.of("carrier", code, "webhookUrl", "/hooks/carriers/" + code.toLowerCase(java.util.Locale.ROOT));
    }

    private static OrderId orderId(String id) {
        try {
            return OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
    }

    Map<String, Object> json(Shipment s) {
        return ShipmentJson.of(s, shipments.trackingUrl(s.id()));
    }
}
