package org.o2c.cashapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A shop's cash-application settings in a bookkeeper's terms. A payment short of the open amount by at
 * most {@code toleranceAmount} and at most {@code tolerancePercent} of it settles the invoice, the rest
 * written off to {@code differenceAccount}; Skonto counts up to {@code skontoGraceDays} after its date
 * and goes to {@code skontoAccount}. A proposal whose confidence (0 to 1) reaches
 * {@code automaticThreshold} is applied without a person (when its evidence allows it), one from
 * {@code suggestionThreshold} waits as a suggestion, below that the line is unmatched. Names count as
 * the same payer from {@code nameSimilarity}; one payment may pay up to {@code maxInvoicesPerPayment}
 * invoices. {@code updatedAt} and {@code updatedBy} are null while the shop uses the defaults.
 */
public record CashApplicationSettings(
        BigDecimal toleranceAmount,
        BigDecimal tolerancePercent,
        int skontoGraceDays,
        BigDecimal automaticThreshold,
        BigDecimal suggestionThreshold,
        BigDecimal nameSimilarity,
        int maxInvoicesPerPayment,
        String differenceAccount,
        String skontoAccount,
        Instant updatedAt,
        String updatedBy) {

    /**
     * What a shop starts with: the matcher's measured defaults (see docs/cash-application-quality.md),
     * small differences to SKR03 4970 (Nebenkosten des Geldverkehrs; SKR04 6855) and Skonto to SKR03 8736
     * (Gewährte Skonti 19 %; SKR04 4736). The accounts are the shop's to change: its tax adviser decides.
     */
    public static final CashApplicationSettings DEFAULTS = from(MatchingPolicy.defaults(), "4970", "8736");

    /** Settings as a request carries them, unchecked: decimals as text, whole numbers as numbers. */
    public record Input(String toleranceAmount, String tolerancePercent, Integer skontoGraceDays,
            String automaticThreshold, String suggestionThreshold, String nameSimilarity,
            Integer maxInvoicesPerPayment, String differenceAccount, String skontoAccount) {}

    /** The matcher's policy for these settings; search bounds that are no bookkeeping decision stay fixed. */
    MatchingPolicy policy() {
        MatchingPolicy d = MatchingPolicy.defaults();
        return new MatchingPolicy(toleranceAmount, tolerancePercent, skontoGraceDays, perMille(nameSimilarity),
                perMille(automaticThreshold), perMille(suggestionThreshold), d.subsetSumMaxItems(),
                maxInvoicesPerPayment, d.fuzzyReferenceMinDigits());
    }

    CashApplicationSettings withAudit(Instant at, String by) {
        return new CashApplicationSettings(toleranceAmount, tolerancePercent, skontoGraceDays, automaticThreshold,
                suggestionThreshold, nameSimilarity, maxInvoicesPerPayment, differenceAccount, skontoAccount, at, by);
    }

    private static CashApplicationSettings from(MatchingPolicy p, String differenceAccount, String skontoAccount) {
        return new CashApplicationSettings(p.toleranceAmount().setScale(2), p.tolerancePercent().setScale(2),
                p.skontoGraceDays(), share(p.automaticFromPerMille()), share(p.suggestFromPerMille()),
                share(p.nameThresholdPerMille()), p.subsetSumMaxParts(), differenceAccount, skontoAccount, null, null);
    }

    private static BigDecimal share(int perMille) {
        return BigDecimal.valueOf(perMille, 3).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static int perMille(BigDecimal share) {
        return share.movePointRight(3).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
