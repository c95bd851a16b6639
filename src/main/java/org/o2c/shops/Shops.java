package org.o2c.shops;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iban4j.BicUtil;
import org.iban4j.IbanUtil;
import org.o2c.audit.AuditLog;
import org.o2c.shared.Country;
import org.o2c.shared.PostalCodes;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shops of this install and their company settings. */
@Service
public class Shops {

    /** A shop as listed. */
    public record Shop(long id, String name) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    Shops(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public Shop create(String name) {
        Validation v = new Validation();
        String clean = v.text("name", name, 200, true);
        v.throwIfInvalid();
        jdbc.sql("INSERT INTO shops (name, created_at) VALUES (:name, :at)")
                .param("name", clean).param("at", Timestamp.from(clock.instant())).update();
        long id = jdbc.sql("SELECT MAX(id) FROM shops WHERE name = :name").param("name", clean).query(Long.class).single();
        audit.record(new ShopId(id), "shop.created", "shop", Long.toString(id), null, Map.of("name", clean));
        return new Shop(id, clean);
    }

    @Transactional(readOnly = true)
    public List<Shop> all() {
        return jdbc.sql("SELECT id, name FROM shops ORDER BY id").query((rs, i) -> new Shop(rs.getLong(1), rs.getString(2))).list();
    }

    @Transactional(readOnly = true)
    public boolean exists(ShopId shop) {
        return jdbc.sql("SELECT COUNT(*) FROM shops WHERE id = :id").param("id", shop.value()).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<CompanySettings> settings(ShopId shop) {
        return jdbc.sql("SELECT * FROM company_settings WHERE shop_id = :shop").param("shop", shop.value())
                .query((rs, i) -> new CompanySettings(rs.getString("name"), rs.getString("street"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("country"),
                        rs.getString("vat_id"), rs.getString("tax_number"), rs.getString("iban"), rs.getString("bic"),
                        rs.getString("email"), rs.getString("phone"), rs.getBoolean("small_business"),
                        rs.getBoolean("oss_enabled"),
                        CompanySettings.InvoiceTrigger.valueOf(rs.getString("invoice_trigger"))))
                .optional();
    }

    /** Validates and stores the company settings; every field that is wrong is named at once. */
    @Transactional
    public CompanySettings saveSettings(ShopId shop, CompanySettingsInput in) {
        Validation v = new Validation();
        String name = v.text("name", in.name(), 200, true);
        String street = v.text("street", in.street(), 200, true);
        String city = v.text("city", in.city(), 100, true);
        String country = v.text("country", in.country(), 2, true);
        if (country != null && !Country.isIso(country)) {
            v.reject("country", "must be an ISO 3166-1 alpha-2 code such as DE");
            country = null;
        }
        String postal = v.text("postalCode", in.postalCode(), 20, true);
        if (postal != null && country != null) {
            postal = PostalCodes.normalize(country, postal).orElse(null);
            if (postal == null) {
                v.reject("postalCode", "is not a postal code of " + country + exampleHint(country));
            }
        }
        String vatId = v.text("vatId", in.vatId(), 20, false);
        if (vatId != null) {
            vatId = vatId.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!vatId.matches("(ATU\\d{8}|DE\\d{9}|[A-Z]{2}[0-9A-Z+*]{2,13})")) {
                v.reject("vatId", "is not a VAT identification number");
            }
        }
        String taxNumber = v.text("taxNumber", in.taxNumber(), 30, false);
        String iban = v.text("iban", in.iban(), 42, false);
        if (iban != null) {
            iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!IbanUtil.isValid(iban)) {
                v.reject("iban", "is not a valid IBAN (check digits or length)");
            }
        }
        String bic = v.text("bic", in.bic(), 11, false);
        if (bic != null) {
            bic = bic.replace(" ", "").toUpperCase(Locale.ROOT);
            try {
                BicUtil.validate(bic);
            } catch (RuntimeException e) {
                v.reject("bic", "is not a valid BIC");
            }
        }
        String email = v.email("email", in.email(), false);
        String phone = v.text("phone", in.phone(), 50, false);
        CompanySettings.InvoiceTrigger trigger = CompanySettings.InvoiceTrigger.SHIPMENT;
        if (in.invoiceTrigger() != null) {
            try {
                trigger = CompanySettings.InvoiceTrigger.valueOf(in.invoiceTrigger());
            } catch (IllegalArgumentException e) {
                v.reject("invoiceTrigger", "must be SHIPMENT or APPROVAL");
            }
        }
        if (vatId == null && taxNumber == null && !v.has("vatId")) {
            v.reject("taxNumber", "a tax number or a VAT id is required on invoices (§ 14 Abs. 4 Nr. 2 UStG)");
        }
        v.throwIfInvalid();
        CompanySettings s = new CompanySettings(name, street, postal, city, country, vatId, taxNumber, iban, bic,
                email, phone, Boolean.TRUE.equals(in.smallBusiness()), Boolean.TRUE.equals(in.ossEnabled()), trigger);
        Optional<CompanySettings> before = settings(shop);
        jdbc.sql("DELETE FROM company_settings WHERE shop_id = :shop").param("shop", shop.value()).update();
        jdbc.sql("""
                INSERT INTO company_settings (shop_id, name, street, postal_code, city, country, vat_id, tax_number,
                    iban, bic, email, phone, small_business, oss_enabled, invoice_trigger, updated_at)
                VALUES (:shop, :name, :street, :postal, :city, :country, :vat, :tax, :iban, :bic, :email, :phone,
                    :small, :oss, :trigger, :at)""")
                .param("shop", shop.value()).param("name", s.name()).param("street", s.street())
                .param("postal", s.postalCode()).param("city", s.city()).param("country", s.country())
                .param("vat", s.vatId()).param("tax", s.taxNumber()).param("iban", s.iban()).param("bic", s.bic())
                .param("email", s.email()).param("phone", s.phone()).param("small", s.smallBusiness())
                .param("oss", s.ossEnabled()).param("trigger", s.invoiceTrigger().name())
                .param("at", Timestamp.from(clock.instant())).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.orElse(null));
        details.put("after", s);
        audit.record(shop, "company-settings.changed", "shop", shop.toString(), null, details);
        return s;
    }

    private static String exampleHint(String country) {
        String example = PostalCodes.example(country);
        return example == null ? "" : " (for example " + example + ")";
    }

    /** Company settings as they come in; strings so every bad field can be named. */
    public record CompanySettingsInput(String name, String street, String postalCode, String city, String country,
            String vatId, String taxNumber, String iban, String bic, String email, String phone,
            Boolean smallBusiness, Boolean ossEnabled, String invoiceTrigger) {}

    static void requireShop(boolean exists, long id) {
        if (!exists) {
            throw Problem.notFound("shop " + id);
        }
    }
}
