package org.o2c.banking;

import java.time.Instant;

/**
 * A statement file as the shop sees it in the list: what was booked from it, how many of its lines were
 * already booked from another file ({@code duplicates}), and how cash application placed the rest at import.
 */
public record StatementSummary(long id, StatementFormat format, String fileName, String source, Instant importedAt,
                               int transactions, int duplicates, int matched, int suggested, int unmatched,
                               boolean alreadyImported) {
}
