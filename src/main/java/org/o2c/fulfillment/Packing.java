package org.o2c.fulfillment;

import java.util.Map;
import org.o2c.orders.Order;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a parcel before it leaves. When the packer names the standard carton, the weighed parcel must
 * match the items' catalogue weight plus the carton's tare within the tolerance
 * ({@code o2c.shipping.weight-tolerance-percent}, at least {@code weight-tolerance-min-grams}); a mismatch
 * stops the parcel for a re-check, unless the packer re-checked it and gives the reason.
 * Without a carton there is nothing to compare with, and the parcel goes as reported.
 */
@Component
class Packing {
    private final Cartons cartons;
    private final ShippingSettings settings;

    Packing(Cartons cartons, ShippingSettings settings) {
        this.cartons = cartons;
        this.settings = settings;
    }

    /** The carton the parcel went out in and the weight it should have had (null: unknown). */
    record Checked(String cartonCode, Integer expectedGrams) {}

    Checked check(ShopId shop, Order order, String cartonCode, Integer weightGrams, String override) {
        if (cartonCode == null || cartonCode.isBlank()) {
            return new Checked(null, null);
        }
        Cartons.Carton carton = cartons.require(shop, cartonCode.strip());
        if (weightGrams == null) {
            throw Problem.invalid("weightGrams", "is required with a carton: the parcel's weight is checked");
        }
        if (weightGrams > carton.maxWeightGrams() && override == null) {
            throw new Problem(HttpStatus.CONFLICT, "carton-overweight", "Carton overweight",
                    "the parcel weighs " + weightGrams + " g; carton " + carton.code() + " carries at most "
                            + carton.maxWeightGrams() + " g");
        }
        Integer items = cartons.itemsGrams(shop, order);
        if (items == null) {
            return new Checked(carton.code(), null);
        }
        int expected = items + carton.tareGrams();
        int tolerance = tolerance(expected, settings.weightTolerancePercent(), settings.weightToleranceMinGrams());
        if (Math.abs(weightGrams - expected) > tolerance && override == null) {
            throw new Problem(HttpStatus.CONFLICT, "weight-mismatch", "Weight mismatch: re-check the parcel",
                    "the parcel weighs " + weightGrams + " g, expected " + expected + " g ± " + tolerance + " g (items "
                            + items + " g + carton " + carton.code() + " " + carton.tareGrams() + " g): something may be"
                            + " missing or extra. Re-check, then send again, or give weightCheckOverride with the reason",
                    java.util.List.of(new Problem.FieldError("weightGrams", "expected " + expected + " g ± " + tolerance + " g")));
        }
        return new Checked(carton.code(), expected);
    }

    /** A percentage of the expected weight, but never less than the scale's own uncertainty. */
    static int tolerance(int expectedGrams, int percent, int minGrams) {
        return Math.max(minGrams, (int) Math.ceil(expectedGrams * percent / 100.0));
    }

    static Map<String, Object> describe(Cartons.Carton c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("lengthMm", c.lengthMm());
        m.put("widthMm", c.widthMm());
        m.put("heightMm", c.heightMm());
        m.put("maxWeightGrams", c.maxWeightGrams());
        m.put("tareGrams", c.tareGrams());
        return m;
    }
}
