package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.fulfillment.PickWavesIT.CONTRACT_LAYOUT;
import static org.o2c.fulfillment.PickWavesIT.product;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.BackOffice;
import org.o2c.support.IntegrationTest;
import org.o2c.support.Orders;
import org.o2c.support.ScriptedClock;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * A warehouse day played minute by minute: orders are promised a ship date at intake, picked in waves (PICKING),
 * one short pick is resolved and re-picked, parcels leave on time or late, and the numbers for the dashboard
 * come out of what happened.
 */
class PickingNumbersIT extends IntegrationTest {
    /** Monday, 2 March 2026. */
    static final ScriptedClock CLOCK = new ScriptedClock(LocalDateTime.of(2026, 3, 2, 7, 30));

    @TestBean(name = "clock")
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    private static void at(int day, int hour, int minute) {
        CLOCK.set(LocalDateTime.of(2026, 3, day, hour, minute));
    }

    private Api warehouse(String name, Map<String, Object> settings) {
        at(2, 7, 30);
        Api shop = newShop(name);
        shop.put("/api/v1/warehouse/layout", CONTRACT_LAYOUT).expect(200);
        shop.put("/api/v1/pick-waves/settings", settings).expect(200);
        product(shop, "SOCK", "A-40-1");
        product(shop, "HAT", "B-40-2");
        return shop;
    }

