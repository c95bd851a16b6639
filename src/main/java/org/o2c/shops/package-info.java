/**
 * Shops (the tenants of an install), their company settings, and who may act for them:
 * back-office users with roles and API tokens (stored only as hashes).
 */
package org.o2c.shops;
