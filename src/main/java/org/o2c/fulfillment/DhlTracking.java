package org.o2c.fulfillment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls DHL's Shipment Tracking API (Unified, {@code GET /track/shipments?trackingNumber=…} with the
 * {@code DHL-API-Key} header) for the parcels of shops whose DHL account allows tracking. DHL's coarse
 * status codes (pre-transit, transit, delivered, failure, unknown) are refined by the event text where
 * o2c's timeline knows more (handed over, out for delivery, returned).
 */
@Component
class DhlTracking implements CarrierTracking {
    private final CarrierAccounts accounts;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration timeout;

    DhlTracking(CarrierAccounts accounts, JsonMapper json, @Value("${o2c.carriers.dhl.timeout-seconds:30}") int timeoutSeconds) {
        this.accounts = accounts;
        this.json = json;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String carrier() {
        return CarrierAccounts.DHL;
    }

    @Override
    public Optional<Set<ShopId>> shops() {
        return Optional.of(accounts.tracking(CarrierAccounts.DHL));
    }

    @Override
    public List<Shipments.TrackingUpdate> poll(String trackingNumber) {
        throw new UnsupportedOperationException("DHL tracking asks with a shop's own API key");
    }

    @Override
    public List<Shipments.TrackingUpdate> poll(ShopId shop, String trackingNumber) {
        Optional<CarrierAccount> account = accounts.find(shop, CarrierAccounts.DHL).filter(CarrierAccount::tracking);
        if (account.isEmpty()) {
            return List.of();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.get().trackingUrl() + "?trackingNumber="
                        + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8)))
                .timeout(timeout).header("DHL-API-Key", account.get().trackingKey()).header("Accept", "application/json")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("DHL tracking not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 404) {
            return List.of(); // DHL does not know the number yet
        }
        if (status == 429 || status >= 500) {
            throw new Unavailable("DHL tracking answered HTTP " + status);
        }
        if (status != 200) {
            throw new IllegalStateException("DHL tracking answered HTTP " + status
                    + (status == 401 || status == 403 ? ": check the tracking API key of the DHL account" : ""));
        }
        try {
            return updates(json.readTree(response.body()), trackingNumber);
        } catch (JacksonException e) {
            throw new IllegalStateException("DHL tracking answered no JSON");
        }
    }

    /** The events of the shipment as o2c tracking updates; DHL's delivery estimate rides on the newest one. */
    static List<Shipments.TrackingUpdate> updates(JsonNode root, String trackingNumber) {
        JsonNode shipment = root.path("shipments").path(0);
        List<JsonNode> events = new ArrayList<>();
        shipment.path("events").forEach(events::add);
        if (events.isEmpty() && shipment.has("status")) {
            events.add(shipment.path("status"));
        }
        String eta = date(shipment.path("estimatedTimeOfDelivery").asString(""));
        List<Shipments.TrackingUpdate> out = new ArrayList<>();
        OffsetDateTime newest = null;
        int newestIndex = -1;
        for (JsonNode e : events) {
            String text = e.path("description").asString(e.path("status").asString(""));
            TrackingStatus s = status(e.path("statusCode").asString(""), text);
            OffsetDateTime at = timestamp(e.path("timestamp").asString(""));
            if (s == null || at == null) {
                continue;
            }
            if (newest == null || at.isAfter(newest)) {
                newest = at;
                newestIndex = out.size();
            }
            String place = e.path("location").path("address").path("addressLocality").asString(null);
            out.add(new Shipments.TrackingUpdate(trackingNumber, s.name(), at.toString(), place,
                    text.isBlank() ? null : text, null));
        }
        if (eta != null && newestIndex >= 0) {
            Shipments.TrackingUpdate n = out.get(newestIndex);
            out.set(newestIndex, new Shipments.TrackingUpdate(n.trackingNumber(), n.status(), n.occurredAt(),
                    n.location(), n.description(), eta));
        }
        return out;
    }

    private static final List<String> OUT_FOR_DELIVERY = List.of("zustellfahrzeug", "in zustellung",
            "heute zugestellt", "out for delivery", "delivery vehicle", "with the delivery courier");
    private static final List<String> HANDED_OVER = List.of("eingeliefert", "abgeholt", "übernommen",
            "picked up", "dropped off", "posted", "accepted by dhl", "handed over to dhl");
    private static final List<String> RETURNED = List.of("absender zurück", "zurück an den absender",
            "rücksendung", "returned to sender", "return to sender", "back to the sender");

    /**
     * DHL's status code, refined by the event text: the codes are documented, the texts are DHL's
     * wording (German or English) and may change, so every unknown text falls back to the code.
     */
    static TrackingStatus status(String statusCode, String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return switch (statusCode.toLowerCase(Locale.ROOT)) {
            case "pre-transit" -> TrackingStatus.LABEL_CREATED;
            case "transit" -> contains(t, OUT_FOR_DELIVERY) ? TrackingStatus.OUT_FOR_DELIVERY
                    : contains(t, HANDED_OVER) ? TrackingStatus.HANDED_OVER : TrackingStatus.IN_TRANSIT;
            case "delivered" -> contains(t, RETURNED) ? TrackingStatus.RETURNED : TrackingStatus.DELIVERED;
            case "failure" -> TrackingStatus.DELIVERY_FAILED;
            default -> null;
        };
    }

    private static boolean contains(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }

    /** DHL writes times with or without offset; without one they are German local time. */
    static OffsetDateTime timestamp(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(TimeConfiguration.BUSINESS_ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static String date(String text) {
        OffsetDateTime at = timestamp(text);
        if (at != null) {
            return at.atZoneSameInstant(TimeConfiguration.BUSINESS_ZONE).toLocalDate().toString();
        }
        try {
            return java.time.LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
