/**
 * VAT determination for a seller in Germany: which VAT applies to an invoice line (domestic, EU distance
 * sale with the € 10,000 threshold and OSS, tax-free intra-community supply, export, § 19 UStG), the dated
 * rate tables of the 27 member states (data in {@code tax/eu-vat-rates.csv}), unit prices under an OSS
 * pricing policy, and the EN 16931 tax breakdown per rate group. Owns the running total of EU distance
 * sales per shop and year. Does not know invoices: the invoicing module calls down into it.
 */
package org.o2c.tax;
