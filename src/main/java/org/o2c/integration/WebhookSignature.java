package org.o2c.integration;

import java.util.Base64;
import java.util.HexFormat;
import org.o2c.shared.HmacSha256;

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
        return HmacSha256.matches(connector.secret(), body, claimed);
    }
}
