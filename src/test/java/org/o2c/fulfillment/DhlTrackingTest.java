package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DhlTrackingTest {

    @Test
    void dhlsStatusCodesAreRefinedByTheEventText() {
        assertThat(DhlTracking.status("pre-transit", "Die Auftragsdaten wurden elektronisch an DHL übermittelt."))
                .isEqualTo(TrackingStatus.LABEL_CREATED);
        assertThat(DhlTracking.status("transit", "Die Sendung wurde vom Absender in der Filiale eingeliefert."))
                .isEqualTo(TrackingStatus.HANDED_OVER);
        assertThat(DhlTracking.status("transit", "Die Sendung wurde im Start-Paketzentrum bearbeitet."))
                .isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(DhlTracking.status("transit", "Die Sendung wurde in das Zustellfahrzeug geladen."))
                .isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(DhlTracking.status("delivered", "Die Sendung wurde erfolgreich zugestellt."))
                .isEqualTo(TrackingStatus.DELIVERED);
        assertThat(DhlTracking.status("delivered", "Die Rücksendung wurde an den Absender zugestellt."))
                .isEqualTo(TrackingStatus.RETURNED);
        assertThat(DhlTracking.status("failure", "Die Sendung konnte nicht zugestellt werden."))
                .isEqualTo(TrackingStatus.DELIVERY_FAILED);
        assertThat(DhlTracking.status("unknown", "")).isNull();
    }

    @Test
    void eventsBecomeUpdatesWithGermanLocalTimesAndTheEstimateOnTheNewest() {
        String body = """
                {"shipments": [{"id": "00340434161094042557", "service": "parcel-de",
                  "status": {"timestamp": "2026-11-27T08:10:00", "statusCode": "transit",
                             "description": "Die Sendung wurde in das Zustellfahrzeug geladen."},
                  "estimatedTimeOfDelivery": "2026-11-27T14:00:00+01:00",
                  "events": [
                    {"timestamp": "2026-11-27T08:10:00", "statusCode": "transit",
                     "location": {"address": {"addressLocality": "München"}},
                     "description": "Die Sendung wurde in das Zustellfahrzeug geladen."},
                    {"timestamp": "2026-11-26T19:02:00+01:00", "statusCode": "transit",
                     "location": {"address": {"addressLocality": "Aschheim"}},
                     "description": "Die Sendung wurde im Start-Paketzentrum bearbeitet."},
                    {"timestamp": "2026-11-26T17:00:00", "statusCode": "unknown", "description": "?"}
                  ]}]}""";
        List<Shipments.TrackingUpdate> updates = DhlTracking.updates(JsonMapper.builder().build().readTree(body),
                "00340434161094042557");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).status()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(updates.get(0).occurredAt()).isEqualTo("2026-11-27T08:10+01:00");
        assertThat(updates.get(0).location()).isEqualTo("München");
        assertThat(updates.get(0).expectedDelivery()).isEqualTo("2026-11-27");
        assertThat(updates.get(1).status()).isEqualTo("IN_TRANSIT");
        assertThat(updates.get(1).expectedDelivery()).isNull();
    }
}
