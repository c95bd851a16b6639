package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared corpus ({@code /work/shared/corpus/bank}) either reads or is refused with a
 * reason that says where; the known-bad camt file is refused. Skipped where the corpus is absent.
 */
class StatementCorpusTest {
    static final Path CORPUS = Path.of("/work/shared/corpus/bank");

    @Test
    void everyCorpusFileReadsOrIsRefusedWithAReason() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        List<Path> files;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(80);
        List<String> report = new ArrayList<>();
        int refused = 0;
        for (Path f : files) {
            List<ParsedLine> lines = new ArrayList<>();
            String name = f.getFileName().toString();
            try {
                StatementFormat format = new StatementReader(1L << 30, 100)
                        .read(f, BankStatements.contentTypeFor(name), () -> null, lines::add);
                report.add("OK      " + name + " " + format + " " + lines.size());
                assertThat(lines).allSatisfy(l -> {
                    assertThat(l.amount().signum()).isGreaterThanOrEqualTo(0);
                    assertThat(l.bookingDate()).isNotNull();
                    assertThat(l.currency()).isNotNull();
                });
            } catch (UnreadableStatement e) {
                refused++;
                report.add("REFUSED " + name + " at " + e.where() + ": " + e.getMessage());
                assertThat(e.where()).isNotBlank();
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        report.forEach(System.out::println);
        assertThat(report).anyMatch(r -> r.startsWith("REFUSED genkgo__camt053.v2.wrong.xml"));
        assertThat(refused).as("refused files").isLessThan(files.size() / 4);
    }
}
