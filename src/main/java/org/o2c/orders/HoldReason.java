package org.o2c.orders;

/** Why o2c keeps an order from being picked until someone looks at it. */
public enum HoldReason { POSSIBLE_DUPLICATE, FRAUD_REVIEW, MANUAL }
