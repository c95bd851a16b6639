package org.o2c.invoicing.rendering;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * The one place that speaks java.util.Date: Mustang's model takes it and formats it with the JVM's default
 * time zone, so a business date becomes noon of that day in that zone and is written back as the same day.
 */
final class MustangDates {

    private MustangDates() {}

    static Date of(LocalDate date) {
        return date == null ? null : Date.from(date.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant());
    }
}
