package org.o2c.fulfillment;

import java.util.LinkedHashMap;
import java.util.Map;

/** A shipment as the API answers it. */
final class ShipmentJson {
    private ShipmentJson() {}

    static Map<String, Object> of(Shipment s, String trackingUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("orderId", s.orderId().toString());
        m.put("orderNumber", s.orderNumber());
        m.put("carrier", s.carrier());
        m.put("trackingNumber", s.trackingNumber());
        m.put("trackingUrl", trackingUrl);
        m.put("carrierTrackingUrl", Carriers.trackingPage(s.carrier(), s.trackingNumber()));
        m.put("weightGrams", s.weightGrams());
        m.put("weightClass", WeightClass.of(s.weightGrams()).name());
        m.put("carton", s.cartonCode());
        m.put("labelUrl", "/api/v1/shipments/" + s.id() + "/label");
        m.put("status", s.status().name());
        m.put("shippedOn", s.shippedOn().toString());
        m.put("expectedDelivery", s.expectedDelivery().toString());
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("name", s.shipTo().name());
        to.put("company", s.shipTo().company());
        to.put("street", s.shipTo().street());
        to.put("street2", s.shipTo().street2());
        to.put("postalCode", s.shipTo().postalCode());
        to.put("city", s.shipTo().city());
        to.put("country", s.shipTo().country());
        m.put("shipTo", to);
        m.put("deliveryPreference", s.preference().name());
        m.put("preferenceDetail", s.preferenceDetail());
        m.put("events", s.events().stream().map(e -> {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("status", e.status().name());
            ev.put("occurredAt", e.occurredAt().toString());
            ev.put("location", e.location());
            ev.put("description", e.description());
            ev.put("expectedDelivery", e.expectedDelivery() == null ? null : e.expectedDelivery().toString());
            ev.put("origin", e.origin());
            return ev;
        }).toList());
        return m;
    }
}
