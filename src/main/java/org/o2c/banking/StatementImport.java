package org.o2c.banking;

import java.util.List;

/**
 * The outcome of reading one file. {@code alreadyImported} is true when the same file was read before;
 * {@code booked} then holds the lines booked the first time, and nothing new was written. Lines of an
 * overlapping statement that were booked from another file are not booked again and not in {@code booked}.
 */
public record StatementImport(long statementId, StatementFormat format, boolean alreadyImported,
                              List<BankTransaction> booked) {
}
