package org.o2c.fulfillment;

import java.util.HashMap;
import java.util.Map;
import org.o2c.catalog.Catalog;
import org.o2c.orders.Order;
import org.o2c.orders.Orders;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shops.Shops;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The papers of a parcel: the generic shipping label and the packing slip, as PDF. */
@RestController
@RequestMapping("/api/v1")
class LabelsApi {
    private final Shipments shipments;
    private final Orders orders;
    private final Catalog catalog;
    private final Shops shops;

    LabelsApi(Shipments shipments, Orders orders, Catalog catalog, Shops shops) {
        this.shipments = shipments;
        this.orders = orders;
        this.catalog = catalog;
        this.shops = shops;
    }

    @GetMapping("/shipments/{id}/label")
    ResponseEntity<byte[]> label(@PathVariable String id) {
        ShopId shop = CurrentShop.get();
        Shipment s = shipments.get(shop, id);
        return pdf(LabelPdf.label(sender(shop), s), "label-" + s.trackingNumber() + ".pdf");
    }

    @GetMapping("/orders/{id}/packing-slip")
    ResponseEntity<byte[]> packingSlip(@PathVariable String id) {
        ShopId shop = CurrentShop.get();
        OrderId orderId;
        try {
            orderId = OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
        Order order = orders.get(shop, orderId);
        Map<String, String> bins = new HashMap<>();
        catalog.findAll(shop, order.lines().stream().map(l -> new Sku(l.sku())).toList())
                .forEach((sku, p) -> {
                    if (p.location() != null) {
                        bins.put(sku.value(), p.location());
                    }
                });
        return pdf(LabelPdf.packingSlip(sender(shop), order, bins), "packing-slip-" + order.number() + ".pdf");
    }

    private LabelPdf.Sender sender(ShopId shop) {
        return shops.settings(shop).map(c -> new LabelPdf.Sender(c.name(), c.street(), c.postalCode(), c.city(), c.country()))
                .orElse(new LabelPdf.Sender("o2c", "", "", "", ""));
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }
}
