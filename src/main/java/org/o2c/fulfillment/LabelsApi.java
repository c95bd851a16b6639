package org.o2c.fulfillment;

import java.util.Map;
import org.o2c.orders.Order;
import org.o2c.orders.Orders;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The papers of a parcel: its label (the carrier's own, or o2c's generic one) and the packing slip, as
 * PDF; and creating the label, which books the parcel with the shop's carrier and dispatches it.
 */
@RestController
@RequestMapping("/api/v1")
class LabelsApi {
    private final Shipments shipments;
    private final Orders orders;
    private final ShippingLabels labels;

    LabelsApi(Shipments shipments, Orders orders, ShippingLabels labels) {
        this.shipments = shipments;
        this.orders = orders;
        this.labels = labels;
    }

    @PostMapping("/orders/{id}/labels")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    ResponseEntity<Map<String, Object>> create(@PathVariable String id, @RequestBody ShippingLabels.LabelOrder body) {
        ShopId shop = CurrentShop.get();
        ShippingLabels.Labelled l = labels.create(shop, orderId(id), body);
        Map<String, Object> json = ShipmentJson.of(l.shipment(), shipments.trackingUrl(l.shipment().id()));
        json.put("warnings", l.warnings());
        return ResponseEntity.status(l.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json);
    }

    @GetMapping("/shipments/{id}/label")
    ResponseEntity<byte[]> label(@PathVariable String id) {
        ShopId shop = CurrentShop.get();
        Shipment s = shipments.get(shop, id);
        return pdf(labels.label(shop, s), "label-" + s.trackingNumber() + ".pdf");
    }

    @GetMapping("/orders/{id}/packing-slip")
    ResponseEntity<byte[]> packingSlip(@PathVariable String id) {
        ShopId shop = CurrentShop.get();
        Order order = orders.get(shop, orderId(id));
        return pdf(labels.packingSlip(shop, order), "packing-slip-" + order.number() + ".pdf");
    }

    private static OrderId orderId(String id) {
        try {
            return OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }
}
