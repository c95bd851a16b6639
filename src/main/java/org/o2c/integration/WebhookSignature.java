package org.o2c.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a shop system's signature: HMAC-SHA256 over the exact bytes that arrived (never a re-encoded
 * body), compared in constant time so the answer time tells an attacker nothing about the right value.
 */
final class WebhookSignature {
    private WebhookSignature() {}

    static boolean isGenuine(Connector connector, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = connector.type().encoding() == ConnectorType.Encoding.HEX
                    ? HexFormat.of().parseHex(signature.strip())
                    : Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notEncoded) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(connector.secret(), body), claimed);
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
