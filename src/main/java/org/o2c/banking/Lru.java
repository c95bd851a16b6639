package org.o2c.banking;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond {@code max}, so per-import memory stays bounded. */
final class Lru<K, V> extends LinkedHashMap<K, V> {
    private final int max;

    Lru(int max) {
        super(16, 0.75f, true);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
