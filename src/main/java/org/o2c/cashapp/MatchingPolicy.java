package org.o2c.cashapp;

import java.math.BigDecimal;

/**
 * The shop's tolerances and thresholds for cash application. A difference up to {@code toleranceAmount}
 * and at most {@code tolerancePercent} of the invoice is written off; Skonto counts when the line is
 * booked at most {@code skontoGraceDays} after the Skonto date (a transfer takes a day or two).
 * Names count as the same payer from {@code nameThresholdPerMille} (Jaro-Winkler over normalised
 * tokens, 0–1000). A proposal is applied automatically only when its rules allow it and its confidence
 * reaches {@code automaticFromPerMille}; suggestions start at {@code suggestFromPerMille}. Combined
 * payments are searched among a payer's {@code subsetSumMaxItems} oldest open items, at most
 * {@code subsetSumMaxParts} invoices per payment.
 */
record MatchingPolicy(
        BigDecimal toleranceAmount,
        BigDecimal tolerancePercent,
        int skontoGraceDays,
        int nameThresholdPerMille,
        int automaticFromPerMille,
        int suggestFromPerMille,
        int subsetSumMaxItems,
        int subsetSumMaxParts,
        int fuzzyReferenceMinDigits) {

    MatchingPolicy {
        if (toleranceAmount.signum() < 0 || tolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("tolerances cannot be negative");
        }
        if (subsetSumMaxItems < 0 || subsetSumMaxItems > 64 || subsetSumMaxParts < 0) {
            throw new IllegalArgumentException("subset sum bounds must be between 0 and 64 items");
        }
    }

    /** Defaults for a small shop: up to 2.50 EUR but at most 5 % written off, Skonto 3 days late, names from 0.90. */
    static MatchingPolicy defaults() {
        return new MatchingPolicy(new BigDecimal("2.50"), new BigDecimal("5"), 3, 900, 850, 300, 24, 5, 5);
    }
}
