package org.o2c.catalog;

import org.o2c.shared.Money;
import org.o2c.shared.Sku;

/** A product as sold. {@code price} is the gross consumer price in the seller's country. */
public record Product(Sku sku, String name, String gtin, Money price, TaxCategory taxCategory, Integer weightGrams,
        String location) {}
