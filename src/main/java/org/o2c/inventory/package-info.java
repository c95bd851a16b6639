/**
 * Stock: what is on hand per SKU and bin, what is reserved for orders, and the append-only
 * movement ledger. Reservations are atomic, so concurrent buyers can never oversell.
 */
package org.o2c.inventory;
