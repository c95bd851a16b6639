package org.o2c.banking;

/** The file formats o2c reads; the name is what the API answers in {@code format}. */
public enum StatementFormat {
    CAMT_052, CAMT_053, CAMT_054, MT940, CSV, PAYPAL, STRIPE
}
