package org.o2c.banking;

/** Receives lines one by one while a parser streams through a file, so memory does not grow with it. */
@FunctionalInterface
interface LineSink {
    void accept(ParsedLine line);
}
