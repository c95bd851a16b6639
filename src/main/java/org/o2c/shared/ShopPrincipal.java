package org.o2c.shared;

/** What every authenticated caller carries: the shop it acts for. */
public interface ShopPrincipal {
    ShopId shopId();

    /** A short name for the audit log (user name, token name, connector). */
    String actorName();
}
