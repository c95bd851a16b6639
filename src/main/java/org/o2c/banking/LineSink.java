package org.o2c.banking;

/** Receives lines one by one while a parser streams through a file, so memory does not grow with it. */
@FunctionalInterface
interface LineSink {
    void accept(ParsedLine line);

    /**
     * A new statement (camt {@code Stmt}, {@code Rpt} or {@code Ntfctn}, an MT940 statement) begins; identical
     * lines are counted per statement, so the same statement delivered twice books its lines once.
     */
    default void statementStarts() {
    }
}
