package org.o2c.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.o2c.support.Orders.order;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every change that matters leaves an entry: who, when, what, why — chained so tampering shows. */
class AuditTrailIT extends IntegrationTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void changesAreRecordedWithWhoWhatAndWhy() {
        Api shop = newShop("audit");
        shop.product("AUD-1", "10.00", "STANDARD", 5);
        String id = shop.post("/api/v1/orders", order("aud-1").line("AUD-1", 1).build()).expect(201).json()
                .get("id").asString();
        shop.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "address unknown")).expect(200);

        JsonNode entries = shop.get("/api/v1/audit?subjectType=order&subjectId=" + id).expect(200).json();
        assertThat(entries.findValuesAsString("action")).containsExactly("order.placed", "order.cancelled");
        JsonNode cancel = entries.get(1);
        assertThat(cancel.get("actor").asString()).isEqualTo("token:test");
        assertThat(cancel.get("reason").asString()).isEqualTo("address unknown");
        assertThat(shop.get("/api/v1/audit?subjectType=product&subjectId=AUD-1").json().findValuesAsString("action"))
                .containsExactly("product.created", "stock.counted");
    }

    @Test
    void theChainVerifiesAndAnEditedEntryIsFound() {
        Api shop = newShop("audit-chain");
        shop.product("AUD-2", "10.00", "STANDARD", 5);
        JsonNode ok = shop.get("/api/v1/audit/verify").expect(200).json();
        assertThat(ok.get("intact").asBoolean()).isTrue();
        assertThat(ok.get("sealed").asLong()).isPositive();

        long entryId = shop.get("/api/v1/audit?subjectType=product&subjectId=AUD-2").json().get(0).get("id").asLong();
        if ("postgres".equals(database())) {
            // PostgreSQL itself refuses to change a sealed entry or delete one.
            assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entries SET reason = 'forged' WHERE id = :id")
                    .param("id", entryId).update()).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entries WHERE id = :id")
                    .param("id", entryId).update()).hasMessageContaining("append-only");
        } else {
            jdbc.sql("UPDATE audit_entries SET reason = 'forged' WHERE id = :id").param("id", entryId).update();
            JsonNode broken = shop.get("/api/v1/audit/verify").expect(200).json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("brokenEntryIds").get(0).asLong()).isEqualTo(entryId);
            jdbc.sql("UPDATE audit_entries SET reason = NULL WHERE id = :id").param("id", entryId).update();
            assertThat(shop.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
        }
    }
}
