package org.o2c.shared;

import java.util.regex.Pattern;

/** A shop's article number: 1–64 printable characters without spaces or slashes (it appears in URLs). */
public record Sku(String value) implements Comparable<Sku> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    public Sku {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("SKU must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public int compareTo(Sku o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
