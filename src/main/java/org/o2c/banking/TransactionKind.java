package org.o2c.banking;

/**
 * What a booked line is, as far as the statement tells. Cash application matches {@code PAYMENT}s
 * to invoices and classifies the rest; a {@code CHARGEBACK} reopens the invoice it had paid.
 */
public enum TransactionKind {
    /** Money from a customer (transfer, direct debit collected, PSP payment of an order). */
    PAYMENT,
    /** Money back to a customer. */
    REFUND,
    /** A card or PayPal payment pulled back by the payer's side, or a returned direct debit. */
    CHARGEBACK,
    /** Bank or PSP fees. */
    FEE,
    /** A PSP payout arriving at the bank: the sum of the lines it settles. */
    PAYOUT,
    /** Anything else (own transfers, taxes, suppliers). */
    OTHER
}
