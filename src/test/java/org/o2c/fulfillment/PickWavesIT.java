package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import org.o2c.support.Orders;
import tools.jackson.databind.JsonNode;

/** A shop describes its warehouse, and a picker gets one short walk for several orders. */
class PickWavesIT extends IntegrationTest {

    static final Map<String, Object> CONTRACT_LAYOUT = Map.of("aisles", 10, "baysPerAisle", 40, "bayWidthMeters", 1.0,
            "aisleDistanceMeters", 3.0, "crossAisleMeters", 2.0);

    @Test
    void theLayoutIsStoredAndAnswered() {
        Api shop = newShop("layout");
        shop.get("/api/v1/warehouse/layout").expectProblem(404);
        JsonNode put = shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200).json();
        assertThat(put.get("aisles").asInt()).isEqualTo(10);
        JsonNode got = shop.get("/api/v1/warehouse/layout").expect(200).json();
        assertThat(got.get("baysPerAisle").asInt()).isEqualTo(40);
        assertThat(got.get("aisleDistanceMeters").asDouble()).isEqualTo(3.0);
        assertThat(got.get("crossAisleMeters").asDouble()).isEqualTo(2.0);
        assertThat(shop.get("/api/v1/audit?subjectType=warehouse&subjectId=" + shop.shopId).json()
                .findValuesAsString("action")).containsExactly("warehouse.layout-set");
    }

    @Test
    void aBadLayoutNamesEachBadField() {
        Api shop = newShop("bad-layout");
        JsonNode problem = shop.put("/api/v1/warehouse/layout", Map.of("aisles", 0, "baysPerAisle", 40,
                "bayWidthMeters", -1, "aisleDistanceMeters", 3.0)).expectProblem(422).json();
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("aisles", "bayWidthMeters", "crossAisleMeters");
        shop.get("/api/v1/warehouse/layout").expectProblem(404);
    }

    @Test
    void aWaveIsOneOptimalWalkWithATotePerOrder() {
        Api shop = newShop("wave");
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        product(shop, "SOCK", "A-40-1");
        product(shop, "HAT", "B-40-2");
        String first = order(shop, "w-1", Map.of("SOCK", 2));
        String second = order(shop, "w-2", Map.of("HAT", 1, "SOCK", 1));

        JsonNode wave = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(first, second))).expect(201).json();

        assertThat(wave.get("orderIds").valueStream().map(JsonNode::asString)).containsExactly(first, second);
        // Up aisle A to bay 40, across the back, down aisle B, back along the front: 42 + 3 + 42 + 3 m.
        assertThat(wave.get("distanceMeters").asDouble()).isEqualTo(90.0);
        JsonNode stops = wave.get("stops");
        assertThat(stops).hasSize(3);
        assertStop(stops.get(0), "A-40-1", "SOCK", 2, first);
        assertStop(stops.get(1), "A-40-1", "SOCK", 1, second);
        assertStop(stops.get(2), "B-40-2", "HAT", 1, second);
        assertThat(stops.get(1).get("tote").asInt()).isEqualTo(2);

        JsonNode again = shop.get("/api/v1/pick-waves/" + wave.get("id").asString()).expect(200).json();
        assertThat(again.get("stops")).isEqualTo(stops);
        assertThat(shop.get("/api/v1/audit?subjectType=pick-wave&subjectId=" + wave.get("id").asString()).json()
                .findValuesAsString("action")).containsExactly("pick-wave.created");
    }

    @Test
    void shallowBinsAtBothEndsAreNotWalkedThrough() {
        Api shop = newShop("wave-shallow");
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        product(shop, "NEAR", "A-05-1");
        product(shop, "FAR", "J-05-3");
        String o = order(shop, "s-1", Map.of("FAR", 1, "NEAR", 1));
        JsonNode wave = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(o))).expect(201).json();
        // 27 m along the front to J and back, 5.5 m into A and into J and out again; the S-shape walks 138 m.
        assertThat(wave.get("distanceMeters").asDouble()).isEqualTo(76.0);
        assertThat(wave.get("sShapeDistanceMeters").asDouble()).isEqualTo(138.0);
        assertThat(wave.get("stops").findValuesAsString("location")).containsExactly("A-05-1", "J-05-3");
    }

    @Test
    void ordersThatMayNotBePickedAreNamed() {
        Api shop = newShop("wave-refusals");
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        product(shop, "SOCK", "C-07-2");
        String fine = order(shop, "r-1", Map.of("SOCK", 1));
        String held = order(shop, "r-2", Map.of("SOCK", 1));
        shop.post("/api/v1/orders/" + held + "/hold", Map.of("reason", "customer asked to wait")).expect(200);
        String cancelled = order(shop, "r-3", Map.of("SOCK", 1));
        shop.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "customer withdrew")).expect(200);
        String unknown = "00000000-0000-0000-0000-000000000001";

        JsonNode problem = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(fine, held, cancelled, unknown)))
                .expectProblem(422).json();
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("orderIds[1]", "orderIds[2]", "orderIds[3]");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("on hold");
        assertThat(problem.get("errors").get(1).get("message").asString()).contains("cancelled");
        assertThat(shop.get("/api/v1/pick-waves").json().get("items")).isEmpty();

        String waveId = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(fine))).expect(201).json()
                .get("id").asString();
        JsonNode twice = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(fine))).expectProblem(422).json();
        assertThat(twice.get("errors").get(0).get("message").asString()).contains("already in pick wave");

        shop.post("/api/v1/pick-waves/" + waveId + "/cancel", Map.of("reason", "cart broke")).expect(200);
        shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(fine))).expect(201);
    }

    @Test
    void aProductWithoutABinIsNamed() {
        Api shop = newShop("wave-no-bin");
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        product(shop, "LOST", "Z-99-1");
        String o = order(shop, "n-1", Map.of("LOST", 1));
        JsonNode problem = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(o))).expectProblem(422).json();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("orderIds[0]");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("Z-99-1");
    }

    @Test
    void binsWithFreeCoordinatesAreWalkedInCityBlocks() {
        Api shop = newShop("wave-room");
        shop.put("/api/v1/warehouse/bins/SHELF-1", Map.of("x", 4, "y", 3)).expect(200);
        shop.put("/api/v1/warehouse/bins/SHELF-2", Map.of("x", 0, "y", 5)).expect(200);
        shop.put("/api/v1/warehouse/bins/SHELF-3", Map.of("x", "far")).expectProblem(400);
        assertThat(shop.get("/api/v1/warehouse/bins").json().findValuesAsString("name")).containsExactly("SHELF-1", "SHELF-2");
        product(shop, "TEA", "SHELF-1");
        product(shop, "MUG", "SHELF-2");
        String o = order(shop, "f-1", Map.of("TEA", 1, "MUG", 1));
        JsonNode wave = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(o))).expect(201).json();
        // 5 m to SHELF-2, 4 + 2 m to SHELF-1, 4 + 3 m back: either way round 18 m.
        assertThat(wave.get("distanceMeters").asDouble()).isEqualTo(18.0);
        assertThat(wave.get("routing").asString()).isEqualTo("HEURISTIC");
    }

    @Test
    void o2cFormsWavesFromTheReleasedOrdersByTheShopsSettings() {
        Api shop = newShop("wave-auto");
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        assertThat(shop.get("/api/v1/pick-waves/settings").expect(200).json().get("ordersPerWave").asInt()).isEqualTo(10);
        JsonNode bad = shop.put("/api/v1/pick-waves/settings", Map.of("ordersPerWave", 0, "itemsPerCart", 50,
                "firstBy", "COLOUR", "cutOff", "25:00")).expectProblem(422).json();
        assertThat(bad.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("ordersPerWave", "firstBy", "cutOff");
        shop.put("/api/v1/pick-waves/settings", Map.of("ordersPerWave", 2, "itemsPerCart", 50, "firstBy", "DISTANCE",
                "cutOff", "15:30")).expect(200);
        assertThat(shop.get("/api/v1/pick-waves/settings").json().get("cutOff").asString()).isEqualTo("15:30");

        product(shop, "NEAR-1", "A-35-1");
        product(shop, "NEAR-2", "A-38-2");
        product(shop, "FAR-1", "J-30-1");
        product(shop, "FAR-2", "J-33-1");
        String a1 = order(shop, "auto-1", Map.of("NEAR-1", 1));
        String j1 = order(shop, "auto-2", Map.of("FAR-1", 1));
        String a2 = order(shop, "auto-3", Map.of("NEAR-2", 2));
        String j2 = order(shop, "auto-4", Map.of("FAR-2", 1));
        String held = order(shop, "auto-5", Map.of("NEAR-1", 1));
        shop.post("/api/v1/orders/" + held + "/hold", Map.of("reason", "address unclear")).expect(200);

        JsonNode formed = shop.post("/api/v1/pick-waves/auto", Map.of()).expect(201).json();
        List<List<String>> waves = formed.get("waves").valueStream()
                .map(w -> w.get("orderIds").valueStream().map(JsonNode::asString).sorted().toList()).toList();
        assertThat(waves).containsExactlyInAnyOrder(List.of(a1, a2).stream().sorted().toList(),
                List.of(j1, j2).stream().sorted().toList());
        assertThat(waves.stream().flatMap(List::stream)).doesNotContain(held);

        // Everything released is in a wave now: another run has nothing to do.
        assertThat(shop.post("/api/v1/pick-waves/auto", Map.of()).expect(200).json().get("waves")).isEmpty();
    }

    @Test
    void binLabelsPrintWithBarcodesThatReadBack() throws Exception {
        Api shop = newShop("labels");
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                shop.builder("/api/v1/warehouse/labels.pdf?aisle=C&levels=2").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            // 40 bays × 2 levels on sheets of 24 labels.
            assertThat(pdf.getNumberOfPages()).isEqualTo(4);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("C-01-1", "C-01-2", "C-40-2");
            java.awt.image.BufferedImage sheet = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 200);
            // The first label: 70 × 37 mm at the top left of the sheet.
            java.awt.image.BufferedImage first = sheet.getSubimage(0, 0, (int) (70 * 200 / 25.4), (int) (38 * 200 / 25.4));
            int[] pixels = first.getRGB(0, 0, first.getWidth(), first.getHeight(), null, 0, first.getWidth());
            com.google.zxing.Result read = new com.google.zxing.MultiFormatReader().decode(
                    new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.RGBLuminanceSource(first.getWidth(), first.getHeight(), pixels))),
                    Map.of(com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.CODE_128)));
            assertThat(read.getText()).isEqualTo("C-01-1");
        }
        shop.get("/api/v1/warehouse/labels.pdf?aisle=Q").expectProblem(422);
    }

    @Test
    void fastMoversAreClassAAndSuggestedNearTheDepot() {
        Api shop = newShop("abc");
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        product(shop, "TEA", "J-40-1");
        product(shop, "PIN", "A-01-1");
        order(shop, "abc-1", Map.of("TEA", 5));
        JsonNode abc = shop.get("/api/v1/warehouse/abc?days=30").expect(200).json();
        assertThat(abc.get("items").findValuesAsString("sku")).containsExactly("TEA", "PIN");
        assertThat(abc.get("items").findValuesAsString("class")).containsExactly("A", "C");
        assertThat(abc.get("items").get(0).get("unitsSold").asInt()).isEqualTo(5);
        assertThat(abc.get("moves").get(0).get("sku").asString()).isEqualTo("TEA");
        assertThat(abc.get("moves").get(0).get("to").asString()).isEqualTo("A-01-1");

        // Class A is counted monthly: the fast mover is on exactly one count list of any 30 days.
        java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 1);
        int listed = 0;
        for (int i = 0; i < 30; i++) {
            JsonNode list = shop.get("/api/v1/warehouse/cycle-counts?date=" + day.plusDays(i)).expect(200).json();
            listed += list.get("items").findValuesAsString("sku").contains("TEA") ? 1 : 0;
        }
        assertThat(listed).isEqualTo(1);
        shop.get("/api/v1/warehouse/cycle-counts?date=yesterday").expectProblem(422);
    }

    static void assertStop(JsonNode stop, String location, String sku, int quantity, String orderId) {
        assertThat(stop.get("location").asString()).isEqualTo(location);
        assertThat(stop.get("sku").asString()).isEqualTo(sku);
        assertThat(stop.get("quantity").asInt()).isEqualTo(quantity);
        assertThat(stop.get("orderId").asString()).isEqualTo(orderId);
    }

    static void product(Api shop, String sku, String location) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "Article " + sku);
        body.put("price", "9.90");
        body.put("currency", "EUR");
        body.put("taxCategory", "STANDARD");
        body.put("weightGrams", 200);
        body.put("location", location);
        shop.put("/api/v1/products/" + sku, body).expect(201);
        shop.put("/api/v1/stock/" + sku, Map.of("onHand", 100)).expect(200);
    }

    static String order(Api shop, String externalId, Map<String, Integer> lines) {
        Orders o = Orders.order(externalId).email(externalId + "@example.org");
        new java.util.TreeMap<>(lines).forEach(o::line);
        JsonNode created = shop.post("/api/v1/orders", o.build()).expect(201).json();
        assertThat(created.get("status").asString()).isEqualTo("CONFIRMED");
        return created.get("id").asString();
    }
}
