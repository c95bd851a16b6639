package org.o2c.invoicing.rendering;

/**
 * How a run of text looks: font, size and colour, and the height of one of its lines (all lengths in
 * {@link Length} units). Like CSS, the line box centres the font's ascent and descent.
 *
 * @param rgb the colour as 0xRRGGBB
 */
record Style(FontFace face, int size, int rgb, int lineHeight) {

    /** A style whose lines are {@code percent} of the font size high (135 is CSS line-height 1.35). */
    static Style of(FontFace face, int tenthsOfPoint, int rgb, int percent) {
        int size = Length.pt(tenthsOfPoint);
        return new Style(face, size, rgb, size * percent / 100);
    }

    Style colour(int otherRgb) {
        return new Style(face, size, otherRgb, lineHeight);
    }

    /** From the top of a line box to the baseline of its text. */
    int baseline() {
        int content = (face.ascent() + face.descent()) * size / 1000;
        return (lineHeight - content) / 2 + face.ascent() * size / 1000;
    }

    /** Width of printable text. */
    int width(String printable) {
        return (int) ((long) face.width(printable) * size / 1000);
    }

    static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }
}
