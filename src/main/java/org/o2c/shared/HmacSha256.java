package org.o2c.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the signature of shop webhooks, carrier webhooks and o2c's own signed links. Comparing a
 * claimed signature takes constant time, so a caller cannot learn it byte by byte.
 */
public final class HmacSha256 {

    private HmacSha256() {}

    public static byte[] of(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** With a secret kept as text (UTF-8), as shop systems and carriers hand them out. */
    public static byte[] of(String secret, byte[] message) {
        return of(secret.getBytes(StandardCharsets.UTF_8), message);
    }

    /** Whether {@code claimed} is the signature of {@code message} under {@code secret}. */
    public static boolean matches(String secret, byte[] message, byte[] claimed) {
        return MessageDigest.isEqual(of(secret, message), claimed);
    }
}
