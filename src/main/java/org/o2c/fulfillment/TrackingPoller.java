package org.o2c.fulfillment;

import java.util.List;
import java.util.Map;
import org.o2c.shared.ShopId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks carriers without webhooks for news of every parcel on its way, through the {@link CarrierTracking}
 * adapters that are installed (none by default). A failing carrier is logged and asked again next time.
 */
@Component
class TrackingPoller {
    private static final Logger log = LoggerFactory.getLogger(TrackingPoller.class);

    private final List<CarrierTracking> adapters;
    private final Shipments shipments;

    TrackingPoller(List<CarrierTracking> adapters, Shipments shipments) {
        this.adapters = adapters;
        this.shipments = shipments;
    }

    @Scheduled(fixedDelayString = "${o2c.shipping.poll-interval-ms:900000}", initialDelayString = "${o2c.shipping.poll-interval-ms:900000}")
    void poll() {
        for (CarrierTracking adapter : adapters) {
            String carrier = Carriers.normalize(adapter.carrier());
            for (Map.Entry<ShopId, Shipment> e : shipments.onTheWay(carrier, 500)) {
                try {
                    for (Shipments.TrackingUpdate u : adapter.poll(e.getValue().trackingNumber())) {
                        shipments.track(e.getKey(), e.getValue().id(), u, "poll");
                    }
                } catch (RuntimeException failed) {
                    log.warn("polling {} for {} failed: {}", carrier, e.getValue().trackingNumber(), failed.getMessage());
                }
            }
        }
    }
}
