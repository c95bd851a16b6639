package org.o2c.orders;

/** How the buyer pays. Only PREPAYMENT makes an order wait for its money before it is picked. */
public enum PaymentMethod {
    INVOICE, PREPAYMENT, PAYPAL, CREDIT_CARD, DIRECT_DEBIT, KLARNA, CASH_ON_DELIVERY, OTHER;

    OrderStatus statusOnceCleared() {
        return this == PREPAYMENT ? OrderStatus.AWAITING_PAYMENT : OrderStatus.CONFIRMED;
    }
}
