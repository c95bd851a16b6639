package org.o2c.orders;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.o2c.shared.Sku;

/** An intake that passed validation: normalised, typed, ready to price and store. */
record ValidIntake(String externalId, String channel, String email, String name, String company, String vatId,
        String buyerReference,
        Order.PostalAddress billing, Order.PostalAddress shipping, List<ValidLine> lines, BigDecimal shippingCost,
        PaymentMethod paymentMethod, Currency currency, String clientIp, String clientDevice, String userAgent,
        String language, String carrier) {

    record ValidLine(int index, Sku sku, int quantity, BigDecimal unitPrice) {}

    /** Lines as one comparable string (SKU:quantity, sorted), for duplicate detection. */
    String lineSignature() {
        return lines.stream().map(l -> l.sku().value() + ":" + l.quantity()).sorted()
                .reduce((a, b) -> a + "," + b).orElse("");
    }
}
