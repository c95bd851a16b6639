package org.o2c.fulfillment.routing;

/** A place on an aisle's centre line: aisle index (0 = A) and distance from the front cross aisle's centre line. */
public record GridPoint(int aisle, long y) {}
