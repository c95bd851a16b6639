package org.o2c.banking;

/** {@code MATCHED}: applied automatically or by a person; {@code SUGGESTED}: waits for a person. */
public enum LineStatus {
    MATCHED, SUGGESTED, UNMATCHED, IGNORED
}
