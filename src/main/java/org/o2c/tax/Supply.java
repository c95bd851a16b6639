package org.o2c.tax;

/** What kind of supply an invoice is in VAT law, which decides where it is taxed. */
public enum Supply {
    /**
     * An ordinary supply taxed in Germany: goods that stay in Germany, or go to an EU business whose
     * supply is not tax-free (it used a German VAT id, or the seller is a § 19 UStG small business).
     */
    DOMESTIC,
    /**
     * Goods to a consumer (a buyer without a foreign VAT id) in another member state (§ 3c UStG). Its net
     * counts towards the € 10,000 threshold whichever country's VAT it carries.
     */
    EU_DISTANCE_SALE,
    /** Goods to a business in another member state that used its valid foreign VAT id (§ 6a UStG). */
    INTRA_COMMUNITY_SUPPLY,
    /** Goods that leave the EU VAT area: third countries and special territories (§ 6 UStG). */
    EXPORT
}