    private static Map<String, Object> settings(String firstBy, int ordersPerWave) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ordersPerWave", ordersPerWave);
        s.put("itemsPerCart", 60);
        s.put("firstBy", firstBy);
        s.put("cutOff", "14:00");
        s.put("shipWithinDays", 0);
        return s;
    }

    private static JsonNode place(Api shop, String externalId, String carrier, Map<String, Integer> lines) {
        Orders o = Orders.order(externalId).email(externalId + "@example.org");
        if (carrier != null) {
            o.carrier(carrier);
        }
        new java.util.TreeMap<>(lines).forEach(o::line);
        return shop.post("/api/v1/orders", o.build()).expect(201).json();
    }

    private static String scan(Api shop, String wave, int stop, String kind, String code) {
        return shop.post("/api/v1/pick-waves/" + wave + "/stops/" + stop + "/" + kind, Map.of("code", code))
                .expect(200).json().get("outcome").asString();
    }

    private static String status(Api shop, String order) {
        return shop.get("/api/v1/orders/" + order).expect(200).json().get("status").asString();
    }

    private static Map<String, Object> parcel(String tracking, String carton, int grams) {
        return Map.of("carrier", "DHL", "trackingNumber", tracking, "carton", carton, "weightGrams", grams);
    }

    @Test
    void aScriptedDayGivesThePickTimesTheMisPickRateOnTimeShippingAndParcelsPerCarton() {
        Api shop = warehouse("numbers-day", settings(WaveSettings.CUT_OFF, 10));
        shop.put("/api/v1/cartons/S", Map.of("name", "Small", "lengthMm", 250, "widthMm", 175, "heightMm", 100,
                "maxWeightGrams", 5000, "tareGrams", 120)).expect(201);
        shop.put("/api/v1/cartons/M", Map.of("name", "Medium", "lengthMm", 400, "widthMm", 300, "heightMm", 150,
                "maxWeightGrams", 10000, "tareGrams", 250)).expect(201);

        at(2, 8, 0);
        JsonNode a = place(shop, "day-a", null, Map.of("SOCK", 2));
        JsonNode b = place(shop, "day-b", null, Map.of("HAT", 1, "SOCK", 1));
        // Placed before the 14:00 cut-off, shipping the same day: promised for Monday.
        assertThat(a.get("promisedShipDate").asString()).isEqualTo("2026-03-02");
        String orderA = a.get("id").asString();
        String orderB = b.get("id").asString();

        at(2, 8, 30);
        String wave = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(orderA, orderB))).expect(201).json()
                .get("id").asString();
        assertThat(status(shop, orderA)).isEqualTo("PICKING");

        // Stops: 1 = 2 SOCK for A, 2 = 1 SOCK for B (same bin), 3 = 1 HAT for B.
        at(2, 9, 0);
        assertThat(scan(shop, wave, 1, "bin", "A-40-1")).isEqualTo("BIN_CONFIRMED");
        at(2, 9, 1);
        assertThat(scan(shop, wave, 1, "item", "SOCK")).isEqualTo("PICKED");
        at(2, 9, 2);
        assertThat(scan(shop, wave, 1, "item", "SOCK")).isEqualTo("STOP_DONE");
        at(2, 9, 3);
        scan(shop, wave, 2, "bin", "A-40-1");
        assertThat(scan(shop, wave, 2, "item", "SOCK")).isEqualTo("STOP_DONE");
        at(2, 9, 5);
        scan(shop, wave, 3, "bin", "B-40-2");
        assertThat(scan(shop, wave, 3, "item", "SOCK")).isEqualTo("WRONG_ITEM");
        at(2, 9, 6);
        assertThat(scan(shop, wave, 3, "item", "HAT")).isEqualTo("WAVE_DONE");

        // A leaves the same afternoon in the small carton, B only on Tuesday in the medium one: late.
        at(2, 15, 0);
        shop.post("/api/v1/orders/" + orderA + "/shipments", parcel("DAYA0001", "S", 400 + 120)).expect(201);
        at(3, 10, 0);
        shop.post("/api/v1/orders/" + orderB + "/shipments", parcel("DAYB0001", "M", 400 + 250)).expect(201);
        assertThat(status(shop, orderB)).isEqualTo("SHIPPED");

        JsonNode numbers = shop.get("/api/v1/fulfillment/metrics?from=2026-03-02&to=2026-03-03").expect(200).json();
        JsonNode picking = numbers.get("picking");
        assertThat(picking.get("waves").asInt()).isEqualTo(1);
        assertThat(picking.get("orders").asInt()).isEqualTo(2);
        assertThat(picking.get("lines").asInt()).isEqualTo(3);
        assertThat(picking.get("items").asInt()).isEqualTo(4);
        // First scan 09:00, last stop 09:06.
        assertThat(picking.get("pickSeconds").asLong()).isEqualTo(360);
        assertThat(picking.get("secondsPerOrder").decimalValue()).isEqualByComparingTo("180.0");
        assertThat(picking.get("secondsPerLine").decimalValue()).isEqualByComparingTo("120.0");
        assertThat(picking.get("wrongScans").asInt()).isEqualTo(1);
        // One wrong item among five item scans.
        assertThat(picking.get("misPickPercent").decimalValue()).isEqualByComparingTo("20.0");
        JsonNode shipping = numbers.get("shipping");
        assertThat(shipping.get("parcels").asInt()).isEqualTo(2);
        assertThat(shipping.get("onTime").asInt()).isEqualTo(1);
        assertThat(shipping.get("late").asInt()).isEqualTo(1);
        assertThat(shipping.get("onTimePercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(shipping.get("byCarton").findValuesAsString("carton")).containsExactly("M", "S");
        assertThat(shipping.get("byCarton").findValues("parcels").stream().map(JsonNode::asInt)).containsExactly(1, 1);

        // Monday alone: the same picking, one parcel, on time.
        JsonNode monday = shop.get("/api/v1/fulfillment/metrics?from=2026-03-02&to=2026-03-02").expect(200).json();
        assertThat(monday.at("/picking/pickSeconds").asLong()).isEqualTo(360);
        assertThat(monday.at("/shipping/parcels").asInt()).isEqualTo(1);
        assertThat(monday.at("/shipping/onTimePercent").decimalValue()).isEqualByComparingTo("100.0");
        // The Sunday before: nothing happened, no averages.
        JsonNode sunday = shop.get("/api/v1/fulfillment/metrics?from=2026-03-01&to=2026-03-01").expect(200).json();
        assertThat(sunday.at("/picking/waves").asInt()).isZero();
        assertThat(sunday.at("/picking/secondsPerOrder").isNull()).isTrue();

        // The owner sees the same numbers on the start page, for the period chosen there.
        String home = BackOffice.signIn(baseUrl(), shop, "OWNER").get("/?from=2026-03-02&to=2026-03-03&lang=en");
        assertThat(between(home, "id=\"tile-seconds-per-order\"")).contains("180 s");
        assertThat(between(home, "id=\"tile-seconds-per-line\"")).contains("120 s");
        assertThat(between(home, "id=\"tile-mis-pick\"")).contains("20.0 %").contains("1 wrong scans, 4 items");
        assertThat(between(home, "id=\"tile-on-time\"")).contains("50.0 %").contains("1 of 2 parcels");
        assertThat(between(home, "id=\"parcels-by-carton\"")).contains("<td>M</td>").contains("<td>S</td>");

        assertThat(shop.get("/api/v1/fulfillment/metrics?from=2026-03-03&to=2026-03-02").expectProblem(422).json()
                .get("errors").findValuesAsString("field")).containsExactly("to");
        shop.get("/api/v1/fulfillment/metrics?from=monday").expectProblem(422);
    }

    /** The HTML of one element and a little after it. */
    private static String between(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as("%s on the page", marker).isNotNegative();
        return page.substring(at, Math.min(page.length(), at + 600));
    }

    @Test
    void anOrderInAWaveIsPickingAndGoesBackToConfirmedWhenTheWaveIsCancelledOrItIsTakenOut() {
        Api shop = warehouse("numbers-status", settings(WaveSettings.CUT_OFF, 10));
        at(2, 9, 0);
        String x = place(shop, "st-x", null, Map.of("SOCK", 1)).get("id").asString();
        String y = place(shop, "st-y", null, Map.of("HAT", 1)).get("id").asString();
        String wave = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(x, y))).expect(201).json()
                .get("id").asString();

        JsonNode picking = shop.get("/api/v1/orders/" + x).json();
        assertThat(picking.get("status").asString()).isEqualTo("PICKING");
        JsonNode step = picking.get("statusHistory").get(picking.get("statusHistory").size() - 1);
        assertThat(step.get("status").asString()).isEqualTo("PICKING");
        assertThat(step.get("reason").asString()).isEqualTo("in pick wave " + wave);
        assertThat(step.get("actor").asString()).isNotBlank();
        assertThat(step.get("at").asString()).startsWith("2026-03-02T08:00");

        // Its items are in a tote: cancelling needs the order out of the wave first.
        assertThat(shop.post("/api/v1/orders/" + x + "/cancel", Map.of("reason", "customer withdrew"))
                .expectProblem(409).json().get("type").asString()).endsWith("order-in-picking");
        shop.post("/api/v1/pick-waves/" + wave + "/orders/" + x + "/remove", Map.of()).expectProblem(422);
        JsonNode left = shop.post("/api/v1/pick-waves/" + wave + "/orders/" + x + "/remove",
                Map.of("reason", "customer withdrew")).expect(200).json();
        assertThat(left.get("orderIds").valueStream().map(JsonNode::asString)).containsExactly(y);
        assertThat(status(shop, x)).isEqualTo("CONFIRMED");
        shop.post("/api/v1/orders/" + x + "/cancel", Map.of("reason", "customer withdrew")).expect(200);

        shop.post("/api/v1/pick-waves/" + wave + "/cancel", Map.of("reason", "cart broke")).expect(200);
        assertThat(shop.get("/api/v1/orders/" + y).json().get("statusHistory").findValuesAsString("status"))
                .containsExactly("NEW", "CONFIRMED", "PICKING", "CONFIRMED");
        assertThat(shop.get("/api/v1/orders?status=PICKING").json().get("items")).isEmpty();
        assertThat(shop.get("/api/v1/audit?subjectType=order&subjectId=" + y).json().findValuesAsString("action"))
                .contains("order.picking-started", "order.picking-stopped");

        // A confirmed order that was never in a wave still ships, as the contract says.
        shop.post("/api/v1/orders/" + y + "/shipments", Map.of("carrier", "DHL", "trackingNumber", "STY0001",
                "weightGrams", 300)).expect(201);
        assertThat(status(shop, y)).isEqualTo("SHIPPED");
    }

    @Test
    void wavesHoldOneCarrierEachAndTheEarliestCutOffGoesFirst() {
        Map<String, Object> s = settings(WaveSettings.CARRIER, 10);
        s.put("defaultCarrier", "dhl");
        s.put("carrierCutOffs", Map.of("DPD", "12:00"));
        Api shop = warehouse("numbers-carrier", s);
        JsonNode stored = shop.get("/api/v1/pick-waves/settings").expect(200).json();
        assertThat(stored.get("defaultCarrier").asString()).isEqualTo("DHL");
        assertThat(stored.at("/carrierCutOffs/DPD").asString()).isEqualTo("12:00");

        at(2, 11, 0);
        String h1 = place(shop, "c-h1", null, Map.of("SOCK", 1)).get("id").asString();
        String d1 = place(shop, "c-d1", "DPD", Map.of("HAT", 1)).get("id").asString();
        String h2 = place(shop, "c-h2", "DHL", Map.of("HAT", 1)).get("id").asString();
        String d2 = place(shop, "c-d2", "dpd", Map.of("SOCK", 1)).get("id").asString();
        // After DPD's van has gone the promise moves to Tuesday; DHL still takes it on Monday.
        at(2, 13, 0);
        JsonNode late = place(shop, "c-d3", "DPD", Map.of("SOCK", 1));
        assertThat(late.get("promisedShipDate").asString()).isEqualTo("2026-03-03");
        assertThat(place(shop, "c-h3", null, Map.of("SOCK", 1)).get("promisedShipDate").asString()).isEqualTo("2026-03-02");

        at(2, 13, 5);
        JsonNode formed = shop.post("/api/v1/pick-waves/auto", Map.of()).expect(201).json();
        List<List<String>> waves = formed.get("waves").valueStream()
                .map(w -> w.get("orderIds").valueStream().map(JsonNode::asString).sorted().toList()).toList();
        assertThat(waves).hasSize(2);
        // DPD's 12:00 cut-off is nearer than DHL's 14:00: its wave comes first, and no wave mixes carriers.
        assertThat(waves.get(0)).containsExactlyInAnyOrderElementsOf(List.of(d1, d2, late.get("id").asString()));
        assertThat(waves.get(1)).contains(h1, h2).hasSize(3);

        // The owner changes the same settings on the picking page.
        BackOffice owner = BackOffice.signIn(baseUrl(), shop, "OWNER");
        String page = owner.get("/picking?lang=en");
        assertThat(page).contains("DPD=12:00");
        String saved = owner.post("/picking/settings", page, Map.of("ordersPerWave", "4", "itemsPerCart", "40",
                "firstBy", "CUT_OFF", "cutOff", "15:00", "shipWithinDays", "1", "defaultCarrier", "GLS",
                "carrierCutOffs", "DPD=11:30, UPS=16:00"));
        assertThat(saved).contains("Wave settings saved.");
        JsonNode changed = shop.get("/api/v1/pick-waves/settings").json();
        assertThat(changed.get("firstBy").asString()).isEqualTo("CUT_OFF");
        assertThat(changed.at("/carrierCutOffs/UPS").asString()).isEqualTo("16:00");
        assertThat(owner.post("/picking/settings", saved, Map.of("ordersPerWave", "4", "itemsPerCart", "40",
                "carrierCutOffs", "DPD at noon"))).contains("write carrier cut-offs as");
        assertThat(shop.get("/api/v1/audit?subjectType=warehouse&subjectId=" + shop.shopId).json()
                .findValuesAsString("action")).contains("pick-wave.settings-changed");

        JsonNode bad = shop.put("/api/v1/pick-waves/settings", Map.of("ordersPerWave", 5, "itemsPerCart", 50,
                "firstBy", "CARRIER", "shipWithinDays", -1, "defaultCarrier", "D H L !", "carrierCutOffs",
                Map.of("DPD", "noon"))).expectProblem(422).json();
        assertThat(bad.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("shipWithinDays", "defaultCarrier", "carrierCutOffs.DPD");
        assertThat(shop.get("/api/v1/pick-waves/settings").json().get("defaultCarrier").asString()).isEqualTo("GLS");
    }

    @Test
    void aShortPickIsResolvedAndTheMissingItemsArePickedAgainInsteadOfTheOrderBeingStuck() {
        Api shop = warehouse("numbers-short", settings(WaveSettings.CUT_OFF, 10));
        at(2, 10, 0);
        String order = place(shop, "sh-1", null, Map.of("SOCK", 3)).get("id").asString();
        String wave = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(order))).expect(201).json()
                .get("id").asString();
        scan(shop, wave, 1, "bin", "A-40-1");
        scan(shop, wave, 1, "item", "SOCK");
        assertThat(shop.post("/api/v1/pick-waves/" + wave + "/stops/1/short", Map.of()).expect(200).json()
                .get("outcome").asString()).isEqualTo("WAVE_DONE");

        JsonNode held = shop.get("/api/v1/orders/" + order).json();
        assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(held.at("/hold/reason").asString()).isEqualTo("SHORT_PICK");
        // Releasing by hand would ship it incomplete: the short pick is resolved in picking.
        shop.post("/api/v1/orders/" + order + "/release", Map.of("reason", "go")).expectProblem(409);
        JsonNode open = shop.get("/api/v1/short-picks?status=OPEN").expect(200).json().get("items");
        assertThat(open).hasSize(1);
        String shortPick = open.get(0).get("id").asString();
        assertThat(open.get(0).get("missing").asInt()).isEqualTo(2);

        // Bad decisions are named and change nothing.
        assertThat(shop.post("/api/v1/short-picks/" + shortPick + "/resolve", Map.of("resolution", "MAGIC"))
                .expectProblem(422).json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("resolution", "reason");
        assertThat(shop.post("/api/v1/short-picks/" + shortPick + "/resolve",
                        Map.of("resolution", "FOUND_ELSEWHERE", "reason", "found it"))
                .expectProblem(422).json().get("errors").findValuesAsString("field")).containsExactly("bin");
        shop.post("/api/v1/short-picks/" + shortPick + "/resolve",
                Map.of("resolution", "FOUND_ELSEWHERE", "bin", "Z-99-9", "reason", "found it")).expectProblem(422);
        assertThat(shop.get("/api/v1/pick-waves?status=OPEN").json().get("items")).isEmpty();

        // A recount finds one more in the bin: that one is re-picked, one is still missing.
        JsonNode recounted = shop.post("/api/v1/short-picks/" + shortPick + "/resolve",
                Map.of("resolution", "RECOUNT", "counted", 1, "reason", "counted the bin again")).expect(200).json();
        assertThat(recounted.get("status").asString()).isEqualTo("OPEN");
        assertThat(recounted.get("missing").asInt()).isEqualTo(1);
        String repick1 = recounted.get("repickWaveId").asString();
        assertThat(status(shop, order)).isEqualTo("ON_HOLD");

        // The last one lies in an overflow bin: re-picked from there, and the order is back in picking.
        JsonNode found = shop.post("/api/v1/short-picks/" + shortPick + "/resolve",
                Map.of("resolution", "FOUND_ELSEWHERE", "bin", "c-05-1", "reason", "overflow shelf")).expect(200).json();
        assertThat(found.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(status(shop, order)).isEqualTo("PICKING");
        JsonNode repick2 = shop.get("/api/v1/pick-waves/" + found.get("repickWaveId").asString()).expect(200).json();
        assertThat(repick2.get("kind").asString()).isEqualTo("REPICK");
        assertThat(repick2.get("stops").get(0).get("location").asString()).isEqualTo("C-05-1");
        assertThat(repick2.get("stops").get(0).get("quantity").asInt()).isEqualTo(1);
        shop.post("/api/v1/short-picks/" + shortPick + "/resolve",
                Map.of("resolution", "CANCEL_LINE", "reason", "again")).expectProblem(409);

        for (String w : List.of(repick1, repick2.get("id").asString())) {
            JsonNode stop = shop.get("/api/v1/pick-waves/" + w).json().get("stops").get(0);
            scan(shop, w, 1, "bin", stop.get("location").asString());
            assertThat(scan(shop, w, 1, "item", "SOCK")).isEqualTo("WAVE_DONE");
        }
        shop.post("/api/v1/orders/" + order + "/shipments", Map.of("carrier", "DHL", "trackingNumber", "SHORT0001",
                "weightGrams", 600)).expect(201);
        assertThat(status(shop, order)).isEqualTo("SHIPPED");
        assertThat(shop.get("/api/v1/fulfillment/metrics?from=2026-03-02&to=2026-03-02").json()
                .at("/picking/shortPicks").asInt()).isEqualTo(1);
    }

    @Test
    void aShortLineCanBeTakenOffTheOrderOrTheOrderCancelled() {
        Api shop = warehouse("numbers-cancel", settings(WaveSettings.CUT_OFF, 10));
        at(2, 10, 0);
        JsonNode placed = place(shop, "cl-1", null, Map.of("SOCK", 2, "HAT", 1));
        String order = placed.get("id").asString();
        String gone = place(shop, "cl-2", null, Map.of("HAT", 2)).get("id").asString();
        String wave = shop.post("/api/v1/pick-waves", Map.of("orderIds", List.of(order, gone))).expect(201).json()
                .get("id").asString();
        JsonNode stops = shop.get("/api/v1/pick-waves/" + wave).json().get("stops");
        for (JsonNode stop : stops) {
            int no = stop.get("no").asInt();
            scan(shop, wave, no, "bin", stop.get("location").asString());
            if (stop.get("sku").asString().equals("HAT")) {
                shop.post("/api/v1/pick-waves/" + wave + "/stops/" + no + "/short", Map.of()).expect(200);
            } else {
                for (int i = 0; i < stop.get("quantity").asInt(); i++) {
                    scan(shop, wave, no, "item", "SOCK");
                }
            }
        }
        assertThat(shop.stock("HAT").get("reserved").asInt()).isEqualTo(3);
        JsonNode open = shop.get("/api/v1/short-picks?status=OPEN").json().get("items");
        assertThat(open).hasSize(2);
        String lineShort = open.valueStream().filter(s -> s.get("orderId").asString().equals(order)).findFirst()
                .orElseThrow().get("id").asString();
        String orderShort = open.valueStream().filter(s -> s.get("orderId").asString().equals(gone)).findFirst()
                .orElseThrow().get("id").asString();

        shop.post("/api/v1/short-picks/" + lineShort + "/resolve", Map.of("resolution", "CANCEL_LINE",
                "reason", "hat sold out, customer agreed")).expect(200);
        JsonNode smaller = shop.get("/api/v1/orders/" + order).json();
        assertThat(smaller.get("status").asString()).isEqualTo("PICKING");
        assertThat(smaller.get("lines").findValuesAsString("sku")).containsExactly("SOCK");
        // Two socks at 9.90 plus 4.90 shipping.
        assertThat(smaller.at("/totals/gross").asString()).isEqualTo("24.70");
        assertThat(placed.at("/totals/gross").asString()).isEqualTo("34.60");

        // The warehouse decides on the picking page.
        BackOffice warehouse = BackOffice.signIn(baseUrl(), shop, "WAREHOUSE");
        String page = warehouse.get("/picking?lang=en");
        assertThat(page).contains("2 × HAT missing in B-40-2");
        String done = warehouse.post("/picking/short-picks/" + orderShort + "/resolve", page, Map.of(
                "resolution", "CANCEL_ORDER", "bin", "", "reason", "nothing of it is there"));
        assertThat(done).contains("resolved").contains("No short pick waits.");
        assertThat(status(shop, gone)).isEqualTo("CANCELLED");
        assertThat(shop.stock("HAT").get("reserved").asInt()).isZero();
        assertThat(shop.get("/api/v1/short-picks?status=OPEN").json().get("items")).isEmpty();
    }
}
