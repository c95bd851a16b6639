package org.o2c.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every bad field of a request before anything is stored, so one answer names them all.
 */
public final class Validation {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Validation reject(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Required, trimmed, at most {@code max} characters; answers the trimmed value or null. */
    public String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        // Tabs and line breaks pasted into a field are spaces to a person, not an error.
        String trimmed = value.replaceAll("[\\t\\r\\n]+", " ").strip();
        if (trimmed.length() > max) {
            reject(field, "must be at most " + max + " characters");
            return null;
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            reject(field, "must not contain control characters");
            return null;
        }
        return trimmed;
    }

    public String email(String field, String value, boolean required) {
        String v = text(field, value, 254, required);
        if (v != null && !EMAIL.matcher(v).matches()) {
            reject(field, "is not a valid e-mail address");
            return null;
        }
        return v == null ? null : v.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A money amount as the API writes it: a decimal string with at most {@code scale} places,
     * not negative.
     */
    public BigDecimal money(String field, String value, int scale, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            reject(field, "must be a decimal number like \"12.90\"");
            return null;
        }
        if (amount.signum() < 0) {
            reject(field, "must not be negative");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > scale) {
            reject(field, "must have at most " + scale + " decimal places");
            return null;
        }
        if (amount.compareTo(new BigDecimal("1000000000")) >= 0) {
            reject(field, "is too large");
            return null;
        }
        return amount;
    }

    public java.util.Currency currency(String field, String value) {
        if (value == null || value.isBlank()) {
            return Money.EUR;
        }
        try {
            java.util.Currency c = java.util.Currency.getInstance(value.strip().toUpperCase(java.util.Locale.ROOT));
            if (!c.getCurrencyCode().equals(value.strip())) {
                reject(field, "must be an upper-case ISO 4217 code such as EUR");
                return null;
            }
            return c;
        } catch (IllegalArgumentException e) {
            reject(field, "is not an ISO 4217 currency code");
            return null;
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 422 problem naming every bad field, if there is one. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
