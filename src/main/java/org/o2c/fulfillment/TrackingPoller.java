package org.o2c.fulfillment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.o2c.shared.ShopId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks carriers without webhooks for news of every parcel on its way, through the {@link CarrierTracking}
 * adapters that are installed (DHL's, for shops with a DHL account that allows tracking). A failing
 * parcel is logged and asked again next time; a carrier that is down or asks to slow down is left alone
 * until the next round.
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
            Optional<Set<ShopId>> shops = adapter.shops();
            if (shops.isPresent() && shops.get().isEmpty()) {
                continue;
            }
            try {
                for (Map.Entry<ShopId, Shipment> e : shipments.onTheWay(carrier, shops, 500)) {
                    try {
                        for (Shipments.TrackingUpdate u : adapter.poll(e.getKey(), e.getValue().trackingNumber())) {
                            shipments.track(e.getKey(), e.getValue().id(), u, "poll");
                        }
                    } catch (CarrierTracking.Unavailable down) {
                        throw down;
                    } catch (RuntimeException failed) {
                        log.warn("polling {} for {} failed: {}", carrier, e.getValue().trackingNumber(), failed.getMessage());
                    }
                }
            } catch (CarrierTracking.Unavailable down) {
                log.warn("polling {} paused until the next round: {}", carrier, down.getMessage());
            }
        }
    }
}
