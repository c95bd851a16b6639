package org.o2c.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.o2c.orders.Order;
import org.o2c.shared.OrderId;

/** An order's parcel after it left the packing table: carrier, tracking number, where it goes and its timeline. */
public record Shipment(String id, OrderId orderId, String orderNumber, String carrier, String trackingNumber,
        Integer weightGrams, String cartonCode, TrackingStatus status, LocalDate shippedOn, LocalDate expectedDelivery,
        Recipient recipient, Order.PostalAddress shipTo, DeliveryPreference preference, String preferenceDetail,
        Instant createdAt, List<Event> events) {

    /** Whom the shipping e-mails go to, and in which language. */
    public record Recipient(String email, String name, String language) {}

    /** One scan or status report, as the carrier (or a person, or o2c itself) reported it. */
    public record Event(TrackingStatus status, Instant occurredAt, String location, String description,
            LocalDate expectedDelivery, String origin) {}
}
