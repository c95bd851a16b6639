/** Customers: one per e-mail address and shop, with a customer number for documents. */
package org.o2c.customers;
