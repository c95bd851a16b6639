import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the invoice issuing benchmark ({@code bench/invoice-issuing.sh}). Benchmark tool, not a
 * test: nothing in the Maven build runs it. Two modes, both closed loops of {@code --clients} threads over
 * {@code java.net.http} (HTTP/1.1, loopback):
 *
 * <pre>
 * java bench/InvoiceIssuingLoad.java orders --url http://127.0.0.1:8080 --token T --count 10300 --clients 4 \
 *     --skus BENCH-001,BENCH-002 --out order-ids.txt
 * java bench/InvoiceIssuingLoad.java issue --url http://127.0.0.1:8080 --token T --ids order-ids.txt \
 *     --warmup 300 --count 10000 --clients 4 [--progress progress.txt]
 * </pre>
 *
 * {@code orders} places {@code --count} new orders (unique externalId and e-mail; German consumers, German
 * businesses with a VAT id, Austrian and French consumers; 1 to 3 lines; payment on invoice or PayPal), each of
 * which must be answered 201 and CONFIRMED, and writes their ids to {@code --out}, one a line.
 *
 * {@code issue} takes the ids in file order. The first {@code --warmup} are issued and downloaded but not
 * counted (JIT, fonts, caches); the next {@code --count} are the measured batch. One invoice is
 * {@code POST /api/v1/orders/{id}/invoice} (must be 201) followed by {@code GET /api/v1/invoices/{id}/pdf}
 * (must be 200, a PDF, with the embedded factur-x.xml); a client starts the next order when both were answered.
 * With {@code --progress}, the number of measured invoices done is written to that file every 250 ms (for the
 * script's heap sampler). Exactly one line goes to stdout: the JSON summary.
 */
public class InvoiceIssuingLoad {
    private static final int MAX_CLIENTS = 64;
    private static final int ERROR_BODIES = 5;

    /** Real postal code / city pairs (DE and AT are checked against GeoNames by o2c). */
    private static final String[][] DE_PLACES = {
        {"80331", "München"}, {"10115", "Berlin"}, {"20095", "Hamburg"}, {"50667", "Köln"},
        {"60311", "Frankfurt am Main"}, {"70173", "Stuttgart"}, {"40213", "Düsseldorf"}, {"04109", "Leipzig"},
        {"01067", "Dresden"}, {"90402", "Nürnberg"}, {"28195", "Bremen"}, {"30159", "Hannover"},
        {"44135", "Dortmund"}, {"45127", "Essen"}, {"69117", "Heidelberg"}, {"79098", "Freiburg im Breisgau"},
        {"93047", "Regensburg"}, {"24103", "Kiel"}, {"18055", "Rostock"}, {"99084", "Erfurt"},
    };
    private static final String[][] AT_PLACES = {
        {"1010", "Wien"}, {"5020", "Salzburg"}, {"6020", "Innsbruck"}, {"8010", "Graz"}, {"4020", "Linz"},
    };
    private static final String[][] FR_PLACES = {
        {"75001", "Paris"}, {"69001", "Lyon"}, {"13001", "Marseille"}, {"33000", "Bordeaux"},
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
    private static final String[] COMPANIES = {
        "Kaufhaus Beispiel GmbH", "Bäckerei Schmitt KG", "Müller & Söhne OHG", "Nordlicht Handel GmbH",
        "Stadtwerke Musterstadt AöR", "Grünwald IT-Service UG (haftungsbeschränkt)",
    };
    private static final String[] SHIPPING = {"4.90", "4.90", "0.00", "5.95"};

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final byte[] FACTUR_X = "factur-x.xml".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("orders") || args[0].equals("issue"))) {
            usage("first argument: orders or issue");
        }
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        String url = required(o, "url").replaceAll("/+$", "");
        String token = required(o, "token");
        int clients = number(o, "clients", 4, 1, MAX_CLIENTS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        if (args[0].equals("orders")) {
            int count = number(o, "count", 0, 1, 1_000_000);
            List<String> skus = List.of(required(o, "skus").split(","));
            orders(http, url, token, clients, count, skus, Path.of(required(o, "out")),
                    o.getOrDefault("run-id", Long.toString(System.currentTimeMillis() % 1_000_000)));
        } else {
            List<String> ids = Files.readAllLines(Path.of(required(o, "ids"))).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            int warmup = number(o, "warmup", 0, 0, 1_000_000);
            int count = number(o, "count", ids.size() - warmup, 1, 1_000_000);
            if (warmup + count > ids.size()) {
                usage("--warmup + --count (" + (warmup + count) + ") exceeds the " + ids.size() + " order ids");
            }
            Path progress = o.containsKey("progress") ? Path.of(o.get("progress")) : null;
            issue(http, url, token, clients, ids.subList(0, warmup), ids.subList(warmup, warmup + count), progress);
        }
    }

    // ---- orders ------------------------------------------------------------------------------------------------

    private static void orders(HttpClient http, String url, String token, int clients, int count, List<String> skus,
            Path out, String runId) throws Exception {
        String[] ids = new String[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger shown = new AtomicInteger();
        long t0 = System.nanoTime();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    String body = order(runId, i, skus);
                    for (int attempt = 1; ; attempt++) {
                        try {
                            HttpResponse<String> r = http.send(post(url + "/api/v1/orders", token, body),
                                    HttpResponse.BodyHandlers.ofString());
                            Matcher st = STATUS.matcher(r.body());
                            Matcher id = ID.matcher(r.body());
                            if (r.statusCode() == 201 && id.find() && st.find() && st.group(1).equals("CONFIRMED")) {
                                ids[i] = id.group(1);
                                break;
                            }
                            throw new IOException("HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
                        } catch (IOException | InterruptedException e) {
                            if (shown.getAndIncrement() < ERROR_BODIES) {
                                System.err.println("order " + i + " (attempt " + attempt + "): " + e.getMessage());
                            }
                            if (attempt >= 3) {
                                errors.incrementAndGet();
                                break;
                            }
                        }
                    }
                }
            }, "order-client-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (errors.get() > 0) {
            System.err.println(errors.get() + " of " + count + " orders were not placed (or not CONFIRMED)");
            System.exit(1);
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "ids", ".tmp");
        Files.write(tmp, Arrays.asList(ids));
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(Locale.ROOT, "{\"orders\":%d,\"seconds\":%.1f,\"ordersPerSec\":%.1f}%n", count, seconds,
                count / seconds);
    }

    /** Order {@code i}: mostly German consumers, some German businesses, Austrian and French consumers. */
    private static String order(String runId, int i, List<String> skus) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int kind = i % 20; // 0-14 DE consumer, 15-16 DE business, 17-18 AT consumer, 19 FR consumer
        String[] place;
        String country;
        if (kind == 19) {
            place = FR_PLACES[rnd.nextInt(FR_PLACES.length)];
            country = "FR";
        } else if (kind >= 17) {
            place = AT_PLACES[rnd.nextInt(AT_PLACES.length)];
            country = "AT";
        } else {
            place = DE_PLACES[rnd.nextInt(DE_PLACES.length)];
            country = "DE";
        }
        boolean business = kind == 15 || kind == 16;
        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        String name = first + " " + last;
        String street = (country.equals("FR") ? (1 + rnd.nextInt(80)) + " rue de la Paix"
                : STREETS[rnd.nextInt(STREETS.length)] + " " + (1 + rnd.nextInt(120)));
        String company = business ? COMPANIES[rnd.nextInt(COMPANIES.length)] : null;
        String vatId = business ? "DE" + (100_000_000 + rnd.nextInt(899_999_999)) : null;
        String email = "inv-" + runId + "-" + i + "@example.org";
        StringBuilder lines = new StringBuilder();
        int n = 1 + rnd.nextInt(3);
        List<String> pool = new ArrayList<>(skus);
        for (int l = 0; l < n && !pool.isEmpty(); l++) {
            String sku = pool.remove(rnd.nextInt(pool.size()));
            if (l > 0) {
                lines.append(',');
            }
            lines.append("{\"sku\":\"").append(sku).append("\",\"quantity\":").append(1 + rnd.nextInt(3)).append('}');
        }
        String address = "{\"name\":\"" + name + "\",\"street\":\"" + street + "\",\"postalCode\":\"" + place[0]
                + "\",\"city\":\"" + place[1] + "\",\"country\":\"" + country + "\""
                + (company == null ? "" : ",\"company\":\"" + company + "\"") + "}";
        return "{\"externalId\":\"invbench-" + runId + "-" + i + "\",\"channel\":\"webshop\","
                + "\"customer\":{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"company\":"
                + (company == null ? "null" : "\"" + company + "\"") + ",\"vatId\":"
                + (vatId == null ? "null" : "\"" + vatId + "\"") + "},"
                + "\"billingAddress\":" + address + ",\"shippingAddress\":null,"
                + "\"lines\":[" + lines + "],\"shippingCost\":\"" + SHIPPING[rnd.nextInt(SHIPPING.length)] + "\","
                + "\"paymentMethod\":\"" + (rnd.nextInt(4) == 0 ? "PAYPAL" : "INVOICE") + "\",\"currency\":\"EUR\"}";
    }

    // ---- issue -------------------------------------------------------------------------------------------------

    /** Latencies of the measured batch in nanoseconds: per invoice (issue + PDF), per call. */
    private static final class Stats {
        final long[] total;
        final long[] issue;
        final long[] pdf;
        final long[] doneAt; // nanoTime when the i-th measured invoice (in completion order) was done

        Stats(int n) {
            total = new long[n];
            issue = new long[n];
            pdf = new long[n];
            doneAt = new long[n];
        }
    }

    private static void issue(HttpClient http, String url, String token, int clients, List<String> warmup,
            List<String> batch, Path progress) throws Exception {
        // Warm-up: same loop, not counted.
        if (!warmup.isEmpty()) {
            Result w = run(http, url, token, clients, warmup, null, null);
            if (w.errors.get() > 0) {
                System.err.println(w.errors.get() + " errors in the warm-up of " + warmup.size());
            }
        }
        Stats stats = new Stats(batch.size());
        long cpu0 = processCpuNanos();
        long wall0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Result r = run(http, url, token, clients, batch, stats, progress);
        long t1 = System.nanoTime();
        long wall1 = System.currentTimeMillis();
        long cpu1 = processCpuNanos();
        int ok = r.completed.get();
        double seconds = (t1 - t0) / 1e9;
        long[] total = Arrays.copyOf(stats.total, ok);
        long[] issue = Arrays.copyOf(stats.issue, ok);
        long[] pdf = Arrays.copyOf(stats.pdf, ok);
        long[] doneAt = Arrays.copyOf(stats.doneAt, ok);
        Arrays.sort(total);
        Arrays.sort(issue);
        Arrays.sort(pdf);
        Arrays.sort(doneAt);
        // Throughput of each tenth of the batch (by completion), to show whether it holds over the batch.
        StringBuilder tenths = new StringBuilder();
        for (int k = 0; k < 10 && ok >= 10; k++) {
            int from = k * ok / 10;
            int to = (k + 1) * ok / 10 - 1;
            long start = k == 0 ? t0 : doneAt[from - 1];
            double rate = (to - from + 1) / ((doneAt[to] - start) / 1e9);
            tenths.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", rate));
        }
        // The second half of the batch alone (by completion): closer to the steady state than the whole batch.
        double secondHalf = ok >= 4 ? (ok - ok / 2) / ((doneAt[ok - 1] - doneAt[ok / 2 - 1]) / 1e9) : 0;
        StringBuilder statuses = new StringBuilder();
        r.statuses.forEach((k, v) -> statuses.append(statuses.length() == 0 ? "" : ",")
                .append('"').append(k).append("\":").append(v));
        System.out.printf(Locale.ROOT,
                "{\"invoices\":%d,\"ok\":%d,\"errors\":%d,\"clients\":%d,\"warmup\":%d,\"seconds\":%.2f,"
                        + "\"invoicesPerSec\":%.2f,\"secondHalfPerSec\":%.2f,\"p50Ms\":%.1f,\"p90Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,"
                        + "\"issueP50Ms\":%.1f,\"issueP99Ms\":%.1f,\"pdfP50Ms\":%.1f,\"pdfP99Ms\":%.1f,"
                        + "\"pdfBytesAvg\":%d,\"startEpochMs\":%d,\"endEpochMs\":%d,\"clientCpuMs\":%d,"
                        + "\"tenthsPerSec\":[%s],\"errorStatuses\":{%s}}%n",
                batch.size(), ok, r.errors.get(), clients, warmup.size(), seconds, ok / seconds, secondHalf,
                ms(pct(total, 50)), ms(pct(total, 90)), ms(pct(total, 99)), ms(pct(total, 100)),
                ms(pct(issue, 50)), ms(pct(issue, 99)), ms(pct(pdf, 50)), ms(pct(pdf, 99)),
                ok == 0 ? 0 : r.pdfBytes.get() / ok, wall0, wall1, (cpu1 - cpu0) / 1_000_000, tenths, statuses);
    }

    private static final class Result {
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong pdfBytes = new AtomicLong();
        final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    }

    private static Result run(HttpClient http, String url, String token, int clients, List<String> orderIds,
            Stats stats, Path progress) throws Exception {
        Result result = new Result();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger shown = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger(); // completed or failed
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < orderIds.size()) {
                    String orderId = orderIds.get(i);
                    String failure = null;
                    String status = null;
                    long a = System.nanoTime();
                    long b = a;
                    long e = a;
                    try {
                        HttpResponse<String> r = http.send(post(url + "/api/v1/orders/" + orderId + "/invoice", token,
                                ""), HttpResponse.BodyHandlers.ofString());
                        b = System.nanoTime();
                        Matcher id = ID.matcher(r.body());
                        if (r.statusCode() != 201 || !id.find()) {
                            status = "issue-" + r.statusCode();
                            failure = "POST invoice for order " + orderId + ": HTTP " + r.statusCode() + " "
                                    + abbreviate(r.body());
                        } else {
                            HttpResponse<byte[]> p = http.send(get(url + "/api/v1/invoices/" + id.group(1) + "/pdf",
                                    token), HttpResponse.BodyHandlers.ofByteArray());
                            e = System.nanoTime();
                            byte[] pdf = p.body();
                            if (p.statusCode() != 200 || pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P'
                                    || pdf[2] != 'D' || pdf[3] != 'F' || indexOf(pdf, FACTUR_X) < 0) {
                                status = "pdf-" + p.statusCode();
                                failure = "GET pdf of invoice " + id.group(1) + ": HTTP " + p.statusCode() + ", "
                                        + pdf.length + " bytes" + (p.statusCode() == 200 ? " (not a Factur-X PDF)"
                                                : " " + abbreviate(new String(pdf, StandardCharsets.UTF_8)));
                            } else {
                                result.pdfBytes.addAndGet(pdf.length);
                            }
                        }
                    } catch (IOException | InterruptedException ex) {
                        status = "io";
                        failure = "order " + orderId + ": " + ex;
                    }
                    if (failure == null) {
                        int k = result.completed.getAndIncrement();
                        if (stats != null) {
                            stats.issue[k] = b - a;
                            stats.pdf[k] = e - b;
                            stats.total[k] = e - a;
                            stats.doneAt[k] = e;
                        }
                    } else {
                        result.errors.incrementAndGet();
                        result.statuses.merge(status, 1, Integer::sum);
                        if (shown.getAndIncrement() < ERROR_BODIES) {
                            System.err.println(failure);
                        }
                    }
                    finished.incrementAndGet();
                }
            }, "invoice-client-" + c);
            threads[c].start();
        }
        Thread reporter = null;
        if (progress != null) {
            reporter = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        writeProgress(progress, finished.get(), orderIds.size());
                        Thread.sleep(250);
                    }
                } catch (InterruptedException done) {
                    // batch over
                } catch (IOException ex) {
                    System.err.println("progress file: " + ex);
                }
            }, "progress");
            reporter.setDaemon(true);
            reporter.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (reporter != null) {
            reporter.interrupt();
            reporter.join();
            writeProgress(progress, finished.get(), orderIds.size());
        }
        return result;
    }

    private static void writeProgress(Path file, int done, int of) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, done + " " + of + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static HttpRequest post(String uri, String token, String json) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest get(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            usage("--" + name + " is required");
        }
        return v;
    }

    private static int number(Map<String, String> o, String name, int dflt, int min, int max) {
        String v = o.get(name);
        int n;
        try {
            n = v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            usage("--" + name + " must be a number");
            return 0;
        }
        if (n < min || n > max) {
            usage("--" + name + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: java bench/InvoiceIssuingLoad.java orders --url U --token T --count N --clients C"
                + " --skus A,B --out FILE [--run-id R]");
        System.err.println("       java bench/InvoiceIssuingLoad.java issue --url U --token T --ids FILE --warmup W"
                + " --count N --clients C [--progress FILE]");
        System.exit(2);
    }
}
