package org.o2c.banking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The saved CSV column mapping per shop. */
@Component
class CsvMappings {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CsvMappings(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Optional<CsvMapping> get(ShopId shop) {
        return jdbc.sql("SELECT mapping FROM bank_csv_mappings WHERE shop_id = :shop").param("shop", shop.value())
                .query(String.class).optional().map(s -> json.readValue(s, CsvMapping.class));
    }

    void save(ShopId shop, CsvMapping mapping) {
        String text = json.writeValueAsString(mapping);
        Timestamp now = Timestamp.from(Instant.now(clock));
        int n = jdbc.sql("UPDATE bank_csv_mappings SET mapping = :m, updated_at = :at WHERE shop_id = :shop")
                .param("m", text).param("at", now).param("shop", shop.value()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO bank_csv_mappings (shop_id, mapping, updated_at) VALUES (:shop, :m, :at)")
                    .param("m", text).param("at", now).param("shop", shop.value()).update();
        }
    }
}
