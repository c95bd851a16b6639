/** Products: names, GTINs, gross prices, tax categories, weights and bin locations. */
package org.o2c.catalog;
