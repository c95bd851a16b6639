package org.o2c.orders;

/**
 * Why o2c keeps an order from being picked until someone looks at it. {@code SHORT_PICK}: the picker found
 * less than the order needs; the warehouse resolves it (re-pick, recount, cancel a line or the order).
 */
public enum HoldReason { POSSIBLE_DUPLICATE, FRAUD_REVIEW, MANUAL, SHORT_PICK }
