package org.o2c.banking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how a text statement is encoded: by the declared charset when there is one, else UTF-8 when
 * the bytes are valid UTF-8, else CP850 (DOS banking software) when its umlaut bytes dominate, else
 * ISO-8859-1. One streaming pass over the file.
 */
final class Charsets {
    static final Charset CP850 = Charset.forName("IBM850");

    private Charsets() {}

    static Charset of(Path file, String declared) throws IOException {
        if (declared != null && !declared.isBlank()) {
            try {
                return Charset.forName(declared.strip().replace("\"", ""));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnreadableStatement("Content-Type", "the charset \"" + declared + "\" is not known");
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in);
        }
    }

    static Charset detect(InputStream in) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        long cp850Hints = 0;
        long latin1Hints = 0;
        byte[] buf = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(buf.length + 8);
        CharBuffer out = CharBuffer.allocate(buf.length + 8);
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buf[i] & 0xff;
                switch (b) {
                    // ä ö ü Ä Ö Ü ß as CP850 writes them; 0x80–0x9F are control codes in ISO-8859-1
                    case 0x84, 0x94, 0x81, 0x8E, 0x99, 0x9A, 0xE1 -> cp850Hints++;
                    // ä ö ü Ä Ö Ü ß as ISO-8859-1 writes them
                    case 0xE4, 0xF6, 0xFC, 0xC4, 0xD6, 0xDC, 0xDF -> latin1Hints++;
                    default -> { }
                }
            }
            if (validUtf8) {
                pending.put(buf, 0, n).flip();
                out.clear();
                CoderResult r = utf8.decode(pending, out, false);
                while (r.isOverflow()) {
                    out.clear();
                    r = utf8.decode(pending, out, false);
                }
                if (r.isError()) {
                    validUtf8 = false;
                }
                pending.compact();
            }
        }
        if (validUtf8) {
            pending.flip();
            out.clear();
            if (!utf8.decode(pending, out, true).isError() && !utf8.flush(out).isError() && !pending.hasRemaining()) {
                return StandardCharsets.UTF_8;
            }
        }
        return cp850Hints > latin1Hints ? CP850 : StandardCharsets.ISO_8859_1;
    }
}
