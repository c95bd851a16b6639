package org.o2c.fulfillment;

import java.time.LocalDate;
import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;

/** An order's parcel left: the customer is told, with the link to the public tracking page. */
public record ShipmentDispatched(ShopId shopId, String shipmentId, OrderId orderId, String orderNumber,
        String carrier, String trackingNumber, LocalDate expectedDelivery, Shipment.Recipient recipient,
        String trackingUrl) {}
