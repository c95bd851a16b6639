package org.o2c.inventory;

import java.time.Instant;

/** One entry of the stock ledger. */
public record StockMovement(long id, String sku, String bin, MovementKind kind, int quantity, int onHandAfter,
        int reservedAfter, String orderId, String reason, String actor, Instant at) {}
