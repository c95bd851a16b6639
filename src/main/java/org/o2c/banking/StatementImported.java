package org.o2c.banking;

import org.o2c.shared.ShopId;

/**
 * A statement file was read: booked ({@code statementId} set, {@code refusedReason} null) or refused
 * (nothing kept, {@code statementId} 0, the reason says where and why). {@code source} is API, UPLOAD or INBOX.
 */
public record StatementImported(ShopId shopId, long statementId, String fileName, String source,
                                StatementFormat format, int transactions, String refusedReason) {
}
