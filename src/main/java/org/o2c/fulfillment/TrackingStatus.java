package org.o2c.fulfillment;

/** Where a parcel stands, in the carrier's words reduced to what a customer needs to know. */
public enum TrackingStatus {
    LABEL_CREATED, HANDED_OVER, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED, RETURNED;

    /** Delivered or back at the shop: later scans no longer change where the parcel stands. */
    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED;
    }

    /** Only before the carrier has the parcel can the customer still change its address or preference. */
    public boolean allowsChanges() {
        return this == LABEL_CREATED;
    }
}
