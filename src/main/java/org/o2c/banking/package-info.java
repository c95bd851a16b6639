/**
 * Bank and PSP statements in: ISO 20022 camt.053/052/054 (also as ZIP), MT940 with the German
 * {@code :86:} structure, CSV exports with a saved column mapping, PayPal and Stripe reports. Parsers
 * stream; importing is idempotent per file and per transaction, so an overlapping statement never
 * books a line twice. Matching the booked lines to invoices is {@code cashapp}'s job.
 */
package org.o2c.banking;
