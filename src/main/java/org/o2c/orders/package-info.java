/**
 * Order intake and the order's life: validation and normalisation, duplicate and fraud signals,
 * holds, stock reservation in the same transaction, and the status history.
 */
package org.o2c.orders;
