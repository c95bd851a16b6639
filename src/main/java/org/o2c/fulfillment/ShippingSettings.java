package org.o2c.fulfillment;

import org.o2c.shared.PublicBaseUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tunables of shipping ({@code o2c.shipping.*} in application.yml). */
@Component
class ShippingSettings {
    private final int transitDays;
    private final int linkValidityDays;
    private final int weightTolerancePercent;
    private final int weightToleranceMinGrams;
    private final PublicBaseUrl baseUrl;

    ShippingSettings(@Value("${o2c.shipping.transit-days:2}") int transitDays,
            @Value("${o2c.shipping.link-validity-days:180}") int linkValidityDays,
            @Value("${o2c.shipping.weight-tolerance-percent:5}") int weightTolerancePercent,
            @Value("${o2c.shipping.weight-tolerance-min-grams:50}") int weightToleranceMinGrams,
            PublicBaseUrl baseUrl) {
        this.transitDays = transitDays;
        this.linkValidityDays = linkValidityDays;
        this.weightTolerancePercent = weightTolerancePercent;
        this.weightToleranceMinGrams = weightToleranceMinGrams;
        this.baseUrl = baseUrl;
    }

    /** Working days (Monday to Friday) a parcel takes by default, when the carrier has said nothing yet. */
    int transitDays() { return transitDays; }
    int linkValidityDays() { return linkValidityDays; }
    int weightTolerancePercent() { return weightTolerancePercent; }
    int weightToleranceMinGrams() { return weightToleranceMinGrams; }
    String baseUrl() { return baseUrl.get(); }
}
