/**
 * Fulfillment: the warehouse layout, pick waves and routes, picking, packing with standard cartons,
 * labels, shipments, carrier tracking and the customer's tracking page.
 */
package org.o2c.fulfillment;
