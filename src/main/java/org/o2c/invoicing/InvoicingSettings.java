package org.o2c.invoicing;

import java.math.BigDecimal;
import org.o2c.tax.OssPricing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How this install numbers, prices and asks for payment ({@code o2c.invoicing.*}). */
@Component
class InvoicingSettings {
    /** What the customer writes into the transfer: the invoice number or an ISO 11649 RF reference. */
    enum PaymentReference { INVOICE_NUMBER, RF }

    final String invoiceNumberFormat;
    final String creditNoteNumberFormat;
    final int paymentDays;
    final BigDecimal skontoPercent;
    final Integer skontoDays;
    final PaymentReference paymentReference;
    final OssPricing ossPricing;

    InvoicingSettings(@Value("${o2c.invoicing.invoice-number-format:RE-{yyyy}-{n:05}}") String invoiceNumberFormat,
            @Value("${o2c.invoicing.credit-note-number-format:GS-{yyyy}-{n:05}}") String creditNoteNumberFormat,
            @Value("${o2c.invoicing.payment-days:14}") int paymentDays,
            @Value("${o2c.invoicing.skonto-percent:}") BigDecimal skontoPercent,
            @Value("${o2c.invoicing.skonto-days:}") Integer skontoDays,
            @Value("${o2c.invoicing.payment-reference:INVOICE_NUMBER}") PaymentReference paymentReference,
            @Value("${o2c.invoicing.oss-pricing:SAME_GROSS}") OssPricing ossPricing) {
        this.invoiceNumberFormat = invoiceNumberFormat;
        this.creditNoteNumberFormat = creditNoteNumberFormat;
        this.paymentDays = paymentDays;
        this.skontoPercent = skontoPercent;
        this.skontoDays = skontoPercent == null ? null : skontoDays;
        this.paymentReference = paymentReference;
        this.ossPricing = ossPricing;
    }
}
