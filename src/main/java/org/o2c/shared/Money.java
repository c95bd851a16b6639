package org.o2c.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. The one place where o2c rounds: {@link #rounded()} rounds HALF_UP to the
 * currency's minor unit. Unit prices may carry four places; document totals are always rounded.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final Currency EUR = Currency.getInstance("EUR");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money add(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money subtract(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /** Rounded HALF_UP to the currency's minor unit (two places for EUR). */
    public Money rounded() {
        return new Money(amount.setScale(minorUnits(), RoundingMode.HALF_UP), currency);
    }

    /**
     * The tax contained in this gross amount at {@code ratePercent}, rounded once:
     * {@code gross * rate / (100 + rate)}.
     */
    public Money taxContainedAt(BigDecimal ratePercent) {
        BigDecimal tax = amount.multiply(ratePercent)
                .divide(BigDecimal.valueOf(100).add(ratePercent), 10, RoundingMode.HALF_UP);
        return new Money(tax, currency).rounded();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public int minorUnits() {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** The plain decimal string of the rounded amount, as the API writes money ("19.99"). */
    public String toPlainString() {
        return rounded().amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
