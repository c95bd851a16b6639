package org.o2c.orders;

import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;

/**
 * An order waits for its buyer to confirm it: the customer gets a friendly e-mail with
 * {@code confirmUrl}, a signed link that confirms and releases the order.
 */
public record OrderConfirmationRequested(ShopId shopId, OrderId orderId, String number, String email,
        String customerName, String language, String confirmUrl) {}
