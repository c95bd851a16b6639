package org.o2c.fulfillment;

import java.time.LocalDate;
import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;

/**
 * A parcel moved on (out for delivery, delivered…) or will come later than promised ({@code delayed}:
 * the expected date moved later or a delivery attempt failed).
 */
public record ShipmentStatusChanged(ShopId shopId, String shipmentId, OrderId orderId, String orderNumber,
        String carrier, String trackingNumber, TrackingStatus from, TrackingStatus to, LocalDate expectedDelivery,
        boolean delayed, Shipment.Recipient recipient, String trackingUrl) {}
