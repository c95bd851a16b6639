package org.o2c.banking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.o2c.shared.ShopId;
import org.o2c.shops.Shops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily feeds without anyone clicking: files dropped into {@code <data-dir>/inbox/<shop-id>/} (by EBICS
 * software, a synced folder or a script) are imported on a schedule and moved to {@code done/}, or to
 * {@code refused/} with a {@code .reason.txt} next to them. A file still being written (changed within
 * the settle time, or named {@code .part}/{@code .tmp}/hidden) waits for the next round.
 */
@Component
class StatementInbox {
    private static final Logger log = LoggerFactory.getLogger(StatementInbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BankStatements statements;
    private final BankingSettings settings;
    private final Shops shops;
    private final Clock clock;
    private final long settleSeconds;

    StatementInbox(BankStatements statements, BankingSettings settings, Shops shops, Clock clock,
            @Value("${o2c.banking.inbox-settle-seconds:10}") long settleSeconds) {
        this.statements = statements;
        this.settings = settings;
        this.shops = shops;
        this.clock = clock;
        this.settleSeconds = settleSeconds;
    }

    @Scheduled(fixedDelayString = "${o2c.banking.inbox-interval-ms:60000}",
            initialDelayString = "${o2c.banking.inbox-interval-ms:60000}")
    void poll() {
        Path inbox = settings.inbox();
        if (!Files.isDirectory(inbox)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(inbox)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (Files.isDirectory(dir) && name.matches("\\d{1,18}")) {
                    ShopId shop = new ShopId(Long.parseLong(name));
                    if (shops.exists(shop)) {
                        readShopFolder(shop, dir);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("cannot read the statement inbox {}: {}", inbox, e.getMessage());
        }
    }

    private void readShopFolder(ShopId shop, Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")
                        || name.endsWith(".reason.txt")) {
                    continue;
                }
                Instant changed = Files.getLastModifiedTime(file).toInstant();
                if (changed.isAfter(Instant.now(clock).minusSeconds(settleSeconds))) {
                    continue; // still being written, perhaps
                }
                readOne(shop, dir, file, name);
            }
        }
    }

    private void readOne(ShopId shop, Path dir, Path file, String name) {
        String stamp = STAMP.format(Instant.now(clock));
        try {
            StatementSummary s = statements.importFile(shop, file, BankStatements.contentTypeFor(name), "INBOX");
            move(file, dir.resolve("done"), stamp + "-" + name);
            log.info("inbox of shop {}: {} {} ({} lines)", shop, name, s.alreadyImported() ? "was already imported" : "imported",
                    s.transactions());
        } catch (UnreadableStatement e) {
            try {
                Path target = move(file, dir.resolve("refused"), stamp + "-" + name);
                Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                        e.where() + ": " + e.getMessage() + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException io) {
                log.warn("inbox of shop {}: cannot move refused {}: {}", shop, name, io.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            // Not the file's fault (disk, database): leave it where it is for the next round.
            log.warn("inbox of shop {}: {} not imported now: {}", shop, name, e.toString());
        }
    }

    private static Path move(Path file, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.move(file, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
