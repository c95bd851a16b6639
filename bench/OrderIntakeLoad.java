import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load generator for order intake ({@code POST /api/v1/orders}). Benchmark tool, not a test:
 * nothing in the Maven build runs it.
 *
 * <pre>
 * java bench/OrderIntakeLoad.java --url http://127.0.0.1:8080 --token TOKEN --clients 8 --seconds 20 --warmup 5 \
 *     --skus BENCH-001,BENCH-002 [--run-id r1] [--shop 1]
 * </pre>
 *
 * Each client is one thread that sends the next order as soon as the previous one was answered. Every order has
 * a unique externalId and a unique customer e-mail (so the duplicate check and the velocity check never hold
 * one), 1 to 3 lines and a German address with a postal code that belongs to its city. Requests that start
 * during the warm-up are sent but not counted; requests that start in the measured window are counted, and
 * their latency is recorded in nanoseconds (plain long arrays, sorted at the end). Anything but 2xx is an
 * error; the first few error bodies go to stderr. Exactly one line goes to stdout: the JSON summary.
 *
 * <p>The HTTP client is deliberately minimal: one blocking socket per client, HTTP/1.1 keep-alive, the request
 * written as bytes, the answer read up to its Content-Length (or chunk by chunk). The load generator shares the
 * cores with o2c and PostgreSQL, so every millisecond it spends is taken from what it measures; the JDK's
 * HttpClient (selector thread, futures, header maps) cost about 0.7 ms of CPU per order here, this a fraction of it
 * (the script reports the generator's CPU per order).
 */
public class OrderIntakeLoad {
    private static final int MAX_SECONDS = 600;
    private static final int MAX_CLIENTS = 256;
    private static final int ERROR_BODIES = 5;

    /** Real German postal code / city pairs (all in the GeoNames dataset o2c checks against). */
    private static final String[][] PLACES = {
        {"80331", "München"}, {"10115", "Berlin"}, {"20095", "Hamburg"}, {"50667", "Köln"},
        {"60311", "Frankfurt am Main"}, {"70173", "Stuttgart"}, {"40213", "Düsseldorf"}, {"04109", "Leipzig"},
        {"01067", "Dresden"}, {"90402", "Nürnberg"}, {"28195", "Bremen"}, {"30159", "Hannover"},
        {"44135", "Dortmund"}, {"45127", "Essen"}, {"69117", "Heidelberg"}, {"79098", "Freiburg im Breisgau"},
        {"93047", "Regensburg"}, {"24103", "Kiel"}, {"18055", "Rostock"}, {"99084", "Erfurt"},
    };
    private static final String[] STREETS = {
        "Hauptstraße", "Lindenweg", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Bergstraße",
        "Birkenweg", "Kirchstraße", "Am Markt", "Goethestraße", "Schillerstraße", "Mozartstraße", "Rosenweg",
    };
    private static final String[] FIRST = {
        "Anna", "Lukas", "Marie", "Jonas", "Sophie", "Leon", "Lena", "Paul", "Emilia", "Felix", "Hannah", "Noah",
        "Mia", "Elias", "Lea", "Ben", "Jürgen", "Gisela", "Özlem", "Björn",
    };
    private static final String[] LAST = {
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
    };
    private static final String[] CHANNELS = {"webshop", "webshop", "webshop", "shopify", "woocommerce", "marketplace"};
    private static final String[] PAYMENTS = {
        "INVOICE", "INVOICE", "PAYPAL", "PAYPAL", "CREDIT_CARD", "KLARNA", "DIRECT_DEBIT", "PREPAYMENT",
    };
    private static final String[] SHIPPING = {"4.90", "4.90", "0.00", "5.95", "3.99"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    };

    private record Options(String url, String token, int clients, int seconds, int warmup, List<String> skus,
            String runId, String shop) {}

    /** What one client thread saw in the measured window. */
    private static final class ClientStats {
        long[] latencies = new long[1 << 14];
        int n;
        long ok;
        long errors;
        /** Orders sent, warm-up included. */
        long sent;
        final Map<Integer, Long> statuses = new TreeMap<>();

        void record(long nanos) {
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        URI orders = URI.create(o.url().replaceAll("/+$", "") + "/api/v1/orders");

        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(o.warmup()).toNanos();
        long measureUntil = measureFrom + Duration.ofSeconds(o.seconds()).toNanos();
        AtomicInteger errorBodies = new AtomicInteger();
        ClientStats[] stats = new ClientStats[o.clients()];
        CountDownLatch done = new CountDownLatch(o.clients());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < o.clients(); c++) {
            int client = c;
            stats[c] = new ClientStats();
            Thread t = new Thread(() -> {
                try {
                    runClient(orders, o, client, stats[client], measureFrom, measureUntil, errorBodies);
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        // Bounded: every request has a 30 s timeout, so the clients end at most that long after the window.
        done.await();
        long windowNanos = measureUntil - measureFrom;
        long clientCpuNanos = processCpuNanos(); // since the JVM started: compiling this file included

        int total = 0;
        long ok = 0;
        long errors = 0;
        long sent = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (ClientStats s : stats) {
            sent += s.sent;
            total += s.n;
            ok += s.ok;
            errors += s.errors;
            s.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
        }
        long[] all = new long[total];
        int at = 0;
        for (ClientStats s : stats) {
            System.arraycopy(s.latencies, 0, all, at, s.n);
            at += s.n;
        }
        Arrays.sort(all);
        double seconds = windowNanos / 1e9;
        double mean = total == 0 ? 0 : Arrays.stream(all).average().orElse(0);
        StringBuilder statusJson = new StringBuilder("{");
        statuses.forEach((k, v) -> statusJson.append(statusJson.length() > 1 ? "," : "").append('"').append(k)
                .append("\":").append(v));
        statusJson.append('}');
        String summary = String.format(Locale.ROOT,
                "{\"clients\":%d,\"seconds\":%.3f,\"warmupSeconds\":%d,\"sent\":%d,\"requests\":%d,\"ok\":%d,\"errors\":%d,"
                        + "\"ordersPerSec\":%.1f,\"requestsPerSec\":%.1f,\"meanMs\":%.2f,\"p50Ms\":%.2f,\"p90Ms\":%.2f,"
                        + "\"p99Ms\":%.2f,\"maxMs\":%.2f,\"clientCpuMs\":%d,\"statuses\":%s}",
                o.clients(), seconds, o.warmup(), sent, total, ok, errors, ok / seconds, total / seconds, mean / 1e6,
                ms(all, 50), ms(all, 90), ms(all, 99), total == 0 ? 0 : all[total - 1] / 1e6, clientCpuNanos / 1_000_000,
                statusJson);
        System.out.println(summary);
    }

    private static void runClient(URI orders, Options o, int client, ClientStats stats,
            long measureFrom, long measureUntil, AtomicInteger errorBodies) {
        String host = orders.getHost();
        int port = orders.getPort() < 0 ? 80 : orders.getPort();
        byte[] head = ("POST " + orders.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Authorization: Bearer " + o.token() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + (o.shop() == null ? "" : "X-O2C-Shop: " + o.shop() + "\r\n")
                + "Content-Length: ").getBytes(StandardCharsets.US_ASCII);
        Connection connection = null;
        long seq = 0;
        try {
            while (true) {
                long begin = System.nanoTime();
                if (begin >= measureUntil) {
                    return;
                }
                boolean counted = begin >= measureFrom;
                byte[] body = order(o, client, seq++).getBytes(StandardCharsets.UTF_8);
                stats.sent = seq;
                int status;
                String answer = null;
                try {
                    if (connection == null) {
                        connection = new Connection(host, port);
                    }
                    connection.send(head, body);
                    status = connection.readResponse();
                    if (status < 200 || status >= 300) {
                        answer = new String(connection.body, 0, connection.bodyLength, StandardCharsets.UTF_8);
                    }
                    if (connection.closeAfter) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException e) {
                    status = -1;
                    answer = e.toString();
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                    try {
                        Thread.sleep(10); // a refused or broken connection must not turn into a busy loop
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                long nanos = System.nanoTime() - begin;
                boolean good = status >= 200 && status < 300;
                if (!good && errorBodies.getAndIncrement() < ERROR_BODIES) {
                    System.err.println("error: HTTP " + status + " " + answer.substring(0, Math.min(answer.length(), 2000)));
                }
                if (!counted) {
                    continue;
                }
                stats.record(nanos);
                stats.statuses.merge(status, 1L, Long::sum);
                if (good) {
                    stats.ok++;
                } else {
                    stats.errors++;
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** One kept-alive HTTP/1.1 connection: writes a request, reads one whole response into a reused buffer. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream request = new ByteArrayOutputStream(2048);
        private final StringBuilder line = new StringBuilder(128);
        byte[] body = new byte[8192];
        int bodyLength;
        boolean closeAfter;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }

        void send(byte[] head, byte[] payload) throws IOException {
            request.reset();
            request.write(head);
            request.write(Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII));
            request.write('\r');
            request.write('\n');
            request.write('\r');
            request.write('\n');
            request.write(payload);
            request.writeTo(out);
            out.flush();
        }

        /** Reads status line, headers and body; returns the status code. */
        int readResponse() throws IOException {
            String status = readLine();
            if (!status.startsWith("HTTP/1.") || status.length() < 12) {
                throw new IOException("not an HTTP response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            closeAfter = status.startsWith("HTTP/1.0");
            for (String h = readLine(); !h.isEmpty(); h = readLine()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closeAfter = value.equalsIgnoreCase("close");
                }
            }
            bodyLength = 0;
            if (chunked) {
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    readBody(size);
                    readLine();
                }
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are not used
                }
            } else if (length >= 0) {
                readBody(length);
            } else {
                closeAfter = true; // body up to the end of the connection
                int n;
                while ((n = in.read(grow(4096), bodyLength, 4096)) > 0) {
                    bodyLength += n;
                }
            }
            return code;
        }

        private int chunkSize() throws IOException {
            String size = readLine();
            int semicolon = size.indexOf(';');
            return Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        private void readBody(int n) throws IOException {
            byte[] into = grow(n);
            int end = bodyLength + n;
            while (bodyLength < end) {
                int r = in.read(into, bodyLength, end - bodyLength);
                if (r < 0) {
                    throw new EOFException("connection closed inside a response body");
                }
                bodyLength += r;
            }
        }

        private byte[] grow(int more) {
            if (bodyLength + more > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + more));
            }
            return body;
        }

        private String readLine() throws IOException {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
    }

    /** One realistic order; unique externalId, e-mail and device for every (run, client, sequence). */
    static String order(Options o, int client, long seq) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String key = o.runId() + "-" + client + "-" + seq;
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String name = first + " " + last;
        String email = ascii(first) + "." + ascii(last) + "." + key + "@example.org";
        String[] place = PLACES[r.nextInt(PLACES.length)];
        String street = STREETS[r.nextInt(STREETS.length)] + " " + (1 + r.nextInt(120));
        StringBuilder b = new StringBuilder(900);
        b.append("{\"externalId\":\"bench-").append(key).append('"');
        b.append(",\"channel\":\"").append(CHANNELS[r.nextInt(CHANNELS.length)]).append('"');
        b.append(",\"customer\":{\"email\":\"").append(email).append("\",\"name\":\"").append(name)
                .append("\",\"company\":null,\"vatId\":null}");
        b.append(",\"billingAddress\":");
        address(b, name, street, place);
        if (r.nextInt(5) == 0) {
            // One in five ships somewhere else in Germany (a gift, the office).
            String[] other = PLACES[r.nextInt(PLACES.length)];
            address(b.append(",\"shippingAddress\":"), name, STREETS[r.nextInt(STREETS.length)] + " "
                    + (1 + r.nextInt(120)), other);
        } else {
            b.append(",\"shippingAddress\":null");
        }
        b.append(",\"lines\":[");
        int lines = 1 + r.nextInt(Math.min(3, o.skus().size()));
        int offset = r.nextInt(o.skus().size());
        for (int i = 0; i < lines; i++) {
            String sku = o.skus().get((offset + i * 7) % o.skus().size());
            b.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":")
                    .append(1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0)).append('}');
        }
        b.append(']');
        b.append(",\"shippingCost\":\"").append(SHIPPING[r.nextInt(SHIPPING.length)]).append('"');
        b.append(",\"paymentMethod\":\"").append(PAYMENTS[r.nextInt(PAYMENTS.length)]).append('"');
        b.append(",\"currency\":\"EUR\"");
        // What the shop saw of the buyer: an address from the IPv6 documentation range, unique per order (run,
        // client, sequence), so the velocity check never sees repeat buyers.
        b.append(",\"client\":{\"ip\":\"2001:db8:").append(Integer.toHexString(o.runId().hashCode() & 0xffff))
                .append(':').append(Integer.toHexString(client + 1)).append("::")
                .append(Long.toHexString(seq & 0xffff)).append(':').append(Long.toHexString((seq >>> 16) & 0xffff))
                .append("\",\"deviceId\":\"dev-").append(key).append("\",\"userAgent\":\"")
                .append(AGENTS[r.nextInt(AGENTS.length)]).append("\"}");
        b.append('}');
        return b.toString();
    }

    private static void address(StringBuilder b, String name, String street, String[] place) {
        b.append("{\"name\":\"").append(name).append("\",\"street\":\"").append(street)
                .append("\",\"postalCode\":\"").append(place[0]).append("\",\"city\":\"").append(place[1])
                .append("\",\"country\":\"DE\"}");
    }

    private static String ascii(String s) {
        return s.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    }

    /** CPU time this JVM has used (all threads), so the script can tell the load generator's share. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static Options parse(String[] args) {
        String url = null;
        String token = null;
        int clients = 1;
        int seconds = 20;
        int warmup = 5;
        String skus = null;
        String runId = Long.toString(System.currentTimeMillis(), 36);
        String shop = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--url" -> url = v;
                case "--token" -> token = v;
                case "--clients" -> clients = Integer.parseInt(v);
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--skus" -> skus = v;
                case "--run-id" -> runId = v;
                case "--shop" -> shop = v;
                default -> usage("unknown option " + a);
            }
        }
        if (url == null || token == null) {
            usage("--url and --token are required");
        }
        URI u = URI.create(url);
        String host = u.getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            usage("only loopback targets (127.0.0.0/8, localhost, [::1]) are allowed, not " + host);
        }
        if (clients < 1 || clients > MAX_CLIENTS) {
            usage("--clients must be 1.." + MAX_CLIENTS);
        }
        if (seconds < 1 || seconds > MAX_SECONDS || warmup < 0 || warmup > MAX_SECONDS) {
            usage("--seconds must be 1.." + MAX_SECONDS + ", --warmup 0.." + MAX_SECONDS);
        }
        List<String> skuList = skus == null ? List.of("SOCK-1") : List.of(skus.split(","));
        if (!runId.matches("[A-Za-z0-9-]{1,40}")) {
            usage("--run-id: letters, digits and '-' only");
        }
        return new Options(url, token, clients, seconds, warmup, skuList, runId, shop);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java bench/OrderIntakeLoad.java --url http://127.0.0.1:PORT --token TOKEN "
                + "[--clients N] [--seconds S] [--warmup W] [--skus A,B,C] [--run-id ID] [--shop SHOP_ID]");
        System.exit(2);
    }
}
