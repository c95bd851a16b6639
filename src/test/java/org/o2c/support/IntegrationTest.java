package org.o2c.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IT}: the whole application on a random port, on H2 or on PostgreSQL
 * ({@code -Do2c.test.db=postgres} with {@code o2c.test.postgres} = JDBC URL; the build runs both),
 * with a real SMTP server (GreenMail). Tests isolate themselves by creating their own shop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final GreenMail MAIL;

    static {
        MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        MAIL.start();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected tools.jackson.databind.json.JsonMapper json;

    public static String database() {
        return System.getProperty("o2c.test.db", "h2");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path dataDir = Path.of("target", "it-data-" + database() + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        registry.add("o2c.data-dir", dataDir::toString);
        registry.add("o2c.admin-token", () -> ADMIN_TOKEN);
        registry.add("o2c.mail.dispatch-interval-ms", () -> "200");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        if ("postgres".equals(database())) {
            String url = System.getProperty("o2c.test.postgres", System.getenv("O2C_TEST_POSTGRES"));
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("o2c.test.db=postgres needs o2c.test.postgres / O2C_TEST_POSTGRES");
            }
            resetPostgres(url);
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> System.getProperty("o2c.test.postgres.user", "postgres"));
            registry.add("spring.datasource.password", () -> "");
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:o2c-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000;DB_CLOSE_DELAY=-1");
        }
    }

    private static boolean postgresReset;

    /** A fresh schema once per test JVM, so runs never see each other's rows. */
    private static synchronized void resetPostgres(String url) {
        if (postgresReset) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, System.getProperty("o2c.test.postgres.user", "postgres"), "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (Exception e) {
            throw new IllegalStateException("cannot reset the PostgreSQL test database " + url, e);
        }
        postgresReset = true;
    }

    /** An API client acting as the install's admin. */
    protected Api admin() {
        return new Api(port, json, ADMIN_TOKEN, null);
    }

    /** A new shop with its own API token: tests never see each other's data. */
    protected Api newShop(String name) {
        Api admin = admin();
        long shopId = admin.post("/api/v1/shops", java.util.Map.of("name", name)).expect(201).json().get("id").asLong();
        String token = admin.post("/api/v1/api-tokens", java.util.Map.of("name", "test", "shopId", shopId))
                .expect(201).json().get("token").asString();
        return new Api(port, json, token, shopId);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
