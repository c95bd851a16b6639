package org.o2c.tax;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nets of issued EU distance-sale documents per shop, one row per document (table tax_distance_sales). */
@Repository
class DistanceSales {
    private final JdbcClient jdbc;

    DistanceSales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the document once; answers false when it was recorded before. */
    boolean record(ShopId shop, String documentId, LocalDate supplyDate, String destination, Money net, Instant at) {
        return jdbc.sql("""
                INSERT INTO tax_distance_sales (shop_id, document_id, sales_year, supply_date, destination,
                    net_amount, net_currency, recorded_at)
                VALUES (:shop, :doc, :year, :date, :dest, :net, :currency, :at) ON CONFLICT DO NOTHING""")
                .param("shop", shop.value()).param("doc", documentId).param("year", supplyDate.getYear())
                .param("date", supplyDate).param("dest", destination)
                .param("net", net.rounded().amount()).param("currency", net.currency().getCurrencyCode())
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** The net of all documents of the shop with a supply date in {@code year}, in EUR. */
    Money total(ShopId shop, int year) {
        BigDecimal sum = jdbc.sql("""
                SELECT COALESCE(SUM(net_amount), 0) FROM tax_distance_sales
                WHERE shop_id = :shop AND sales_year = :year""")
                .param("shop", shop.value()).param("year", year).query(BigDecimal.class).single();
        return Money.of(sum, Money.EUR).rounded();
    }
}
