package org.o2c.fulfillment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.o2c.shared.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DHL's Parcel DE Shipping API v2 ({@code POST /orders}, {@code DELETE /orders}): books one parcel per
 * call with the shop's billing number and product, answers DHL's shipment number and the label as PDF.
 * DHL's validation errors become a 422 naming o2c's fields; refused credentials, overload and outages
 * become a 502 or 503 that says nothing was booked, so the packer can simply try again.
 */
@Component
class DhlParcelShipping implements CarrierLabels {
    private static final Logger log = LoggerFactory.getLogger(DhlParcelShipping.class);
    /** DHL wants 8 to 35 characters to make the reference searchable. */
    private static final int REF_NO_MAX = 35;

    private final CarrierAccounts accounts;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    DhlParcelShipping(CarrierAccounts accounts, JsonMapper json, Clock clock,
            @Value("${o2c.carriers.dhl.timeout-seconds:30}") int timeoutSeconds) {
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public int maxWeightGrams(ShopId shop) {
        return account(shop).product().maxGrams();
    }

    @Override
    public Booked book(ShopId shop, Parcel parcel) {
        CarrierAccount account = account(shop);
        byte[] body = json.writeValueAsBytes(request(account, parcel));
        HttpRequest request = authorized(account, URI.create(account.baseUrl()
                        + "/orders?validate=false&mustEncode=false&includeDocs=include&docFormat=PDF&combine=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = send(request);
        JsonNode root = parse(response);
        int status = response.statusCode();
        if (status == 200 || status == 207) {
            JsonNode item = root.path("items").path(0);
            int itemStatus = itemStatus(item);
            if (itemStatus >= 400 || item.path("shipmentNo").asString("").isBlank()) {
                throw rejected(root);
            }
            String number = Carriers.normalizeTrackingNumber(item.path("shipmentNo").asString());
            byte[] pdf;
            try {
                pdf = label(item.path("label"));
            } catch (Problem noLabel) {
                cancel(shop, number);
                throw noLabel;
            }
            return new Booked(CarrierAccounts.DHL, number, pdf,
                    messages(root, "warning").stream().map(e -> e.field() + ": " + e.message()).toList());
        }
        if (status == 400 || status == 422) {
            throw rejected(root);
        }
        throw failed(status, root);
    }

    @Override
    public void cancel(ShopId shop, String trackingNumber) {
        try {
            CarrierAccount account = account(shop);
            HttpRequest request = authorized(account, URI.create(account.baseUrl() + "/orders?profile="
                    + enc(account.profile()) + "&shipment=" + enc(trackingNumber))).DELETE().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 207) {
                log.warn("DHL did not cancel shipment {} (HTTP {}): cancel it in the business customer portal",
                        trackingNumber, status);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("DHL shipment {} could not be cancelled: {}", trackingNumber, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The documented request: one shipment, weight in grams (DHL prints the weight class from it). */
    Map<String, Object> request(CarrierAccount account, Parcel parcel) {
        Validation v = new Validation();
        Map<String, Object> shipper = DhlAddress.shipper(parcel.from(), v);
        Map<String, Object> consignee = DhlAddress.consignee(parcel.to(), v);
        v.throwIfInvalid();
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("product", account.product().name());
        shipment.put("billingNumber", account.billingNumber());
        shipment.put("refNo", refNo(parcel.reference()));
        shipment.put("shipDate", LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE)).toString());
        shipment.put("shipper", shipper);
        shipment.put("consignee", consignee);
        shipment.put("details", Map.of("weight", Map.of("uom", "g", "value", parcel.weightGrams())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", account.profile());
        body.put("shipments", List.of(shipment));
        return body;
    }

    static String refNo(String orderNumber) {
        String ref = "Order " + orderNumber;
        return ref.length() > REF_NO_MAX ? ref.substring(0, REF_NO_MAX) : ref;
    }

    private CarrierAccount account(ShopId shop) {
        return accounts.find(shop, CarrierAccounts.DHL).orElseThrow(() -> Problem.invalid("carrier",
                "the shop has no DHL account: PUT /api/v1/carriers/DHL/account first"));
    }

    private HttpRequest.Builder authorized(CarrierAccount account, URI uri) {
        String basic = Base64.getEncoder().encodeToString((account.user() + ":" + account.password())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).timeout(timeout).header("dhl-api-key", account.apiKey())
                .header("Authorization", "Basic " + basic).header("Accept", "application/json");
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("DHL not reachable: {}", e.toString());
            throw unavailable("DHL could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the call to DHL was interrupted");
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            JsonNode root = json.readTree(response.body());
            return root == null ? json.createObjectNode() : root;
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private static int itemStatus(JsonNode item) {
        JsonNode s = item.path("sstatus");
        return s.path("status").asInt(s.path("statusCode").asInt(200));
    }

    /** The label as DHL sends it: base64 in the answer, or a link to download it from. */
    private byte[] label(JsonNode label) {
        String b64 = label.path("b64").asString("");
        if (!b64.isBlank()) {
            return Base64.getMimeDecoder().decode(b64);
        }
        String url = label.path("url").asString("");
        if (!url.isBlank()) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
            if (r.statusCode() == 200) {
                return r.body();
            }
            throw unavailable("DHL booked the parcel but its label could not be downloaded (HTTP " + r.statusCode() + ")");
        }
        throw unavailable("DHL booked the parcel but sent no label");
    }

    private Problem rejected(JsonNode root) {
        List<Problem.FieldError> errors = messages(root, "error");
        if (errors.isEmpty()) {
            String detail = root.path("status").path("detail").asString(root.path("detail").asString(""));
            errors = List.of(new Problem.FieldError("carrier", detail.isBlank() ? "DHL refused the parcel" : detail));
        }
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "carrier-rejected", "DHL refused the parcel",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields were refused by DHL", errors);
    }

    /** DHL's validation messages of one state (error or warning), named by o2c's fields. */
    private static List<Problem.FieldError> messages(JsonNode root, String state) {
        List<Problem.FieldError> out = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            for (JsonNode m : item.path("validationMessages")) {
                if (m.path("validationState").asString("error").toLowerCase(Locale.ROOT).startsWith(state)) {
                    out.add(new Problem.FieldError(field(m.path("property").asString("")),
                            "DHL: " + m.path("validationMessage").asString("invalid")));
                }
            }
        }
        return out;
    }

    /** Where a DHL property comes from in o2c: the order's address, the company settings, the parcel or the account. */
    static String field(String property) {
        String p = property.replaceFirst("^shipments\\[\\d+]\\.", "");
        String[] parts = p.split("\\.");
        String leaf = parts[parts.length - 1];
        String place = switch (leaf) {
            case "addressStreet", "addressHouse" -> "street";
            case "postalCode" -> "postalCode";
            case "city" -> "city";
            case "country" -> "country";
            case "name1", "name2", "name3" -> "name";
            default -> leaf;
        };
        if (p.startsWith("consignee")) {
            return "shipTo." + place;
        }
        if (p.startsWith("shipper")) {
            return "sender." + place;
        }
        if (p.startsWith("details.weight") || p.equals("details")) {
            return "weightGrams";
        }
        if (p.equals("billingNumber") || p.equals("product") || p.equals("profile")) {
            return "carrierAccount." + p;
        }
        return p.isBlank() ? "carrier" : "carrier." + p;
    }

    private static Problem failed(int status, JsonNode root) {
        String said = root.path("detail").asString(root.path("status").path("detail").asString(""));
        if (status == 401 || status == 403) {
            return new Problem(HttpStatus.BAD_GATEWAY, "carrier-credentials-refused", "DHL refused the credentials",
                    "DHL refused the shop's API key, user or password (HTTP " + status + "); nothing was booked."
                            + " Check PUT /api/v1/carriers/DHL/account" + (said.isBlank() ? "" : " (DHL: " + said + ")"));
        }
        if (status == 429) {
            return unavailable("DHL asks to slow down (HTTP 429)");
        }
        if (status >= 500) {
            return unavailable("DHL answered HTTP " + status + (said.isBlank() ? "" : ": " + said));
        }
        return new Problem(HttpStatus.BAD_GATEWAY, "carrier-error", "Unexpected answer from DHL",
                "DHL answered HTTP " + status + "; nothing was booked" + (said.isBlank() ? "" : " (DHL: " + said + ")"));
    }

    private static Problem unavailable(String why) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "carrier-unavailable", "DHL is not available",
                why + "; nothing was booked or recorded: try again in a few minutes");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
