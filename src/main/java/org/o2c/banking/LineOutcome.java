package org.o2c.banking;

import java.math.BigDecimal;
import java.util.List;
import org.o2c.shared.Money;

/**
 * Where a booked line stands in cash application, as the contract's transaction list shows it.
 * {@code allocations} are what was applied (status {@code MATCHED}); a {@code SUGGESTED} line has none yet.
 * {@code confidence} is between 0 and 1, {@code null} for a line nobody could place.
 */
public record LineOutcome(LineStatus status, BigDecimal confidence, List<Allocation> allocations) {

    /** An amount applied to an invoice (or an open item from a previous system), by its number. */
    public record Allocation(String invoiceNumber, Money amount) {}

    public static LineOutcome unmatched() {
        return new LineOutcome(LineStatus.UNMATCHED, null, List.of());
    }
}
