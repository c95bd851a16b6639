package org.o2c.fulfillment;

import org.o2c.shared.ShopId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * o2c's own A6 label for any carrier whose label the shop prints elsewhere, or for its own delivery
 * rounds. The packer names carrier and tracking number; without them the parcel goes as {@code OWN}
 * with the order number as its tracking number. The PDF is drawn from the shipment whenever it is asked
 * for, so a corrected address is on the next print.
 */
@Component
class GenericLabels implements CarrierLabels {
    static final String OWN = "OWN";

    private final int maxWeightGrams;

    GenericLabels(@Value("${o2c.shipping.generic-max-weight-grams:31500}") int maxWeightGrams) {
        this.maxWeightGrams = maxWeightGrams;
    }

    @Override
    public int maxWeightGrams(ShopId shop) {
        return maxWeightGrams;
    }

    @Override
    public Booked book(ShopId shop, Parcel parcel) {
        String carrier = parcel.carrier() == null ? OWN : parcel.carrier();
        String number = parcel.trackingNumber() == null ? "O2C-" + parcel.reference() : parcel.trackingNumber();
        return new Booked(carrier, Carriers.normalizeTrackingNumber(number), null, java.util.List.of());
    }

    @Override
    public void cancel(ShopId shop, String trackingNumber) {
        // Nothing was booked anywhere.
    }
}
