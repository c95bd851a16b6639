package org.o2c.banking;

import java.math.BigDecimal;

/**
 * What ties a bank batch (a SEPA direct-debit collection, a PSP payout, a transfer batch) booked as one
 * sum in the daily statement to its breakdown, usually delivered in a camt.054. {@code entryRef} is the
 * bank's reference of the booking ({@code AcctSvcrRef}), {@code batchId} the batch's payment information
 * or message id ({@code Btch/PmtInfId}, {@code Btch/MsgId}); either may be null, not both. {@code total}
 * is the amount the bank booked for the whole batch, {@code count} its number of items when known (else 0).
 */
record BatchLink(Role role, String entryRef, String batchId, BigDecimal total, int count) {

    /** {@code LUMP}: the batch as one line; {@code ITEM}: one of its items as a line of its own. */
    enum Role { LUMP, ITEM }

    BatchLink {
        if (entryRef == null && batchId == null) {
            throw new IllegalArgumentException("a batch needs a reference or an id");
        }
    }
}
