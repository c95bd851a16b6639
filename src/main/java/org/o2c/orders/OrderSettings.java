package org.o2c.orders;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tunable thresholds of intake (application.yml, {@code o2c.orders.*} and {@code o2c.fraud.*}). */
@Component
class OrderSettings {
    private final int duplicateWindowMinutes;
    private final int holdThreshold;
    private final BigDecimal firstOrderHighValue;
    private final int velocityWindowMinutes;
    private final int velocityMaxOrders;
    private final org.o2c.shared.PublicBaseUrl baseUrl;

    OrderSettings(@Value("${o2c.orders.duplicate-window-minutes:15}") int duplicateWindowMinutes,
            @Value("${o2c.fraud.hold-threshold:50}") int holdThreshold,
            @Value("${o2c.fraud.first-order-high-value:300.00}") BigDecimal firstOrderHighValue,
            @Value("${o2c.fraud.velocity-window-minutes:60}") int velocityWindowMinutes,
            @Value("${o2c.fraud.velocity-max-orders:3}") int velocityMaxOrders,
            org.o2c.shared.PublicBaseUrl baseUrl) {
        this.duplicateWindowMinutes = duplicateWindowMinutes;
        this.holdThreshold = holdThreshold;
        this.firstOrderHighValue = firstOrderHighValue;
        this.velocityWindowMinutes = velocityWindowMinutes;
        this.velocityMaxOrders = velocityMaxOrders;
        this.baseUrl = baseUrl;
    }

    int duplicateWindowMinutes() { return duplicateWindowMinutes; }
    int holdThreshold() { return holdThreshold; }
    BigDecimal firstOrderHighValue() { return firstOrderHighValue; }
    int velocityWindowMinutes() { return velocityWindowMinutes; }
    int velocityMaxOrders() { return velocityMaxOrders; }
    String baseUrl() { return baseUrl.get(); }
}
