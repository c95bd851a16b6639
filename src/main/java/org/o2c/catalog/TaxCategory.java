package org.o2c.catalog;

/** Which VAT rate of a country applies to a product; the rate itself depends on country and date. */
public enum TaxCategory { STANDARD, REDUCED, ZERO }
