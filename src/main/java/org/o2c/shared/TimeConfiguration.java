package org.o2c.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock all code asks for the time; tests replace it to travel in time. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {
    /** Business dates are in the shop's zone; Europe/Berlin until shops carry their own. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
