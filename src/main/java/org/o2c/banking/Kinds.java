package org.o2c.banking;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Classifies a bank line as far as the statement itself tells, and reads amounts strictly. */
final class Kinds {
    private static final Pattern PSP = Pattern.compile(
            "(?i)\\b(paypal|stripe|adyen|klarna|mollie|amazon payments|sumup|unzer)\\b");
    private static final Pattern FEE_TEXT = Pattern.compile(
            "(?i)(entgelt|geb(ue|ü)hr|kontof(ue|ü)hrung|abschluss|bank charges?|\\bfees?\\b|\\bcharges?\\b)");

    private Kinds() {}

    /**
     * {@code codes} are the ISO domain/family/sub-family and proprietary codes (camt) or the GVC and
     * transaction type (MT940), joined with a slash; any may be missing.
     */
    static TransactionKind classify(CreditDebit direction, boolean reversal, String returnReason, String codes,
            String counterpartyName, String text) {
        String c = codes == null ? "" : codes;
        if (direction == CreditDebit.DBIT) {
            // A credit taken back (storno) or a collected direct debit returned: the customer's money left again.
            if (reversal || returnReason != null || c.matches("(?s).*\\b(108|109)\\b.*") || c.contains("/DDRT")
                    || c.contains("/CHRG_BACK")) {
                return TransactionKind.CHARGEBACK;
            }
            if (c.contains("CHRG") || c.matches("(?s).*\\b(805|808|809)\\b.*")
                    || (text != null && FEE_TEXT.matcher(text).find())) {
                return TransactionKind.FEE;
            }
            return TransactionKind.OTHER;
        }
        if (reversal) {
            return TransactionKind.OTHER;
        }
        if (counterpartyName != null && PSP.matcher(counterpartyName).find()) {
            return TransactionKind.PAYOUT;
        }
        return TransactionKind.PAYMENT;
    }

    /** A non-negative amount with at most the currency's decimal places (trailing zeros do not count). */
    static BigDecimal amount(String where, String text, Currency currency, boolean decimalComma) {
        if (text == null || text.isBlank()) {
            throw new UnreadableStatement(where, "the amount is missing");
        }
        String t = text.strip();
        if (decimalComma) {
            t = t.replace(".", "").replace(',', '.');
        }
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new UnreadableStatement(where, "\"" + text.strip() + "\" is not an amount");
        }
        if (v.signum() < 0) {
            throw new UnreadableStatement(where, "the amount " + text.strip() + " is negative");
        }
        // o2c stores two places (NUMERIC(19,2)); currencies with three are refused rather than rounded
        int digits = currency == null ? 2 : Math.min(Math.max(currency.getDefaultFractionDigits(), 0), 2);
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new UnreadableStatement(where, "the amount " + text.strip() + " has more decimal places than "
                    + (currency == null ? "a currency" : currency.getCurrencyCode()) + " allows");
        }
        if (v.compareTo(new BigDecimal("100000000000000000")) >= 0) {
            throw new UnreadableStatement(where, "the amount " + text.strip() + " is too large");
        }
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    static Currency currency(String where, String code) {
        if (code == null || code.isBlank()) {
            throw new UnreadableStatement(where, "the currency is missing");
        }
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new UnreadableStatement(where, "\"" + code.strip() + "\" is not an ISO 4217 currency");
        }
    }

    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
