package org.o2c.banking;

/**
 * A file that cannot be read: answered {@code 422}, and nothing of it is kept. {@code where} points at
 * the spot (a line number, an XML element path or an entry of a ZIP), {@code message} says why.
 */
public class UnreadableStatement extends RuntimeException {
    private final String where;

    public UnreadableStatement(String where, String message) {
        super(message);
        this.where = where;
    }

    public UnreadableStatement(String where, String message, Throwable cause) {
        super(message, cause);
        this.where = where;
    }

    public String where() {
        return where;
    }
}
