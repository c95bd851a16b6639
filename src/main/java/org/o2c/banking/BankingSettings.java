package org.o2c.banking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Limits and the inbox location for statement files, from {@code o2c.banking.*}. */
@Component
class BankingSettings {
    private final long maxUncompressedBytes;
    private final int maxZipEntries;
    private final String dataDir;

    BankingSettings(@Value("${o2c.banking.zip-max-uncompressed-bytes:2147483648}") long maxUncompressedBytes,
            @Value("${o2c.banking.zip-max-entries:1000}") int maxZipEntries,
            @Value("${o2c.data-dir:./data}") String dataDir) {
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.maxZipEntries = maxZipEntries;
        this.dataDir = dataDir;
    }

    long maxUncompressedBytes() {
        return maxUncompressedBytes;
    }

    int maxZipEntries() {
        return maxZipEntries;
    }

    java.nio.file.Path inbox() {
        return java.nio.file.Path.of(dataDir, "inbox");
    }

    java.nio.file.Path spool() {
        return java.nio.file.Path.of(dataDir, "spool", "bank");
    }
}
