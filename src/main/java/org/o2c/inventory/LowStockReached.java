package org.o2c.inventory;

import org.o2c.shared.ShopId;
import org.o2c.shared.Sku;

/** Available stock of a SKU fell to or below its threshold; raised once until it recovers. */
public record LowStockReached(ShopId shopId, Sku sku, int available, int threshold) {}
