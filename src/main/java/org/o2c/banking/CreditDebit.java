package org.o2c.banking;

/** The direction of a booked line as ISO 20022 names it: money in ({@code CRDT}) or out ({@code DBIT}). */
public enum CreditDebit {
    CRDT, DBIT
}
