package org.o2c.banking;

import java.util.Arrays;

/**
 * Counts how often a line key (the first 64 bits of its SHA-256) occurred in the current statement: the
 * ordinal among identical lines. Open addressing over two primitive arrays, so a statement of 150,000
 * lines costs about 3 MB instead of a map of boxed entries.
 */
final class Ordinals {
    private static final int INITIAL = 1024;
    private long[] keys = new long[INITIAL];
    private int[] counts = new int[INITIAL];
    private int size;

    /** The ordinal of this occurrence of {@code key}: 0 the first time, then 1, 2, ... */
    int next(long key) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(keys, counts, key);
        if (counts[i] == 0) {
            keys[i] = key;
            size++;
        }
        return counts[i]++;
    }

    void clear() {
        if (keys.length > INITIAL) {
            keys = new long[INITIAL];
            counts = new int[INITIAL];
        } else {
            Arrays.fill(counts, 0);
        }
        size = 0;
    }

    private static int slot(long[] keys, int[] counts, long key) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (counts[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldCounts.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldCounts[j] != 0) {
                int i = slot(keys, counts, oldKeys[j]);
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }
}
