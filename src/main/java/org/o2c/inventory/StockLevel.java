package org.o2c.inventory;

import java.util.List;
import org.o2c.shared.Sku;

/** Stock of one SKU. {@code available = onHand - reserved} is what can still be promised. */
public record StockLevel(Sku sku, int onHand, int reserved, int lowStockThreshold, List<BinStock> bins) {
    public int available() {
        return onHand - reserved;
    }

    public boolean isLow() {
        return available() <= lowStockThreshold;
    }

    /** What lies in one bin. */
    public record BinStock(String bin, int onHand) {}
}
