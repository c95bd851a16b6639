package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** At the packing table: o2c names the carton, and a parcel of the wrong weight does not leave. */
class PackingIT extends IntegrationTest {

    private static Map<String, Object> carton(String name, int l, int w, int h, int max, int tare) {
        return Map.of("name", name, "lengthMm", l, "widthMm", w, "heightMm", h, "maxWeightGrams", max, "tareGrams", tare);
    }

    private Api shop(String name) {
        Api shop = newShop(name);
        shop.put("/api/v1/cartons/S", carton("Small", 250, 175, 100, 5000, 120)).expect(201);
        shop.put("/api/v1/cartons/M", carton("Medium", 400, 300, 150, 10000, 250)).expect(201);
        shop.put("/api/v1/cartons/L", carton("Long", 1000, 150, 150, 10000, 400)).expect(201);
        shop.put("/api/v1/products/MUG-1", Map.of("name", "Becher", "price", "9.90", "currency", "EUR",
                "taxCategory", "STANDARD", "weightGrams", 350, "location", "A-01-1")).expect(201);
        shop.put("/api/v1/stock/MUG-1", Map.of("onHand", 20)).expect(200);
        shop.put("/api/v1/products/MUG-1/dimensions", Map.of("lengthMm", 120, "widthMm", 90, "heightMm", 100)).expect(200);
        shop.put("/api/v1/products/UMBRELLA", Map.of("name", "Schirm", "price", "19.90", "currency", "EUR",
                "taxCategory", "STANDARD", "weightGrams", 500, "location", "A-01-2")).expect(201);
        shop.put("/api/v1/stock/UMBRELLA", Map.of("onHand", 20)).expect(200);
        shop.put("/api/v1/products/UMBRELLA/dimensions", Map.of("lengthMm", 900, "widthMm", 60, "heightMm", 60)).expect(200);
        return shop;
    }

    @Test
    void theSmallestCartonTheItemsReallyFitIsSuggested() {
        Api shop = shop("pack-suggest");
        String two = shop.post("/api/v1/orders", order("sg-1").line("MUG-1", 2).build()).expect(201).json().get("id").asString();
        JsonNode s = shop.get("/api/v1/orders/" + two + "/carton").expect(200).json();
        assertThat(s.at("/carton/code").asString()).isEqualTo("S");
        assertThat(s.get("expectedWeightGrams").asInt()).isEqualTo(2 * 350 + 120);

        // Four mugs have less volume than the small carton (4 × 1.08 l < 4.375 l), but not its shape.
        String six = shop.post("/api/v1/orders", order("sg-2").email("six@example.org").line("MUG-1", 4).build())
                .expect(201).json().get("id").asString();
        assertThat(shop.get("/api/v1/orders/" + six + "/carton").json().at("/carton/code").asString()).isEqualTo("M");

        // The umbrella has far less volume than the medium carton, and only the long one takes it.
        String umbrella = shop.post("/api/v1/orders", order("sg-3").email("rain@example.org").line("UMBRELLA", 1).build())
                .expect(201).json().get("id").asString();
        assertThat(shop.get("/api/v1/orders/" + umbrella + "/carton").json().at("/carton/code").asString()).isEqualTo("L");

        shop.put("/api/v1/cartons/X", Map.of("name", "", "lengthMm", 0)).expectProblem(422);
        shop.put("/api/v1/products/MUG-1/dimensions", Map.of("lengthMm", -1)).expectProblem(422);
        assertThat(shop.get("/api/v1/cartons").json().findValuesAsString("code")).containsExactly("S", "M", "L");
    }

    @Test
    void aParcelOfTheWrongWeightIsStoppedForARecheck() {
        Api shop = shop("pack-weight");
        String orderId = shop.post("/api/v1/orders", order("wt-1").line("MUG-1", 2).build()).expect(201).json()
                .get("id").asString();
        Map<String, Object> light = new LinkedHashMap<>(Map.of("carrier", "DHL", "trackingNumber", "00340434161094060001",
                "weightGrams", 470, "carton", "S"));

        // 2 × 350 g + 120 g carton = 820 g expected: 470 g means a mug is missing.
        Api.Response stopped = shop.post("/api/v1/orders/" + orderId + "/shipments", light);
        stopped.expectProblem(409);
        assertThat(stopped.json().get("type").asString()).endsWith("weight-mismatch");
        assertThat(stopped.json().get("detail").asString()).contains("820 g");
        assertThat(shop.get("/api/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(shop.stock("MUG-1").get("onHand").asInt()).isEqualTo(20);

        light.put("carton", "NOPE");
        shop.post("/api/v1/orders/" + orderId + "/shipments", light).expectProblem(422);

        // Within 5 % (at least 50 g) of 820 g the parcel goes.
        JsonNode shipped = shop.post("/api/v1/orders/" + orderId + "/shipments", Map.of("carrier", "DHL",
                "trackingNumber", "00340434161094060001", "weightGrams", 845, "carton", "S")).expect(201).json();
        assertThat(shipped.get("carton").asString()).isEqualTo("S");
        assertThat(shop.get("/api/v1/shipments/" + shipped.get("id").asString() + "/label").expect(200).contentType())
                .startsWith("application/pdf");
        assertThat(shop.get("/api/v1/orders/" + orderId + "/packing-slip").expect(200).body()).startsWith("%PDF");

        // A re-checked parcel may go against the scale, with the reason in the audit trail.
        String other = shop.post("/api/v1/orders", order("wt-2").email("gift@example.org").line("MUG-1", 1).build())
                .expect(201).json().get("id").asString();
        JsonNode overridden = shop.post("/api/v1/orders/" + other + "/shipments", Map.of("carrier", "DHL",
                "trackingNumber", "00340434161094060002", "weightGrams", 900, "carton", "S",
                "weightCheckOverride", "gift wrapping and a catalogue added")).expect(201).json();
        assertThat(shop.get("/api/v1/audit?subjectType=shipment&subjectId=" + overridden.get("id").asString()).json()
                .findValuesAsString("reason")).contains("gift wrapping and a catalogue added");
    }
}
