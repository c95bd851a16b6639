package org.o2c.fulfillment;

import java.util.Arrays;
import java.util.Optional;

/**
 * DHL Parcel DE products o2c books, with the two digits a billing number carries for them (digits 11 and
 * 12 of the 14) and the heaviest parcel each takes. Weights: DHL Paket 31.5 kg, Kleinpaket and
 * Warenpost International 1 kg (from DHL's product pages; verify against the contract).
 */
enum DhlProduct {
    V01PAK("01", 31_500), V53WPAK("53", 31_500), V54EPAK("54", 31_500), V62KP("62", 1_000), V66WPI("66", 1_000);

    private final String procedure;
    private final int maxGrams;

    DhlProduct(String procedure, int maxGrams) {
        this.procedure = procedure;
        this.maxGrams = maxGrams;
    }

    /** The product digits inside a billing number (EKP + procedure + participation). */
    String procedure() {
        return procedure;
    }

    int maxGrams() {
        return maxGrams;
    }

    static Optional<DhlProduct> parse(String code) {
        return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
    }
}
