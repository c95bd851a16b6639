package org.o2c.receivables;

import java.time.Instant;
import org.o2c.shared.Money;

/**
 * One row of the allocation ledger. {@code amount} is the signed effect on what is settled of the item
 * (a reversal carries the negated amount of the row it reverses); customer credit has no item.
 * Rows posted together share an {@code applicationId}, and undo reverses them together. {@code account} is
 * the ledger account a write-off (and its reversal) goes to, when the shop named one.
 */
public record Posting(long id, long applicationId, String itemNumber, String customerNumber, Kind kind, Money amount,
        String source, Long reverses, String reason, Instant postedAt, String postedBy, String account) {

    /** What a ledger row records. */
    public enum Kind {
        /** A payment applied to the item. */
        APPLIED,
        /** A difference accepted as settled: Skonto taken within its terms, or a small difference within tolerance. */
        WRITTEN_OFF,
        /** A credit note reduced the item. */
        CREDITED,
        /** Money that belongs to no item yet: an overpayment the customer has with the shop. */
        CUSTOMER_CREDIT,
        /** A payment pulled back (chargeback, returned direct debit): the item is open again. */
        CHARGEBACK,
        /** Undoes an earlier row. */
        REVERSED
    }
}
