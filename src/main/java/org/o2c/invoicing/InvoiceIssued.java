package org.o2c.invoicing;

import java.time.LocalDate;
import org.o2c.shared.Money;
import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;

/** An invoice was issued; receivables open an item for it, mail sends it. */
public record InvoiceIssued(ShopId shopId, String invoiceId, String number, OrderId orderId, Money gross,
        LocalDate dueDate, String paymentReference) {}
