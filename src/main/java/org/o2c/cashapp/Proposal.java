package org.o2c.cashapp;

import java.math.BigDecimal;
import java.util.List;
import org.o2c.shared.Money;

/**
 * The matcher's answer for one bank line: the band, a confidence between 0 and 1, the amounts to apply
 * per invoice, what is written off as a small difference or Skonto, what stays as customer credit, and
 * the reasons a person reads. An {@code UNMATCHED} proposal has no allocations.
 */
record Proposal(Band band, BigDecimal confidence, List<Allocation> allocations, Money writeOff,
                Money customerCredit, List<String> reasons) {

    record Allocation(String invoiceNumber, Money amount) {}

    enum Band { AUTOMATIC, SUGGESTED, UNMATCHED }
}
