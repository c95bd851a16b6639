package org.o2c.fulfillment;

/**
 * A shop's access to DHL's APIs: the Parcel DE Shipping API (API key of the developer app plus the
 * business customer portal user, billing number, product, profile) and the Shipment Tracking API.
 * Holds secrets: never answered, never logged, never audited.
 */
record CarrierAccount(String carrier, String baseUrl, String apiKey, String user, String password,
        String billingNumber, DhlProduct product, String profile, boolean useForLabels, boolean tracking,
        String trackingUrl, String trackingApiKey) {

    /** The key for the tracking API: its own when given, else the shipping app's (one app may hold both). */
    String trackingKey() {
        return trackingApiKey != null ? trackingApiKey : apiKey;
    }

    @Override
    public String toString() {
        return "CarrierAccount[" + carrier + ", " + baseUrl + ", user " + user + ", " + product + "]";
    }
}
