package org.o2c.fulfillment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.o2c.shared.ShopId;

/**
 * A polling adapter for a carrier that offers no webhooks: asked now and then for the scans of a tracking
 * number. Implementations are Spring beans; {@code TrackingPoller} calls them for every parcel on its way.
 */
public interface CarrierTracking {

    /** The carrier code this adapter answers for, such as {@code DHL}. */
    String carrier();

    /** Every scan the carrier knows for the tracking number (repeats are harmless: stored once). */
    List<Shipments.TrackingUpdate> poll(String trackingNumber);

    /** The same, asked with the shop's own access to the carrier; adapters without per-shop access need not care. */
    default List<Shipments.TrackingUpdate> poll(ShopId shop, String trackingNumber) {
        return poll(trackingNumber);
    }

    /** The shops whose parcels this adapter can ask about; empty: every shop's. */
    default Optional<Set<ShopId>> shops() {
        return Optional.empty();
    }

    /** The carrier asks to slow down or is down: the poller leaves it alone until the next round. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
