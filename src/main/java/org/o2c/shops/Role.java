package org.o2c.shops;

/** What a back-office user may do. ADMIN is the install's bootstrap token, above every shop. */
public enum Role {
    OWNER, ACCOUNTING, WAREHOUSE, SUPPORT, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
