package org.o2c.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.o2c.shared.Money;

/**
 * An invoice the shop waits to be paid for: {@code open} is the gross less credit notes and settled
 * payments. {@code origin} says whether o2c issued it or it came from a previous system. Skonto fields,
 * order number, customer and creditor reference are {@code null} when unknown.
 */
public record OpenItem(
        String number,
        Origin origin,
        String invoiceId,
        String orderNumber,
        String customerNumber,
        String customerName,
        LocalDate issueDate,
        LocalDate dueDate,
        Money gross,
        Money open,
        String creditorReference,
        BigDecimal skontoPercent,
        LocalDate skontoUntil,
        Set<String> knownIbans) {

    /** Issued by o2c, or imported from the shop's previous system. */
    public enum Origin { INVOICE, IMPORT }

    public boolean isSettled() {
        return open.amount().signum() <= 0;
    }
}
