package org.o2c.orders;

import java.time.Instant;
import java.time.LocalDate;
import org.o2c.shared.ShopId;

/**
 * The shop's shipping promise, asked once at intake: the date an order placed at {@code placedAt} (with the
 * buyer's carrier, may be null) is promised to leave. Declared here, answered by the module that knows the
 * warehouse's cut-off times, so orders do not depend on it.
 */
public interface ShipPromise {
    LocalDate promisedShipDate(ShopId shop, Instant placedAt, String carrier);
}
