package org.o2c.invoicing;

import org.o2c.shared.Money;
import org.o2c.shared.ShopId;

/** A credit note reduced an invoice by {@code gross}. */
public record CreditNoteIssued(ShopId shopId, String creditNoteId, String number, String invoiceId,
        String invoiceNumber, Money gross) {}
