package org.o2c.invoicing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless document numbers per shop, series and year. The counter row stays locked until the
 * issuing transaction ends: concurrent issuers wait, and a rollback gives the number back.
 */
@Component
class NumberSeries {
    private static final Pattern COUNTER = Pattern.compile("\\{n(?::0(\\d+))?}");

    private final JdbcClient jdbc;

    NumberSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(ShopId shop, String series, int year, String format) {
        // The counter row exists after the first number of the year, so the update usually does it alone. Only the
        // first issuer of a year inserts it; a concurrent first issuer's insert does nothing and both then update,
        // one after the other. (Inserting first on every call let H2 raise and swallow a duplicate-key error each time.)
        if (increment(shop, series, year) == 0) {
            jdbc.sql("""
                    INSERT INTO invoice_number_counters (shop_id, series, number_year, last_number)
                    VALUES (:shop, :series, :year, 0) ON CONFLICT DO NOTHING""")
                    .param("shop", shop.value()).param("series", series).param("year", year).update();
            increment(shop, series, year);
        }
        long n = jdbc.sql("""
                SELECT last_number FROM invoice_number_counters
                WHERE shop_id = :shop AND series = :series AND number_year = :year""")
                .param("shop", shop.value()).param("series", series).param("year", year).query(Long.class).single();
        return format(format, year, n);
    }

    private int increment(ShopId shop, String series, int year) {
        return jdbc.sql("""
                UPDATE invoice_number_counters SET last_number = last_number + 1
                WHERE shop_id = :shop AND series = :series AND number_year = :year""")
                .param("shop", shop.value()).param("series", series).param("year", year).update();
    }

    /** {@code RE-{yyyy}-{n:05}} → {@code RE-2026-00042}. */
    static String format(String format, int year, long n) {
        String out = format.replace("{yyyy}", Integer.toString(year)).replace("{yy}", String.format("%02d", year % 100));
        Matcher m = COUNTER.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("number format needs {n}: " + format);
        }
        String digits = m.group(1) == null ? Long.toString(n) : String.format("%0" + m.group(1) + "d", n);
        return out.substring(0, m.start()) + digits + out.substring(m.end());
    }
}
