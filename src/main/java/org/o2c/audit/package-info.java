/**
 * The audit trail: who changed what, when and why, append-only and hash-chained so any later
 * change is detectable (GoBD). Other modules call {@link org.o2c.audit.AuditLog} inside their
 * own transaction, so the entry exists exactly when the change does.
 */
package org.o2c.audit;
