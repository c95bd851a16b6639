package org.o2c.orders;

import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;

/** An order moved from one status to another (released, cancelled, confirmed by the customer…). */
public record OrderStatusChanged(ShopId shopId, OrderId orderId, String number, OrderStatus from, OrderStatus to,
        String reason) {}
