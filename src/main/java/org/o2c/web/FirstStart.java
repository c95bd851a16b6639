package org.o2c.web;

import org.o2c.shared.ShopId;
import org.o2c.shops.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.o2c.shared.PublicBaseUrl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * While the install's first shop has no user, every start prints a one-time link that creates
 * the owner account (valid for a day, usable once).
 */
@Component
class FirstStart {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Access access;
    private final PublicBaseUrl baseUrl;

    FirstStart(Access access, PublicBaseUrl baseUrl) {
        this.access = access;
        this.baseUrl = baseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void printSetupLink() {
        if (access.hasUsers(ShopId.DEFAULT)) {
            return;
        }
        String token = access.createSetupToken(ShopId.DEFAULT);
        String link = baseUrl.get() + "/setup?token=" + token;
        System.out.println("\n=====================================================================\n"
                + " o2c has no owner account yet. Create it with this one-time link:\n   " + link
                + "\n=====================================================================\n");
        log.info("printed the one-time owner set-up link");
    }
}
