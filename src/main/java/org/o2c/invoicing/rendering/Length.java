package org.o2c.invoicing.rendering;

/**
 * Lengths on the invoice page in thousandths of a point (1 pt = 1/72 inch), as ints: exact to add and compare,
 * and floating point stays out of the code base (money must never meet it). {@link PdfPen} scales the page so
 * that PDFBox takes these numbers as they are.
 */
final class Length {

    private Length() {}

    /** {@code mm(25)} is 2.5 mm. */
    static int mm(int tenthsOfMillimetre) {
        return tenthsOfMillimetre * 72_000 / 254;
    }

    /** {@code pt(65)} is 6.5 pt. */
    static int pt(int tenthsOfPoint) {
        return tenthsOfPoint * 100;
    }
}
