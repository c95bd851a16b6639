package org.o2c.invoicing;

import org.o2c.shared.Money;
import org.o2c.shared.ShopId;

/**
 * What has been settled of an invoice by payments, as receivables books it: applied payments and
 * written-off differences (Skonto, small differences), less chargebacks and reversals. Invoicing declares
 * this port so that it never depends on receivables; without an implementation nothing is paid.
 */
public interface PaymentStatusSource {

    /** The settled amount of the invoice with this number (zero when nothing was paid). */
    Money settled(ShopId shop, String invoiceNumber, String currency);
}
