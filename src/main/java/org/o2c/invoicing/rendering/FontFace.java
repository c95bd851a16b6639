package org.o2c.invoicing.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One TrueType font file with the metrics the layout measures text by, read once and shared by every invoice:
 * the advance width of each character of the Basic Multilingual Plane in thousandths of an em, rounded the way
 * PDFBox writes the font's width array, so measured and shown widths agree to the last digit.
 */
final class FontFace {

    /** Shown instead of a character the font has no glyph for (an emoji in a customer's name). */
    private static final char MISSING = '?';

    private final byte[] ttf;
    private final Queue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();
    private final short[] widths = new short[Character.MAX_VALUE + 1];
    private final int ascent;
    private final int descent;

    private FontFace(byte[] ttf) throws IOException {
        this.ttf = ttf;
        try (TrueTypeFont font = parse(ttf)) {
            int unitsPerEm = font.getUnitsPerEm();
            float scaling = 1000f / unitsPerEm;
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                int glyph = cmap.getGlyphId(c);
                widths[c] = glyph == 0 ? -1 : (short) Math.round(font.getAdvanceWidth(glyph) * scaling);
            }
            ascent = font.getHorizontalHeader().getAscender() * 1000 / unitsPerEm;
            descent = -font.getHorizontalHeader().getDescender() * 1000 / unitsPerEm;
        }
    }

    static FontFace of(String resource) {
        try (InputStream in = FontFace.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return new FontFace(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable font " + resource, e);
        }
    }

    /**
     * A parsed copy of the font for one document at a time, to {@link #giveBack} when the document is saved.
     * Parsing the font file (its character map above all) cost more than drawing the page; a parsed font is
     * not safe for two documents at once, so each thread borrows its own and the pool grows to the number of
     * invoices rendered at the same time.
     */
    TrueTypeFont borrow() throws IOException {
        TrueTypeFont font = idle.poll();
        return font != null ? font : parse(ttf);
    }

    void giveBack(TrueTypeFont font) {
        if (font != null) {
            idle.add(font);
        }
    }

    /**
     * The font in one document, subset on saving. PDFBox leaves a font loaded this way open for the next one.
     */
    static PDType0Font embed(PDDocument document, TrueTypeFont font) throws IOException {
        return PDType0Font.load(document, font, true);
    }

    /** Width of {@link #printable} text in thousandths of an em. */
    int width(String printable) {
        int sum = 0;
        for (int i = 0; i < printable.length(); i++) {
            sum += widths[printable.charAt(i)];
        }
        return sum;
    }

    /** Height above the baseline, thousandths of an em. */
    int ascent() {
        return ascent;
    }

    /** Depth below the baseline, thousandths of an em, positive. */
    int descent() {
        return descent;
    }

    /**
     * The text as this font can show it: line breaks and tabs become spaces, characters without a glyph (and
     * any beyond the Basic Multilingual Plane) a question mark. Showing a missing glyph would fail the whole PDF.
     */
    String printable(String text) {
        StringBuilder changed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char shown = c;
            if (c == '\n' || c == '\r' || c == '\t') {
                shown = ' ';
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (changed == null) {
                    changed = new StringBuilder(text.length()).append(text, 0, i);
                }
                changed.append(MISSING);
                i++;
                continue;
            } else if (widths[c] < 0) {
                shown = MISSING;
            }
            if (shown != c && changed == null) {
                changed = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (changed != null) {
                changed.append(shown);
            }
        }
        return changed == null ? text : changed.toString();
    }

    /**
     * Parses the font without glyph substitution: otherwise PDFBox runs its Latin GSUB worker (ligatures,
     * compiling regular expressions) on every piece of text. An invoice needs no ligatures, and text copied from
     * the PDF then reads letter by letter.
     */
    private static TrueTypeFont parse(byte[] ttf) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        font.setEnableGsub(false);
        return font;
    }
}
