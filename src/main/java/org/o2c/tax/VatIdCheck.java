package org.o2c.tax;

/**
 * The result of a VAT id format check: the id as written on invoices (no spaces, upper case), the ISO
 * country of the member state that issued it (GR for an EL id), or a problem a person can act on. A valid
 * format is not a valid registration: confirm that with the BZSt or VIES.
 */
public record VatIdCheck(String normalized, String country, String problem) {

    public boolean valid() {
        return problem == null;
    }
}
