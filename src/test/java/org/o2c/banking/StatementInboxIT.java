package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class StatementInboxIT extends IntegrationTest {
    @Autowired
    StatementInbox inbox;
    @Autowired
    BankingSettings settings;

    @Test
    void filesInTheShopsInboxAreImportedAndMovedToDoneOrRefusedWithAReason() throws Exception {
        Api shop = newShop("Inbox shop");
        Path dir = settings.inbox().resolve(Long.toString(shop.shopId));
        Files.createDirectories(dir);
        Path good = write(dir.resolve("camt053-2026-11-26.xml"), BankStatementsIT.resource("o2c__camt053.v8.dk-shop.xml"));
        Path bad = write(dir.resolve("broken.xml"), BankStatementsIT.resource("genkgo__camt053.v2.wrong.xml"));
        Path partial = write(dir.resolve("still-copying.xml.part"), new byte[] {'<'});

        inbox.poll();

        assertThat(good).doesNotExist();
        assertThat(bad).doesNotExist();
        assertThat(partial).exists();
        assertThat(names(dir.resolve("done"))).singleElement().asString().endsWith("-camt053-2026-11-26.xml");
        List<String> refused = names(dir.resolve("refused"));
        assertThat(refused).hasSize(2).anyMatch(n -> n.endsWith("-broken.xml"));
        Path reason = dir.resolve("refused").resolve(refused.stream().filter(n -> n.endsWith(".reason.txt")).findFirst()
                .orElseThrow());
        assertThat(Files.readString(reason)).contains("no statement");

        JsonNode list = shop.get("/api/v1/bank-statements").expect(200).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("source").asString()).isEqualTo("INBOX");
        assertThat(list.get(0).get("transactions").asInt()).isEqualTo(5);

        // the same file delivered again is not booked twice
        write(dir.resolve("camt053-again.xml"), BankStatementsIT.resource("o2c__camt053.v8.dk-shop.xml"));
        inbox.poll();
        assertThat(shop.get("/api/v1/bank-statements").expect(200).json().size()).isEqualTo(1);
        assertThat(names(dir.resolve("done"))).hasSize(2);
    }

    private static Path write(Path file, byte[] content) throws Exception {
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        return file;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
