package org.o2c.shops;

/**
 * The seller as it appears on every document (§ 14 Abs. 4 Nr. 1, 2 UStG) and the tax regime the
 * shop works under.
 */
public record CompanySettings(String name, String street, String postalCode, String city, String country,
        String vatId, String taxNumber, String iban, String bic, String email, String phone,
        boolean smallBusiness, boolean ossEnabled, InvoiceTrigger invoiceTrigger) {

    /** When o2c issues an order's invoice by itself. */
    public enum InvoiceTrigger { SHIPMENT, APPROVAL }
}
