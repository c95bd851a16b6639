/**
 * Fulfillment: the warehouse layout and its bins, pick waves with optimal pick routes, the picking screen,
 * and (with packing and shipping) everything between a confirmed order and a parcel on its way.
 */
package org.o2c.fulfillment;
