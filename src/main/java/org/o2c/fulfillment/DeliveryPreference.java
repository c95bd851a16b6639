package org.o2c.fulfillment;

/** What the customer asked the carrier to do when nobody is at home. */
public enum DeliveryPreference {
    NONE, NEIGHBOUR, SAFE_PLACE, PARCEL_SHOP
}
