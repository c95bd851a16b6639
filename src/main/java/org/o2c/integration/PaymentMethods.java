package org.o2c.integration;

import java.util.Locale;
import org.o2c.orders.PaymentMethod;

/**
 * o2c's payment method from what a shop system calls the gateway: WooCommerce gateway ids
 * ({@code bacs}, {@code cod}, {@code ppcp-gateway}, {@code stripe}) and Shopify gateway names
 * ({@code shopify_payments}, {@code Cash on Delivery (COD)}, {@code Bank Deposit}). The order of the
 * checks matters: "PayPal Pay upon Invoice" is an invoice, "stripe_sepa" a direct debit.
 */
final class PaymentMethods {
    private PaymentMethods() {}

    /** The method this gateway stands for, or null when the name says nothing o2c knows. */
    static PaymentMethod byGateway(String gateway) {
        if (gateway == null || gateway.isBlank()) {
            return null;
        }
        String g = gateway.strip().toLowerCase(Locale.ROOT);
        if (g.equals("cod") || g.contains("(cod)") || g.contains("cash on delivery") || g.contains("nachnahme")) {
            return PaymentMethod.CASH_ON_DELIVERY;
        }
        if (g.contains("invoice") || g.contains("rechnung") || g.contains("purchase_on_account")
                || g.contains("purchase on account")) {
            return PaymentMethod.INVOICE;
        }
        if (g.contains("sepa") || g.contains("lastschrift") || g.contains("direct debit") || g.contains("direct_debit")) {
            return PaymentMethod.DIRECT_DEBIT;
        }
        if (g.contains("klarna")) {
            return PaymentMethod.KLARNA;
        }
        if (g.contains("paypal") || g.startsWith("ppcp") || g.startsWith("ppec")) {
            return PaymentMethod.PAYPAL;
        }
        if (g.equals("bacs") || g.equals("cheque") || g.contains("bank deposit") || g.contains("bank transfer")
                || g.contains("vorkasse") || g.contains("überweisung") || g.contains("money order")) {
            return PaymentMethod.PREPAYMENT;
        }
        if (g.contains("gift")) {
            return null; // a gift card is the shop's own voucher, not a card payment
        }
        if (g.contains("stripe") || g.equals("shopify_payments") || g.equals("woocommerce_payments")
                || g.contains("credit") || g.contains("card") || g.equals("bogus")) {
            return PaymentMethod.CREDIT_CARD;
        }
        return null;
    }
}
