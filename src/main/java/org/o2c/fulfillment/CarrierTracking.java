package org.o2c.fulfillment;

import java.util.List;

/**
 * A polling adapter for a carrier that offers no webhooks: asked now and then for the scans of a tracking
 * number. Implementations are Spring beans; {@code TrackingPoller} calls them for every parcel on its way.
 */
public interface CarrierTracking {

    /** The carrier code this adapter answers for, such as {@code DHL}. */
    String carrier();

    /** Every scan the carrier knows for the tracking number (repeats are harmless: stored once). */
    List<Shipments.TrackingUpdate> poll(String trackingNumber);
}
