package org.o2c.fulfillment;

import java.math.BigDecimal;

/**
 * A bin placed by hand in a room that is not an aisle grid: {@code xMeters} and {@code yMeters} measured from the
 * depot. A product whose location names such a bin is walked to over free coordinates.
 */
public record Bin(String name, BigDecimal xMeters, BigDecimal yMeters) {}
