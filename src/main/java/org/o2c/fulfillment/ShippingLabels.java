package org.o2c.fulfillment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.audit.DocumentArchive;
import org.o2c.catalog.Catalog;
import org.o2c.orders.Order;
import org.o2c.orders.Orders;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;
import org.o2c.shops.Shops;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The label for an order's parcel, from the shop's carrier: with a DHL account DHL books the parcel and
 * its shipment number becomes the tracking number and its PDF the label; otherwise o2c prints its generic
 * label. Then the parcel is dispatched exactly as {@code POST /orders/{id}/shipments} does. The booking
 * is a remote call made before the database transaction; if recording fails afterwards, the booking is
 * cancelled again, so neither side keeps half a parcel.
 */
@Service
public class ShippingLabels {
    static final String LABEL_KIND = "carrier-label";

    /** What the packer reports: the weighed parcel, optionally its carton; carrier and number for generic labels only. */
    public record LabelOrder(Integer weightGrams, String carton, String weightCheckOverride, String carrier,
            String trackingNumber) {}

    /** The shipment with its label, and whether this call made it (false: the order had its parcel already). */
    public record Labelled(Shipment shipment, boolean created, List<String> warnings) {}

    private final Shipments shipments;
    private final Orders orders;
    private final Shops shops;
    private final Packing packing;
    private final CarrierAccounts accounts;
    private final DhlParcelShipping dhl;
    private final GenericLabels generic;
    private final DocumentArchive archive;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Catalog catalog;

    ShippingLabels(Shipments shipments, Orders orders, Shops shops, Packing packing, CarrierAccounts accounts,
            DhlParcelShipping dhl, GenericLabels generic, DocumentArchive archive, AuditLog audit,
            TransactionTemplate tx, Catalog catalog) {
        this.catalog = catalog;
        this.shipments = shipments;
        this.orders = orders;
        this.shops = shops;
        this.packing = packing;
        this.accounts = accounts;
        this.dhl = dhl;
        this.generic = generic;
        this.archive = archive;
        this.audit = audit;
        this.tx = tx;
    }

    public Labelled create(ShopId shop, OrderId orderId, LabelOrder in) {
        List<Shipment> earlier = shipments.forOrder(shop, orderId);
        if (!earlier.isEmpty()) {
            return new Labelled(earlier.get(0), false, List.of());
        }
        Order order = orders.get(shop, orderId);
        Optional<CarrierAccount> account = accounts.forLabels(shop);
        CarrierLabels carrier = account.isPresent() ? dhl : generic;

        Validation v = new Validation();
        Integer weight = in.weightGrams();
        if (weight == null) {
            v.reject("weightGrams", "is required: the carrier needs the parcel's weight");
        } else if (weight < 1) {
            v.reject("weightGrams", "must be at least 1");
        } else if (weight > carrier.maxWeightGrams(shop)) {
            v.reject("weightGrams", "the parcel weighs " + weight + " g; " + account.map(a -> "DHL " + a.product())
                    .orElse("a parcel") + " takes at most " + carrier.maxWeightGrams(shop) + " g: split it into two parcels");
        }
        String carrierCode = Carriers.normalize(v.text("carrier", in.carrier(), 20, false));
        String tracking = Carriers.normalizeTrackingNumber(v.text("trackingNumber", in.trackingNumber(), 80, false));
        if (account.isPresent() && (carrierCode != null || tracking != null)) {
            v.reject(tracking != null ? "trackingNumber" : "carrier",
                    "leave it out: the shop's labels come from DHL, which assigns the tracking number");
        } else if ((carrierCode == null) != (tracking == null)) {
            v.reject(tracking == null ? "trackingNumber" : "carrier",
                    "give carrier and tracking number together, or neither for your own delivery (" + GenericLabels.OWN + ")");
        }
        v.throwIfInvalid();
        requireShippable(order);
        String override = in.weightCheckOverride() == null || in.weightCheckOverride().isBlank() ? null
                : in.weightCheckOverride();
        // The weight check before booking: a parcel that must be re-packed is not booked at all.
        packing.check(shop, order, in.carton(), weight, override);

        Order.PostalAddress to = order.shippingAddress() != null ? order.shippingAddress() : order.billingAddress();
        CarrierLabels.Booked booked = carrier.book(shop,
                new CarrierLabels.Parcel(sender(shop), to, weight, order.number(), carrierCode, tracking));
        try {
            return tx.execute(status -> record(shop, orderId, in, weight, booked));
        } catch (RuntimeException e) {
            carrier.cancel(shop, booked.trackingNumber());
            throw e;
        }
    }

    private Labelled record(ShopId shop, OrderId orderId, LabelOrder in, int weight, CarrierLabels.Booked booked) {
        Shipments.Dispatched d = shipments.dispatch(shop, orderId, new Shipments.Dispatch(booked.carrier(),
                booked.trackingNumber(), weight, in.carton(), in.weightCheckOverride()));
        String id = d.shipment().id();
        if (booked.labelPdf() != null) {
            archive.store(shop, "shipment", id, LABEL_KIND, "label-" + booked.trackingNumber() + ".pdf",
                    "application/pdf", booked.labelPdf());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("carrier", booked.carrier());
        details.put("trackingNumber", booked.trackingNumber());
        details.put("label", booked.labelPdf() != null ? "carrier" : "generic");
        details.put("weightGrams", weight);
        details.put("weightClass", WeightClass.of(weight).name());
        details.put("warnings", booked.warnings());
        audit.record(shop, "shipment.label-created", "shipment", id, null, details);
        return new Labelled(d.shipment(), d.created(), booked.warnings());
    }

    /** The carrier's own label when it sent one, else o2c's generic label drawn from the shipment as it is now. */
    public byte[] label(ShopId shop, Shipment s) {
        return archive.find(shop, "shipment", s.id(), LABEL_KIND).map(archive::read)
                .orElseGet(() -> LabelPdf.label(sender(shop), s));
    }

    /** Whether the shop's carrier books its labels itself (a DHL account): then it assigns the tracking number. */
    public boolean carrierBooksLabels(ShopId shop) {
        return accounts.forLabels(shop).isPresent();
    }

    /** The packing slip: the order's articles with their bins and a box to tick for each. */
    public byte[] packingSlip(ShopId shop, Order order) {
        Map<String, String> bins = new HashMap<>();
        catalog.findAll(shop, order.lines().stream().map(l -> new Sku(l.sku())).toList())
                .forEach((sku, p) -> {
                    if (p.location() != null) {
                        bins.put(sku.value(), p.location());
                    }
                });
        return LabelPdf.packingSlip(sender(shop), order, bins);
    }

    LabelPdf.Sender sender(ShopId shop) {
        return shops.settings(shop).map(c -> new LabelPdf.Sender(c.name(), c.street(), c.postalCode(), c.city(), c.country()))
                .orElse(new LabelPdf.Sender("o2c", "", "", "", ""));
    }

    /** The states in which an order can never ship now; the order module has the final word when it ships. */
    private static void requireShippable(Order order) {
        String why = switch (order.status()) {
            case ON_HOLD -> "is on hold: release it first";
            case CANCELLED -> "is cancelled";
            case AWAITING_PAYMENT -> "waits for its payment";
            case NEW -> "is not confirmed yet";
            case SHIPPED -> "has shipped already";
            default -> null;
        };
        if (why != null) {
            throw Problem.conflict("order-not-shippable", "Order cannot be shipped", "order " + order.number() + " " + why
                    + "; no label was created");
        }
    }
}
