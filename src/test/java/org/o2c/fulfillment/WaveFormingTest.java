package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.o2c.fulfillment.routing.AisleGrid;

class WaveFormingTest {
    private static final long M = 1_000_000;
    private static final AisleGrid GRID = new AisleGrid(10, 40, M, 3 * M, 2 * M);
    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void ordersWhoseBinsLieTogetherShareAWave() {
        List<WaveForming.Candidate<String>> orders = List.of(
                order("A1", 0, 1, 35), order("J1", 1, 9, 30), order("A2", 2, 0, 38), order("J2", 3, 9, 33));
        List<List<String>> waves = keys(WaveForming.form(orders, settings(2, 100, WaveSettings.CUT_OFF), GRID));
        assertThat(waves).containsExactly(List.of("A1", "A2"), List.of("J1", "J2"));
    }

    @Test
    void theCartsItemLimitClosesAWave() {
        List<WaveForming.Candidate<String>> orders = List.of(
                new WaveForming.Candidate<>("big", true, T, List.of(place(0, 5)), 8),
                new WaveForming.Candidate<>("next", true, T.plusSeconds(60), List.of(place(0, 6)), 3),
                new WaveForming.Candidate<>("small", true, T.plusSeconds(120), List.of(place(5, 6)), 2));
        List<List<String>> waves = keys(WaveForming.form(orders, settings(10, 10, WaveSettings.CUT_OFF), GRID));
        assertThat(waves).containsExactly(List.of("big", "small"), List.of("next"));
    }

    @Test
    void urgentOrdersSeedTheFirstWave() {
        List<WaveForming.Candidate<String>> orders = List.of(
                new WaveForming.Candidate<>("later", false, T, List.of(place(9, 30)), 1),
                new WaveForming.Candidate<>("today", true, T.plusSeconds(600), List.of(place(0, 3)), 1));
        assertThat(keys(WaveForming.form(orders, settings(1, 10, WaveSettings.CUT_OFF), GRID)).get(0))
                .containsExactly("today");
        assertThat(keys(WaveForming.form(orders, settings(1, 10, WaveSettings.DISTANCE), GRID)).get(0))
                .containsExactly("later");
    }

    @Test
    void theNearestDeadlineSeedsFirstEvenWhenTheOrderCameLater() {
        // Both must leave today; the DPD van goes at 12:00, the DHL van at 16:00.
        List<WaveForming.Candidate<String>> orders = List.of(
                new WaveForming.Candidate<>("dhl", true, T, List.of(place(0, 3)), 1, T.plusSeconds(8 * 3600), "DHL"),
                new WaveForming.Candidate<>("dpd", true, T.plusSeconds(600), List.of(place(9, 30)), 1,
                        T.plusSeconds(4 * 3600), "DPD"));
        assertThat(keys(WaveForming.form(orders, settings(1, 10, WaveSettings.CUT_OFF), GRID)))
                .containsExactly(List.of("dpd"), List.of("dhl"));
    }

    @Test
    void carrierFirstNeverMixesCarriersInOneWaveEvenWhenTheirBinsLieTogether() {
        Instant noon = T.plusSeconds(4 * 3600);
        Instant four = T.plusSeconds(8 * 3600);
        List<WaveForming.Candidate<String>> orders = List.of(
                new WaveForming.Candidate<>("dhl-1", true, T, List.of(place(0, 3)), 1, four, "DHL"),
                new WaveForming.Candidate<>("dpd-1", true, T, List.of(place(0, 4)), 1, noon, "DPD"),
                new WaveForming.Candidate<>("dhl-2", true, T, List.of(place(9, 30)), 1, four, "DHL"),
                new WaveForming.Candidate<>("dpd-2", true, T, List.of(place(9, 31)), 1, noon, "DPD"));
        // Mixed, the two near orders and the two far ones would share a cart.
        assertThat(keys(WaveForming.form(orders, settings(2, 10, WaveSettings.CUT_OFF), GRID)))
                .containsExactly(List.of("dpd-1", "dhl-1"), List.of("dpd-2", "dhl-2"));
        // Carrier first: one van's orders per wave, the carrier whose van leaves first starts.
        assertThat(keys(WaveForming.form(orders, settings(2, 10, WaveSettings.CARRIER), GRID)))
                .containsExactly(List.of("dpd-1", "dpd-2"), List.of("dhl-1", "dhl-2"));
    }

    @Test
    void thePromiseCountsWorkingDaysAfterTheCarriersCutOff() {
        WaveSettings s = new WaveSettings(10, 60, WaveSettings.CARRIER, LocalTime.of(14, 0), 1, "DHL",
                java.util.Map.of("DPD", LocalTime.of(12, 0)));
        // Friday 27 November 2026, 13:00 in Berlin.
        Instant friday = Instant.parse("2026-11-27T12:00:00Z");
        assertThat(s.promisedShipDate(friday, null)).isEqualTo(java.time.LocalDate.of(2026, 11, 30));
        // After DPD's cut-off: counts from Monday, one working day more.
        assertThat(s.promisedShipDate(friday, "DPD")).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        // Saturday counts from Monday.
        assertThat(s.promisedShipDate(friday.plusSeconds(24 * 3600), "DHL")).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        assertThat(s.deadline(java.time.LocalDate.of(2026, 11, 30), "DPD")).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
    }

    private static WaveSettings settings(int orders, int items, String firstBy) {
        return new WaveSettings(orders, items, firstBy, LocalTime.of(14, 0));
    }

    private static WaveForming.Candidate<String> order(String key, int minute, int aisle, int bay) {
        return new WaveForming.Candidate<>(key, true, T.plusSeconds(60L * minute), List.of(place(aisle, bay)), 1);
    }

    private static Place place(int aisle, int bay) {
        return new Place(aisle, GRID.x(aisle), GRID.y(bay));
    }

    private static List<List<String>> keys(List<List<WaveForming.Candidate<String>>> waves) {
        return waves.stream().map(w -> w.stream().map(WaveForming.Candidate::key).toList()).toList();
    }
}
