/**
 * Open items and what settled them: one item per issued invoice (and per unpaid invoice brought from a
 * previous system), an append-only allocation ledger (applied, written off, customer credit, chargeback,
 * reversal) and the payer accounts known per customer. Corrections are reversing entries, never deletes.
 */
package org.o2c.receivables;
