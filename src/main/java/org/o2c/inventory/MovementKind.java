package org.o2c.inventory;

/** Why stock changed. */
public enum MovementKind { COUNT, RECEIPT, RESERVATION, RELEASE, ISSUE }
