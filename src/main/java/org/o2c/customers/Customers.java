package org.o2c.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.o2c.audit.AuditLog;
import org.o2c.shared.CustomerId;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The shop's customers. */
@Service
public class Customers {

    /** The customer an order belongs to, and whether the order made it. */
    public record Registration(Customer customer, boolean isNew) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    Customers(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The customer with this e-mail address, registered now if the shop does not know it yet.
     * Safe when two orders of a new customer arrive at the same moment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registration register(ShopId shop, String email, String name, String company, String vatId) {
        // One statement for a new buyer (its number comes back from the insert), two for a known one. The
        // NOT EXISTS keeps known buyers from drawing a number; ON CONFLICT covers two first orders of the
        // same buyer at the same moment.
        String id = UUID.randomUUID().toString();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customers (id, shop_id, number, email, name, company, vat_id, created_at)
                SELECT :id, :shop, CONCAT('K', nextval('customer_numbers')), :email, :name, :company, :vat,
                    CAST(:at AS TIMESTAMP WITH TIME ZONE)
                WHERE NOT EXISTS (SELECT 1 FROM customers WHERE shop_id = :shop AND email = :email)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("shop", shop.value()).param("email", email)
                .param("name", name).param("company", company).param("vat", vatId)
                .param("at", Timestamp.from(at)).update(keys, "number");
        if (keys.getKeyList().isEmpty()) {
            return new Registration(byEmail(shop, email).orElseThrow(), false);
        }
        String number = String.valueOf(keys.getKeyList().get(0).get("number"));
        Customer customer = new Customer(new CustomerId(UUID.fromString(id)), number, email, name, company, vatId, at);
        audit.record(shop, "customer.registered", "customer", number, null, Map.of("email", email));
        return new Registration(customer, true);
    }

    @Transactional(readOnly = true)
    public Optional<Customer> byEmail(ShopId shop, String email) {
        return jdbc.sql("SELECT * FROM customers WHERE shop_id = :shop AND email = :email")
                .param("shop", shop.value()).param("email", email).query(Customers::customer).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(ShopId shop, CustomerId id) {
        return jdbc.sql("SELECT * FROM customers WHERE shop_id = :shop AND id = :id")
                .param("shop", shop.value()).param("id", id.toString()).query(Customers::customer).optional();
    }

    @Transactional(readOnly = true)
    public List<Customer> list(ShopId shop, String search, int limit) {
        String like = search == null || search.isBlank() ? "%" : "%" + search.strip().toLowerCase() + "%";
        return jdbc.sql("""
                SELECT * FROM customers WHERE shop_id = :shop
                  AND (LOWER(email) LIKE :q OR LOWER(name) LIKE :q OR LOWER(number) LIKE :q)
                ORDER BY number LIMIT :limit""")
                .param("shop", shop.value()).param("q", like).param("limit", limit).query(Customers::customer).list();
    }

    private static Customer customer(ResultSet rs, int i) throws SQLException {
        return new Customer(new CustomerId(UUID.fromString(rs.getString("id"))), rs.getString("number"),
                rs.getString("email"), rs.getString("name"), rs.getString("company"), rs.getString("vat_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
