package org.o2c.orders;

import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;

/** An order was taken and its stock reserved; {@code status} is where it starts (confirmed, on hold…). */
public record OrderPlaced(ShopId shopId, OrderId orderId, String number, OrderStatus status) {}
