package org.o2c.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.PublicBaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registers the shop's web shops; answers never contain a secret. */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorsApi {
    private final ShopConnectors connectors;
    private final PublicBaseUrl baseUrl;

    ConnectorsApi(ShopConnectors connectors, PublicBaseUrl baseUrl) {
        this.connectors = connectors;
        this.baseUrl = baseUrl;
    }

    record Registration(String type, String secret) {}

    @PutMapping("/{name}")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    ResponseEntity<Map<String, Object>> put(@PathVariable String name, @RequestBody Registration body) {
        ShopConnectors.Saved saved = connectors.register(CurrentShop.get(), name, body.type(), body.secret());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(saved.connector()));
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return connectors.list(CurrentShop.get()).stream().map(this::json).toList();
    }

    private Map<String, Object> json(Connector c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().id());
        // The address to enter in the shop admin: it must be the public one (O2C_BASE_URL), not a relative path.
        m.put("webhookUrl", baseUrl.get() + "/hooks/" + c.name());
        m.put("createdAt", c.createdAt().toString());
        m.put("updatedAt", c.updatedAt().toString());
        return m;
    }
}
