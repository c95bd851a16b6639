package org.o2c.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address customers and staff reach o2c at, for links that leave the system (e-mails, set-up
 * link): {@code O2C_BASE_URL}, or else this server's own port on localhost.
 */
@Component
public class PublicBaseUrl {
    private final String configured;
    private volatile int port = 8080;

    PublicBaseUrl(@Value("${o2c.base-url:}") String configured) {
        this.configured = configured == null || configured.isBlank() ? null
                : configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    @EventListener
    void on(WebServerInitializedEvent e) {
        port = e.getWebServer().getPort();
    }

    public String get() {
        return configured != null ? configured : "http://localhost:" + port;
    }
}
