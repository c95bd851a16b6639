package org.o2c.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: by Content-Length
 * when it is given, and by counting when the body is chunked. A few paths that receive whole files
 * (bank statements) stream them to disk and have a larger limit of their own; the open-items import of a
 * previous system's unpaid invoices is read whole, so it has a middle limit (a hundred thousand invoices
 * are some ten megabytes).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Thrown while reading a chunked body that turns out too large. */
    public static class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("request body exceeds " + limit + " bytes");
        }
    }

    private final long defaultMaxBytes;
    private final long fileMaxBytes;
    private final java.util.Set<String> filePaths;
    private final long importMaxBytes;
    private final java.util.Set<String> importPaths;

    public RequestSizeLimitFilter(@Value("${o2c.http.max-body-bytes:1048576}") long maxBytes,
            @Value("${o2c.http.max-file-body-bytes:314572800}") long fileMaxBytes,
            @Value("${o2c.http.file-body-paths:/api/v1/bank-statements,/bank-statements/upload}") java.util.List<String> filePaths,
            @Value("${o2c.http.max-import-body-bytes:33554432}") long importMaxBytes,
            @Value("${o2c.http.import-body-paths:/api/v1/receivables/open-items}") java.util.List<String> importPaths) {
        this.defaultMaxBytes = maxBytes;
        this.fileMaxBytes = fileMaxBytes;
        this.filePaths = java.util.Set.copyOf(filePaths);
        this.importMaxBytes = importMaxBytes;
        this.importPaths = java.util.Set.copyOf(importPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean post = "POST".equals(request.getMethod());
        long maxBytes = post && filePaths.contains(request.getRequestURI()) ? fileMaxBytes
                : post && importPaths.contains(request.getRequestURI()) ? importMaxBytes : defaultMaxBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(response, maxBytes);
            return;
        }
        try {
            chain.doFilter(declared >= 0 ? request : new Limited(request, maxBytes), response);
        } catch (Exception e) {
            if (hasCause(e, BodyTooLarge.class) && !response.isCommitted()) {
                response.reset();
                tooLarge(response, maxBytes);
                return;
            }
            throw e;
        }
    }

    private void tooLarge(HttpServletResponse response, long maxBytes) throws IOException {
        ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "the request body may be at most " + maxBytes + " bytes");
    }

    private static boolean hasCause(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > limit) {
                            throw new BodyTooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > limit) {
                            throw new BodyTooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
