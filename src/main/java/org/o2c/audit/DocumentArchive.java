package org.o2c.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.o2c.shared.ShopId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write-once storage of issued documents (GoBD): each file is stored under its SHA-256, read-only,
 * never overwritten; one kind of document per subject is archived once and then always served from
 * here. {@link #verify()} recomputes every hash.
 */
@Service
public class DocumentArchive {

    /** An archived file's identity. */
    public record Stored(String sha256, String fileName, String mediaType, long size) {}

    /** The outcome of a verification: files checked, and those missing or changed. */
    public record Verification(long checked, List<String> missing, List<String> changed) {
        public boolean intact() {
            return missing.isEmpty() && changed.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path root;
    private final AuditLog audit;

    DocumentArchive(JdbcClient jdbc, Clock clock, @Value("${o2c.data-dir}") String dataDir, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = Path.of(dataDir, "archive");
        this.audit = audit;
    }

    /** The archived document of this kind for the subject, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Stored> find(ShopId shop, String subjectType, String subjectId, String kind) {
        return jdbc.sql("""
                SELECT sha256, file_name, media_type, size_bytes FROM archived_documents
                WHERE shop_id = :shop AND subject_type = :type AND subject_id = :id AND kind = :kind""")
                .param("shop", shop.value()).param("type", subjectType).param("id", subjectId).param("kind", kind)
                .query((rs, i) -> new Stored(rs.getString(1).trim(), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    /**
     * Archives the bytes as this subject's document of this kind, once: if it is archived already,
     * the earlier file is kept and answered (two instances rendering at once store one document).
     */
    @Transactional
    public Stored store(ShopId shop, String subjectType, String subjectId, String kind, String fileName,
            String mediaType, byte[] content) {
        Optional<Stored> existing = find(shop, subjectType, subjectId, kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        String hash = sha256(content);
        // The row first: of two instances rendering the same document, only the one whose row goes in
        // writes its file, so no unreferenced file is left behind. Readers see the row only after commit,
        // when the file is there.
        int inserted = jdbc.sql("""
                INSERT INTO archived_documents (shop_id, sha256, kind, subject_type, subject_id, file_name, media_type,
                    size_bytes, archived_at)
                VALUES (:shop, :hash, :kind, :type, :id, :name, :media, :size, :at) ON CONFLICT DO NOTHING""")
                .param("shop", shop.value()).param("hash", hash).param("kind", kind).param("type", subjectType)
                .param("id", subjectId).param("name", fileName).param("media", mediaType).param("size", content.length)
                .param("at", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return find(shop, subjectType, subjectId, kind).orElseThrow();
        }
        writeOnce(hash, content);
        audit.record(shop, "document.archived", subjectType, subjectId, null,
                Map.of("kind", kind, "sha256", hash, "file", fileName, "bytes", content.length));
        return new Stored(hash, fileName, mediaType, content.length);
    }

    /** The bytes of an archived file; refuses to answer a file whose content no longer fits its hash. */
    public byte[] read(Stored stored) {
        try {
            byte[] bytes = Files.readAllBytes(path(stored.sha256()));
            if (!sha256(bytes).equals(stored.sha256())) {
                throw new IllegalStateException("archived file " + stored.sha256() + " was changed");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recomputes the hash of every archived file. */
    @Transactional(readOnly = true)
    public Verification verify() {
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> hashes = jdbc.sql("SELECT DISTINCT sha256 FROM archived_documents").query(String.class).list();
        for (String h : hashes) {
            String hash = h.trim();
            Path p = path(hash);
            if (!Files.exists(p)) {
                missing.add(hash);
                continue;
            }
            try (InputStream in = Files.newInputStream(p)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                }
                if (!HexFormat.of().formatHex(sha.digest()).equals(hash)) {
                    changed.add(hash);
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                changed.add(hash);
            }
        }
        return new Verification(hashes.size(), missing, changed);
    }

    private void writeOnce(String hash, byte[] content) {
        Path target = path(hash);
        if (Files.exists(target)) {
            return; // same content, same name: already there
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), hash, ".tmp");
            Files.write(tmp, content);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r-----"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another writer stored the same bytes a moment earlier
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + hash, e);
        }
    }

    private Path path(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
