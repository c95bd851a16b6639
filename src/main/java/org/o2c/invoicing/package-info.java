/**
 * Invoices and credit notes: gapless numbers per series and year, every mandatory field of
 * § 14 Abs. 4 UStG, the PDF/A-3 with embedded Factur-X/ZUGFeRD XML, XRechnung, a write-once
 * archive and sending. An issued document never changes; corrections are credit notes.
 */
package org.o2c.invoicing;
