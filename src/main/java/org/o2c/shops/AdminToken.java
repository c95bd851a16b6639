package org.o2c.shops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The install's bootstrap admin token: {@code O2C_ADMIN_TOKEN}, or else generated on first start,
 * written to {@code <data folder>/admin-token} (owner-readable only) and printed once.
 */
@Component
class AdminToken {
    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private final String hash;

    AdminToken(@Value("${o2c.admin-token:}") String configured, @Value("${o2c.data-dir}") String dataDir)
            throws IOException {
        this.hash = Hashing.sha256(resolve(configured, Path.of(dataDir)));
    }

    private static String resolve(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = dataDir.resolve("admin-token");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.createDirectories(dataDir);
        String token = Hashing.newSecret("o2c_admin_");
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the file stays as the OS created it
        }
        String banner = "\n=====================================================================\n"
                + " o2c admin token (shown once, also saved in " + file.toAbsolutePath() + "):\n"
                + "   " + token + "\n"
                + " Use it as 'Authorization: Bearer <token>' for the API.\n"
                + "=====================================================================\n";
        System.out.println(banner);
        log.info("generated the admin token and saved it to {}", file.toAbsolutePath());
        return token;
    }

    boolean matches(String presented) {
        return Hashing.constantTimeEquals(hash, Hashing.sha256(presented));
    }
}
