package org.o2c.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs links that reach customers by e-mail (order confirmation, tracking, returns) so public
 * pages need no login: HMAC-SHA256 over purpose, subject and expiry with this install's secret,
 * kept in the database so every instance of a cluster accepts every link.
 */
@Component
public class LinkSigner {

    /** The query part of a signed link: expiry (epoch seconds) and signature. */
    public record Signature(long expires, String sig) {
        public String query() {
            return "exp=" + expires + "&sig=" + sig;
        }
    }

    private final Clock clock;
    private final JdbcClient jdbc;
    private volatile byte[] key;

    LinkSigner(Clock clock, JdbcClient jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public Signature sign(String purpose, String subject, Duration validFor) {
        long expires = Instant.now(clock).plus(validFor).getEpochSecond();
        return new Signature(expires, mac(purpose + "|" + subject + "|" + expires));
    }

    /** Whether the signature is genuine and not expired; compared in constant time. */
    public boolean verify(String purpose, String subject, long expires, String sig) {
        if (sig == null || Instant.now(clock).getEpochSecond() > expires) {
            return false;
        }
        String expected = mac(purpose + "|" + subject + "|" + expires);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String message) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(HmacSha256.of(key(), message.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = Base64.getDecoder().decode(loadOrCreate());
                }
                k = key;
            }
        }
        return k;
    }

    private String loadOrCreate() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO install_secrets (name, secret, created_at) VALUES ('links', :s, :at) ON CONFLICT DO NOTHING")
                .param("s", Base64.getEncoder().encodeToString(fresh)).param("at", Timestamp.from(clock.instant())).update();
        return jdbc.sql("SELECT secret FROM install_secrets WHERE name = 'links'").query(String.class).single();
    }
}
