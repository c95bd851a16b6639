package org.o2c.web;

import java.util.List;
import java.util.Optional;
import org.o2c.fulfillment.Cartons;
import org.o2c.fulfillment.Shipment;
import org.o2c.fulfillment.Shipments;
import org.o2c.fulfillment.ShippingLabels;
import org.o2c.orders.Order;
import org.o2c.orders.Orders;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The packing table: the packer opens an order by its number (typed or scanned from the pick list), sees
 * what goes in, the carton o2c suggests and the weight to expect, types the scale's weight and gets the
 * label; the parcel is then shipped exactly as through the API (stock issued, order shipped, invoice and
 * mail). A weight that does not fit stops the parcel for a re-check, with the reason to send it anyway.
 */
@Controller
class PackingPages {
    private final Orders orders;
    private final Cartons cartons;
    private final Shipments shipments;
    private final ShippingLabels labels;

    PackingPages(Orders orders, Cartons cartons, Shipments shipments, ShippingLabels labels) {
        this.orders = orders;
        this.cartons = cartons;
        this.shipments = shipments;
        this.labels = labels;
    }

    /** The typed or scanned order number, or the order id. */
    @GetMapping("/shipping/pack")
    String open(@RequestParam(required = false) String order, Model model) {
        ShopId shop = CurrentShop.get();
        String wanted = order == null ? "" : order.strip();
        Optional<OrderId> found = byNumberOrId(shop, wanted);
        if (found.isEmpty()) {
            model.addAttribute("notFound", wanted);
            model.addAttribute("cartons", cartons.list(shop));
            return "shipping/pack";
        }
        return "redirect:/shipping/pack/" + found.get();
    }

    @GetMapping("/shipping/pack/{id}")
    String page(@PathVariable String id, Model model) {
        fill(model, CurrentShop.get(), order(CurrentShop.get(), id));
        return "shipping/pack";
    }

    @PostMapping("/shipping/pack/{id}")
    @PreAuthorize("hasAnyRole('OWNER','WAREHOUSE')")
    String pack(@PathVariable String id, @RequestParam(required = false) String weightGrams,
            @RequestParam(required = false) String carton, @RequestParam(required = false) String carrier,
            @RequestParam(required = false) String trackingNumber,
            @RequestParam(required = false) String weightCheckOverride, Model model) {
        ShopId shop = CurrentShop.get();
        Order order = order(shop, id);
        try {
            Integer grams = grams(weightGrams);
            ShippingLabels.Labelled l = labels.create(shop, order.id(), new ShippingLabels.LabelOrder(grams,
                    blankToNull(carton), weightCheckOverride, blankToNull(carrier), blankToNull(trackingNumber)));
            model.addAttribute("warnings", l.warnings());
            model.addAttribute("justShipped", l.created());
            fill(model, shop, orders.get(shop, order.id()));
        } catch (Problem p) {
            fill(model, shop, order);
            // A refused weight names the weight; any other refusal (held, cancelled, shipped meanwhile) the order.
            String field = p.type().startsWith("weight") || p.type().startsWith("carton") ? "weightGrams" : "order";
            model.addAttribute("errors", p.errors().isEmpty() ? List.of(new Problem.FieldError(field, p.getMessage()))
                    : p.errors());
            model.addAttribute("weightMismatch", "weight-mismatch".equals(p.type()));
            model.addAttribute("typed", new Typed(weightGrams, carton, carrier, trackingNumber));
        }
        return "shipping/pack";
    }

    @GetMapping("/shipping/parcels/{id}/label.pdf")
    ResponseEntity<byte[]> label(@PathVariable String id) {
        ShopId shop = CurrentShop.get();
        Shipment s = shipments.find(shop, id).orElseThrow(() -> Problem.notFound("shipment " + id));
        return pdf(labels.label(shop, s), "label-" + s.trackingNumber() + ".pdf");
    }

    @GetMapping("/shipping/pack/{id}/packing-slip.pdf")
    ResponseEntity<byte[]> packingSlip(@PathVariable String id) {
        ShopId shop = CurrentShop.get();
        Order order = order(shop, id);
        return pdf(labels.packingSlip(shop, order), "packing-slip-" + order.number() + ".pdf");
    }

    /** What the packer typed, shown again after a refusal. */
    record Typed(String weightGrams, String carton, String carrier, String trackingNumber) {}

    private void fill(Model model, ShopId shop, Order order) {
        model.addAttribute("order", order);
        model.addAttribute("shipTo", order.shippingAddress() != null ? order.shippingAddress() : order.billingAddress());
        model.addAttribute("cartons", cartons.list(shop));
        model.addAttribute("suggestion", cartons.suggest(shop, order));
        model.addAttribute("carrierBooks", labels.carrierBooksLabels(shop));
        model.addAttribute("shipment", shipments.forOrder(shop, order.id()).stream().findFirst().orElse(null));
    }

    private Optional<OrderId> byNumberOrId(ShopId shop, String wanted) {
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        try {
            OrderId id = OrderId.parse(wanted);
            if (orders.find(shop, id).isPresent()) {
                return Optional.of(id);
            }
        } catch (IllegalArgumentException notAnId) {
            // an order number, most likely
        }
        return orders.list(shop, null, wanted, 20, 0).stream()
                .filter(o -> o.number().equalsIgnoreCase(wanted) || wanted.equalsIgnoreCase(o.externalId()))
                .map(Orders.Summary::id).findFirst();
    }

    private Order order(ShopId shop, String id) {
        try {
            return orders.get(shop, OrderId.parse(id));
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
    }

    /** The scale's reading; a typo answers like every other bad field, naming it. */
    private static Integer grams(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Problem.invalid("weightGrams", "\"" + text.strip() + "\" is not a weight in whole grams");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(body);
    }
}
