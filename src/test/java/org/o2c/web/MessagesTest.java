package org.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.o2c.catalog.TaxCategory;
import org.o2c.inventory.MovementKind;
import org.o2c.orders.HoldReason;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.PaymentMethod;

/** Every text the pages and mails ask for exists in English and in German. */
class MessagesTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    @Test
    void englishAndGermanHaveTheSameKeys() throws IOException {
        assertThat(load("messages_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(t));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(named);
    }

    @Test
    void everyCodeAPageShowsHasAName() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Arrays.stream(OrderStatus.values()).forEach(s -> assertThat(keys).contains("status." + s));
        Arrays.stream(HoldReason.values()).forEach(h -> assertThat(keys).contains("hold." + h));
        Arrays.stream(PaymentMethod.values()).forEach(p -> assertThat(keys).contains("payment." + p));
        Arrays.stream(MovementKind.values()).forEach(k -> assertThat(keys).contains("movement." + k));
        Arrays.stream(TaxCategory.values()).forEach(t -> assertThat(keys).contains("tax." + t));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
