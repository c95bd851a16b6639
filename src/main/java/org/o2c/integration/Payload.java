package org.o2c.integration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import org.o2c.shared.Money;
import tools.jackson.databind.JsonNode;

/**
 * Reading shop payloads leniently: a missing, null or blank field is simply absent, so intake
 * validation names it instead of the mapping failing on it.
 */
final class Payload {
    private Payload() {}

    /** The field as text: strings as they are, numbers in plain notation; null when absent or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainer()) {
            return null;
        }
        String s = v.isString() ? v.stringValue() : v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** "first last", skipping the blank parts; null when both are blank. */
    static String name(String first, String last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** A decimal amount, zero when absent; a string that is no number is treated as absent. */
    static BigDecimal amount(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    static boolean has(JsonNode node, String field) {
        return text(node, field) != null;
    }

    /** The sum of {@code field} over the objects of the array {@code array}. */
    static BigDecimal sum(JsonNode node, String array, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : node.path(array)) {
            total = total.add(amount(item, field));
        }
        return total;
    }

    static Integer quantity(JsonNode line) {
        JsonNode q = line.get("quantity");
        if (q == null || !q.isIntegralNumber() || !q.canConvertToInt()) {
            return null;
        }
        return q.intValue();
    }

    /**
     * The gross unit price behind a line total, rounded the o2c way ({@link Money#rounded()}); null when
     * the quantity or the currency is unusable, which intake then reports.
     */
    static String unitPrice(BigDecimal lineGross, Integer quantity, String currencyCode) {
        if (quantity == null || quantity < 1) {
            return null;
        }
        Currency currency;
        try {
            currency = currencyCode == null ? Money.EUR : Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigDecimal exact = lineGross.divide(BigDecimal.valueOf(quantity), 10, RoundingMode.HALF_UP);
        return Money.of(exact, currency).toPlainString();
    }

    static String money(BigDecimal amount, String currencyCode) {
        try {
            Currency currency = currencyCode == null ? Money.EUR : Currency.getInstance(currencyCode);
            return Money.of(amount, currency).toPlainString();
        } catch (IllegalArgumentException e) {
            return amount.toPlainString();
        }
    }

    /** {@code de} or {@code en} from a locale such as {@code de-DE}; null lets intake choose by country. */
    static String language(String locale) {
        if (locale == null) {
            return null;
        }
        String l = locale.toLowerCase(Locale.ROOT);
        return l.startsWith("de") ? "de" : l.startsWith("en") ? "en" : null;
    }

    /** The first value that is there. */
    static String firstOf(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * A browser's user agent, cut to what intake keeps: it is a fraud signal, and a long one must not
     * make the whole order fail.
     */
    static String userAgent(String agent) {
        return agent == null || agent.length() <= 500 ? agent : agent.substring(0, 500);
    }
}
