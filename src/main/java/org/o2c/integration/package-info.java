/**
 * Shop connectors: a shop registers its Shopify, WooCommerce or Shopware store under a name and a
 * secret; the store posts its order webhooks unchanged to {@code /hooks/{name}}, signed with that
 * secret, and every genuine delivery becomes an order through {@link org.o2c.orders.Orders}.
 */
package org.o2c.integration;
