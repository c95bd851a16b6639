package org.o2c.fulfillment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for DHL's Parcel DE Shipping API v2 and Shipment Tracking API. It checks every request
 * against what DHL documents (method, path, headers with the credentials, required fields and their
 * formats) and answers documented responses; whatever it finds wrong is kept in {@link #violations()}.
 */
final class FakeDhl implements AutoCloseable {
    static final String API_KEY = "test-dhl-api-key";
    static final String USER = "user-valid";
    static final String PASSWORD = "SandboxPasswort2023!";
    static final String TRACKING_KEY = "test-dhl-tracking-key";
    static final byte[] LABEL = "%PDF-1.4\n% a DHL label from the fake server\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    enum Mode { BOOK, REFUSE_POSTAL_CODE, UNAUTHORIZED, DOWN }

    private static final Set<String> PRODUCTS = Set.of("V01PAK", "V53WPAK", "V54EPAK", "V62KP", "V66WPI");
    private static final Pattern BILLING = Pattern.compile("\\d{12}[A-Z0-9]{2}");
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bookings = new CopyOnWriteArrayList<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final List<String> numbers = new CopyOnWriteArrayList<>();
    private final List<String> tracked = new CopyOnWriteArrayList<>();
    private final Map<String, List<Map<String, Object>>> events = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private volatile Mode mode = Mode.BOOK;
    private volatile Runnable beforeBooking = () -> {};

    FakeDhl() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/parcel/de/shipping/v2/orders", this::orders);
        server.createContext("/track/shipments", this::track);
        server.start();
    }

    String shippingUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/parcel/de/shipping/v2";
    }

    String trackingUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/track/shipments";
    }

    void mode(Mode m) {
        mode = m;
    }

    /** Runs while o2c waits for the booking's answer (once), to play what happens meanwhile. */
    void beforeBooking(Runnable r) {
        beforeBooking = r;
    }

    List<String> violations() {
        return violations;
    }

    List<JsonNode> bookings() {
        return bookings;
    }

    /** The shipment numbers handed out, in order. */
    List<String> numbers() {
        return numbers;
    }

    List<String> cancelled() {
        return cancelled;
    }

    List<String> tracked() {
        return tracked;
    }

    /** A scan DHL's tracking will answer for the number from now on. */
    void scan(String trackingNumber, String timestamp, String statusCode, String description, String place) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("timestamp", timestamp);
        e.put("location", Map.of("address", Map.of("addressLocality", place)));
        e.put("statusCode", statusCode);
        e.put("status", statusCode);
        e.put("description", description);
        events.computeIfAbsent(trackingNumber, k -> new CopyOnWriteArrayList<>()).add(0, e);
    }

    private void orders(HttpExchange x) throws IOException {
        Map<String, String> query = query(x.getRequestURI().getRawQuery());
        if (!authorized(x)) {
            answer(x, 401, Map.of("title", "Unauthorized", "status", 401, "detail", "Unauthorized for given resource."));
            return;
        }
        if ("DELETE".equals(x.getRequestMethod())) {
            check(query.get("profile") != null, "DELETE /orders without profile");
            check(query.get("shipment") != null, "DELETE /orders without shipment");
            cancelled.add(query.get("shipment"));
            answer(x, 200, Map.of("status", Map.of("title", "OK", "statusCode", 200, "status", 200),
                    "items", List.of(Map.of("shipmentNo", String.valueOf(query.get("shipment")),
                            "sstatus", Map.of("title", "OK", "statusCode", 200, "status", 200)))));
            return;
        }
        check("POST".equals(x.getRequestMethod()), "orders called with " + x.getRequestMethod());
        check(String.valueOf(x.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json"),
                "Content-Type is not application/json");
        check("PDF".equals(query.get("docFormat")), "docFormat is not PDF");
        check(!"true".equals(query.get("validate")), "validate=true creates no shipment");
        JsonNode body = json.readTree(x.getRequestBody().readAllBytes());
        checkRequest(body);
        switch (mode) {
            case UNAUTHORIZED -> answer(x, 401, Map.of("title", "Unauthorized", "status", 401,
                    "detail", "Unauthorized for given resource."));
            case DOWN -> answer(x, 500, Map.of("title", "Internal Server Error", "status", 500,
                    "detail", "The server encountered an unexpected condition."));
            case REFUSE_POSTAL_CODE -> answer(x, 400, Map.of(
                    "status", Map.of("title", "Bad Request", "statusCode", 400, "status", 400,
                            "detail", "Shipment could not be created."),
                    "items", List.of(Map.of("sstatus", Map.of("title", "Bad Request", "statusCode", 400, "status", 400),
                            "validationMessages", List.of(Map.of("property", "consignee.postalCode",
                                    "validationMessage", "Die Postleitzahl ist für diesen Ort ungültig.",
                                    "validationState", "Error")))))); 
            case BOOK -> {
                Runnable meanwhile = beforeBooking;
                beforeBooking = () -> {};
                meanwhile.run();
                bookings.add(body);
                String number = String.format("00340434%012d", next.getAndIncrement());
                numbers.add(number);
                answer(x, 200, Map.of("status", Map.of("title", "OK", "statusCode", 200, "status", 200),
                        "items", List.of(Map.of("shipmentNo", number,
                                "sstatus", Map.of("title", "OK", "statusCode", 200, "status", 200),
                                "label", Map.of("b64", Base64.getEncoder().encodeToString(LABEL),
                                        "fileFormat", "PDF", "printFormat", "910-300-600"),
                                "validationMessages", List.of(Map.of("property", "consignee",
                                        "validationMessage", "Die Adresse konnte nicht eindeutig zugeordnet werden.",
                                        "validationState", "Warning"))))));
            }
        }
    }

    private void checkRequest(JsonNode body) {
        check(body.path("profile").isString() && !body.path("profile").asString().isBlank(), "profile missing");
        JsonNode shipments = body.path("shipments");
        check(shipments.isArray() && shipments.size() >= 1 && shipments.size() <= 30, "shipments must hold 1 to 30");
        for (JsonNode s : shipments) {
            check(PRODUCTS.contains(s.path("product").asString("")), "unknown product " + s.path("product"));
            String billing = s.path("billingNumber").asString("");
            check(BILLING.matcher(billing).matches(), "billingNumber must be 14 characters: " + billing);
            String ref = s.path("refNo").asString("");
            check(ref.length() >= 8 && ref.length() <= 35, "refNo must have 8 to 35 characters: " + ref);
            try {
                LocalDate.parse(s.path("shipDate").asString(""));
            } catch (RuntimeException e) {
                violations.add("shipDate is not yyyy-mm-dd");
            }
            address("shipper", s.path("shipper"));
            address("consignee", s.path("consignee"));
            JsonNode weight = s.path("details").path("weight");
            check(Set.of("g", "kg").contains(weight.path("uom").asString("")), "details.weight.uom must be g or kg");
            check(weight.path("value").isNumber() && weight.path("value").asDouble() > 0, "details.weight.value must be > 0");
        }
    }

    private void address(String what, JsonNode a) {
        check(a.isObject(), what + " missing");
        for (String name : List.of("name1", "name2", "name3")) {
            check(a.path(name).asString("").length() <= 50, what + "." + name + " longer than 50");
        }
        check(!a.path("name1").asString("").isBlank(), what + ".name1 missing");
        String street = a.path("addressStreet").asString("");
        check(!street.isBlank() && street.length() <= 50, what + ".addressStreet must have 1 to 50 characters");
        check(a.path("addressHouse").asString("").length() <= 10, what + ".addressHouse longer than 10");
        String pc = a.path("postalCode").asString("");
        check(pc.length() >= 3 && pc.length() <= 10, what + ".postalCode must have 3 to 10 characters");
        String city = a.path("city").asString("");
        check(!city.isBlank() && city.length() <= 40, what + ".city must have 1 to 40 characters");
        check(ISO3.matcher(a.path("country").asString("")).matches(), what + ".country must be ISO 3166-1 alpha-3");
    }

    private void track(HttpExchange x) throws IOException {
        check("GET".equals(x.getRequestMethod()), "tracking called with " + x.getRequestMethod());
        if (!TRACKING_KEY.equals(x.getRequestHeaders().getFirst("DHL-API-Key"))) {
            answer(x, 401, Map.of("title", "Unauthorized", "status", 401, "detail", "Invalid API key."));
            return;
        }
        String number = query(x.getRequestURI().getRawQuery()).get("trackingNumber");
        tracked.add(String.valueOf(number));
        List<Map<String, Object>> scans = number == null ? null : events.get(number);
        if (scans == null || scans.isEmpty()) {
            answer(x, 404, Map.of("title", "No result found", "status", 404,
                    "detail", "No shipment with given tracking number found."));
            return;
        }
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("id", number);
        shipment.put("service", "parcel-de");
        shipment.put("status", scans.get(0));
        shipment.put("events", new ArrayList<>(scans));
        answer(x, 200, Map.of("shipments", List.of(shipment)));
    }

    private static boolean authorized(HttpExchange x) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return API_KEY.equals(x.getRequestHeaders().getFirst("dhl-api-key"))
                && basic.equals(x.getRequestHeaders().getFirst("Authorization"));
    }

    private void check(boolean ok, String violation) {
        if (!ok) {
            violations.add(violation);
        }
    }

    private void answer(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int eq = p.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Collections.unmodifiableMap(q);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
