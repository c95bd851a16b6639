package org.o2c.fulfillment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where carriers (or a tracking aggregator) post scans: {@code POST /hooks/carriers/{carrier}} with
 * {@code X-O2c-Shop: <shop id>} and {@code X-O2c-Signature: sha256=<hex HMAC-SHA256 of the raw body with
 * the shop's secret for that carrier>}. The body is one event or {@code {"events": [...]}}, each naming
 * its {@code trackingNumber}. Unknown tracking numbers and bad events are counted, not retried: the
 * answer is 200 whenever the signature is genuine.
 */
@RestController
class CarrierHooks {
    private static final Logger log = LoggerFactory.getLogger(CarrierHooks.class);
    static final String SHOP_HEADER = "X-O2c-Shop";
    static final String SIGNATURE_HEADER = "X-O2c-Signature";

    private final CarrierWebhookSecrets secrets;
    private final Shipments shipments;
    private final JsonMapper json;

    CarrierHooks(CarrierWebhookSecrets secrets, Shipments shipments, JsonMapper json) {
        this.secrets = secrets;
        this.shipments = shipments;
        this.json = json;
    }

    @PostMapping("/hooks/carriers/{carrier}")
    Map<String, Object> deliver(@PathVariable String carrier, @RequestHeader(name = SHOP_HEADER, required = false) String shopText,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        String code = Carriers.normalize(carrier);
        ShopId shop = parseShop(shopText).orElseThrow(CarrierHooks::notGenuine);
        if (code == null || !Carriers.CODE.matcher(code).matches() || !secrets.isGenuine(shop, code, raw, signature)) {
            log.warn("carrier webhook for shop {} refused: {} signature", shop.value(), signature == null ? "no" : "wrong");
            throw notGenuine();
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException notJson) {
            throw Problem.invalid("body", "must be a JSON tracking event or {\"events\": [...]}");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root != null && root.has("events") && root.get("events").isArray()) {
            root.get("events").forEach(items::add);
        } else if (root != null && root.isObject()) {
            items.add(root);
        } else {
            throw Problem.invalid("body", "must be a JSON tracking event or {\"events\": [...]}");
        }
        int recorded = 0;
        int duplicates = 0;
        int unknown = 0;
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Shipments.TrackingUpdate u;
            try {
                u = json.treeToValue(items.get(i), Shipments.TrackingUpdate.class);
            } catch (JacksonException e) {
                rejected.add(Map.of("index", i, "detail", "not a tracking event"));
                continue;
            }
            Optional<Shipment> s = u.trackingNumber() == null ? Optional.empty()
                    : shipments.byTrackingNumber(shop, code, u.trackingNumber());
            if (s.isEmpty()) {
                unknown++;
                continue;
            }
            try {
                if (shipments.track(shop, s.get().id(), u, "webhook").recorded()) {
                    recorded++;
                } else {
                    duplicates++;
                }
            } catch (Problem bad) {
                rejected.add(Map.of("index", i, "detail", String.valueOf(bad.getMessage())));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recorded", recorded);
        answer.put("duplicates", duplicates);
        answer.put("unknown", unknown);
        answer.put("rejected", rejected);
        return answer;
    }

    private static Optional<ShopId> parseShop(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new ShopId(Long.parseLong(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Problem notGenuine() {
        return new Problem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Unauthorized",
                "the delivery is not signed with the shop's secret for this carrier");
    }
}
