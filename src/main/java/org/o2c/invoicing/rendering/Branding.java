package org.o2c.invoicing.rendering;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a shop's invoices look: the name at the top, an accent colour for the title and rules, and an optional
 * logo (PNG).
 *
 * @param name the shop's name as customers know it
 * @param accentColour a hex colour such as {@code #1F6FB2}
 * @param logoPng PNG bytes, or null for none
 */
public record Branding(String name, String accentColour, byte[] logoPng) {

    /** A sober blue for shops that chose nothing. */
    public static final String DEFAULT_ACCENT = "#1F4E79";

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public Branding {
        Objects.requireNonNull(name, "name");
        accentColour = accentColour == null || accentColour.isBlank() ? DEFAULT_ACCENT : accentColour.strip();
        if (!HEX.matcher(accentColour).matches()) {
            throw new IllegalArgumentException("accent colour must look like #1F4E79: " + accentColour);
        }
        accentColour = accentColour.toUpperCase(Locale.ROOT);
        if (logoPng != null) {
            if (logoPng.length < PNG_SIGNATURE.length
                    || !Arrays.equals(Arrays.copyOf(logoPng, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
                throw new IllegalArgumentException("the logo must be a PNG image");
            }
            logoPng = logoPng.clone();
        }
    }

    /** Name and colour, no logo. */
    public Branding(String name, String accentColour) {
        this(name, accentColour, null);
    }

    @Override
    public byte[] logoPng() {
        return logoPng == null ? null : logoPng.clone();
    }

    /**
     * The accent for text on white: the accent itself, or a dark grey when the accent is too light to read
     * (brightness after ITU-R BT.601 above 160 of 255).
     */
    String accentForText() {
        int rgb = Integer.parseInt(accentColour.substring(1), 16);
        int brightness = (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
        return brightness > 160 ? "#333333" : accentColour;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Branding b && name.equals(b.name) && accentColour.equals(b.accentColour)
                && Arrays.equals(logoPng, b.logoPng);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, accentColour, Arrays.hashCode(logoPng));
    }

    @Override
    public String toString() {
        return "Branding[" + name + ", " + accentColour + (logoPng == null ? "" : ", logo " + logoPng.length + " bytes")
                + "]";
    }
}
