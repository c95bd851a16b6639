package org.o2c.tax;

import java.util.Objects;
import org.o2c.shared.Money;

/**
 * A shop's EU distance sales (net, all member states together) in a calendar year and the year before.
 * Below the € 10,000 threshold in both years the seller may charge German VAT (§ 3c Abs. 4 UStG; haufe.de
 * Schwarz/Widmann/Radeisen § 3c Rz. 54); the sale that crosses it and every later one carry the
 * destination's VAT.
 */
public record DistanceSalesTotals(int year, Money previousYear, Money currentYear) {

    /** § 3c Abs. 4 UStG, uniform since 1 July 2021. */
    public static final Money THRESHOLD = Money.of("10000.00", "EUR");

    public DistanceSalesTotals {
        Objects.requireNonNull(previousYear, "previousYear");
        Objects.requireNonNull(currentYear, "currentYear");
    }

    /**
     * Whether the threshold is exceeded once a sale of {@code saleNet} is added: last year's total above
     * € 10,000, or this year's total including the sale above € 10,000.
     */
    public boolean exceededWith(Money saleNet) {
        return previousYear.compareTo(THRESHOLD) > 0 || currentYear.add(saleNet).compareTo(THRESHOLD) > 0;
    }

    /** Whether the threshold is exceeded already, before the next sale. */
    public boolean exceeded() {
        return exceededWith(Money.zero(currentYear.currency()));
    }
}
