package org.o2c.banking;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a statement file of any supported format from disk, line by line into a {@link LineSink}.
 * The declared content type chooses the family; the first bytes confirm it, so a mislabelled upload is
 * still read or refused with a reason. ZIPs hold camt XML files only: nested archives and entries that
 * expand far beyond their compressed size are refused.
 */
final class StatementReader {
    /** How far an entry may expand relative to its compressed size before it counts as a ZIP bomb. */
    static final long MAX_RATIO = 200;

    private final long maxUncompressedBytes;
    private final int maxEntries;

    StatementReader(long maxUncompressedBytes, int maxEntries) {
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.maxEntries = maxEntries;
    }

    /** What a CSV needs from the shop: its saved column mapping, or null when none was saved. */
    interface CsvSettings {
        CsvMapping mapping();
    }

    StatementFormat read(Path file, String contentType, CsvSettings csv, LineSink sink) throws IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String charset = charsetOf(contentType);
        byte[] head = head(file);
        if (head.length == 0) {
            throw new UnreadableStatement("file", "the file is empty");
        }
        Kind kind = sniff(head);
        if (type.startsWith("application/zip") || type.startsWith("application/x-zip") || kind == Kind.ZIP) {
            if (kind != Kind.ZIP) {
                throw new UnreadableStatement("file", "the file is declared as a ZIP but is not one");
            }
            return zip(file, sink);
        }
        if (kind == Kind.XML || type.contains("xml")) {
            if (kind != Kind.XML) {
                throw new UnreadableStatement("file", "the file is declared as XML but does not start like XML");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                return CamtReader.read(in, null, sink);
            }
        }
        boolean declaredText = type.startsWith("text/plain") || type.startsWith("application/x-mt940");
        if (type.startsWith("text/csv") || (!declaredText && !looksLikeMt940(head))) {
            Charset cs = Charsets.of(file, charset);
            return CsvStatements.read(file, cs, csv == null ? null : csv.mapping(), sink);
        }
        Charset cs = Charsets.of(file, charset);
        try (InputStreamReader in = new InputStreamReader(Files.newInputStream(file), cs)) {
            Mt940Reader.read(in, null, sink);
        }
        return StatementFormat.MT940;
    }

    private enum Kind { ZIP, XML, TEXT }

    private static Kind sniff(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) ) {
            return Kind.ZIP;
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '<' ? Kind.XML : Kind.TEXT;
    }

    private static boolean looksLikeMt940(byte[] head) {
        String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.contains("{1:") || java.util.regex.Pattern.compile("(?m)^:\\d{2}[A-Z]?:").matcher(s).find();
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        }
    }

    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).strip();
            }
        }
        return null;
    }

    private StatementFormat zip(Path file, LineSink sink) throws IOException {
        StatementFormat format = null;
        long total = 0;
        int entries = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                if (++entries > maxEntries) {
                    throw new UnreadableStatement("ZIP", "the ZIP holds more than " + maxEntries + " files");
                }
                String name = e.getName();
                long compressed = Math.max(e.getCompressedSize(), 1);
                long allowed = Math.min(maxUncompressedBytes - total, Math.max(compressed * MAX_RATIO, 1 << 20));
                Counting in = new Counting(zip.getInputStream(e), allowed, name);
                try (BufferedInputStream b = new BufferedInputStream(in, 64 * 1024)) {
                    b.mark(8);
                    byte[] magic = b.readNBytes(4);
                    b.reset();
                    if (sniff(magic) == Kind.ZIP || name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                        throw new UnreadableStatement(name, "a ZIP inside the ZIP is not accepted; unpack it first");
                    }
                    byte[] head = new byte[0];
                    b.mark(4096);
                    head = b.readNBytes(4096);
                    b.reset();
                    if (sniff(head) != Kind.XML) {
                        throw new UnreadableStatement(name, "the ZIP may hold only camt XML files; this entry is not XML");
                    }
                    StatementFormat f = CamtReader.read(b, name, sink);
                    format = format == null ? f : format;
                }
                total += in.count;
            }
        } catch (ZipException e) {
            throw new UnreadableStatement("ZIP", "the ZIP archive is damaged or truncated: " + e.getMessage(), e);
        }
        if (format == null) {
            throw new UnreadableStatement("ZIP", "the ZIP holds no statement file");
        }
        return format;
    }

    /** Counts what an entry expands to and stops it at the limit (ZIP bombs, lying size headers). */
    private static final class Counting extends FilterInputStream {
        private final long limit;
        private final String name;
        long count;

        Counting(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) {
            count += n;
            if (count > limit) {
                throw new UnreadableStatement(name, "the entry expands to more than " + limit
                        + " bytes, far beyond its compressed size (a ZIP bomb?)");
            }
        }
    }
}
