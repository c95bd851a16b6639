package org.o2c.cashapp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.o2c.shared.Money;

/**
 * What the matcher knows of one open item (an o2c invoice or an item from a previous system).
 * {@code open} is what is still owed; {@code knownIbans} the payer accounts seen for its customer.
 * Optional fields are {@code null}.
 */
record Receivable(
        String invoiceNumber,
        String orderNumber,
        String customerNumber,
        String customerName,
        Set<String> knownIbans,
        LocalDate issueDate,
        LocalDate dueDate,
        Money gross,
        Money open,
        String creditorReference,
        Skonto skonto) {

    /** Cash discount: {@code percent} off the gross when paid by {@code until} (inclusive). */
    record Skonto(BigDecimal percent, LocalDate until) {}
}
