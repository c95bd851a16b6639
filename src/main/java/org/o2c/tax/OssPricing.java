package org.o2c.tax;

/**
 * How the shop's German gross prices become prices for a consumer whose country's VAT applies (OSS or
 * over the threshold).
 */
public enum OssPricing {
    /** The consumer pays the catalog price; the net (the shop's revenue) moves with the foreign rate. */
    SAME_GROSS,
    /** The shop keeps its German net; the consumer pays that net plus the foreign VAT. */
    SAME_NET
}
