package org.o2c.fulfillment;

import org.o2c.orders.Order;
import org.o2c.shared.ShopId;

/**
 * A carrier that books a parcel and hands back its tracking number and label: DHL's Parcel DE Shipping
 * API, or o2c's own generic label. Booking happens outside any database transaction (it is a remote
 * call); a booking o2c could not record afterwards is cancelled again.
 */
interface CarrierLabels {

    /** A parcel to book: who sends it, where it goes, what it weighs and how the shop refers to it. */
    record Parcel(LabelPdf.Sender from, Order.PostalAddress to, int weightGrams, String reference,
            String carrier, String trackingNumber) {}

    /** The booked parcel; {@code labelPdf} null means o2c prints its own label from the shipment. */
    record Booked(String carrier, String trackingNumber, byte[] labelPdf, java.util.List<String> warnings) {}

    /** The heaviest parcel this carrier takes for the shop, in grams. */
    int maxWeightGrams(ShopId shop);

    Booked book(ShopId shop, Parcel parcel);

    /** Cancels a booking that never left (DHL: before the day's closing). Failures are logged, not thrown. */
    void cancel(ShopId shop, String trackingNumber);
}
