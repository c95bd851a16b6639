package org.o2c.tax;

/**
 * The VAT category of an invoice line and of a tax breakdown group (EN 16931 BT-151 / BT-118, code list
 * UNTDID 5305 as XRechnung restricts it).
 */
public enum VatCategory {
    /** Standard or reduced rate, VAT charged. */
    S("Standard rate"),
    /** Zero rate, VAT charged at 0 % (no exemption reason allowed, BR-Z-10). */
    Z("Zero rated goods"),
    /** Exempt from VAT; here: § 19 UStG small business. Needs an exemption reason (BR-E-10). */
    E("Exempt from tax"),
    /** Tax-free intra-community supply (§ 4 Nr. 1b i. V. m. § 6a UStG); both VAT ids on the invoice. */
    K("VAT exempt for EEA intra-community supply of goods and services"),
    /** Export outside the EU (§ 4 Nr. 1a i. V. m. § 6 UStG). */
    G("Free export item, tax not charged");

    private final String description;

    VatCategory(String description) {
        this.description = description;
    }

    /** The code written to the e-invoice. */
    public String code() {
        return name();
    }

    public String description() {
        return description;
    }
}
