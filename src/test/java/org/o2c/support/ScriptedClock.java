package org.o2c.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.o2c.shared.TimeConfiguration;

/**
 * A clock a test sets by hand, to play a business day in known steps (wire it with {@code @TestBean} on the
 * {@code clock} bean; that test gets a Spring context of its own).
 */
public final class ScriptedClock extends Clock {
    private volatile Instant now;

    public ScriptedClock(LocalDateTime start) {
        set(start);
    }

    /** Moves to this local time in the business zone (Europe/Berlin). */
    public void set(LocalDateTime at) {
        now = at.atZone(TimeConfiguration.BUSINESS_ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        ScriptedClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
