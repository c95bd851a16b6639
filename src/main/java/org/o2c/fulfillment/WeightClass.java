package org.o2c.fulfillment;

/**
 * The weight class a heavy parcel must show on its label (Postgesetz 2025): over 10 kg and
 * over 20 kg; parcels over 20 kg go to two-person delivery. The thresholds are strict: exactly 10 kg is
 * no class.
 */
public enum WeightClass {
    NONE(null), OVER_10_KG("> 10 kg"), OVER_20_KG("> 20 kg");

    private final String marking;

    WeightClass(String marking) {
        this.marking = marking;
    }

    /** The class of a parcel of this weight; an unknown weight has none. */
    public static WeightClass of(Integer grams) {
        if (grams == null || grams <= 10_000) {
            return NONE;
        }
        return grams > 20_000 ? OVER_20_KG : OVER_10_KG;
    }

    /** What the label prints, such as {@code > 10 kg}; null for light parcels. */
    public String marking() {
        return marking;
    }
}
