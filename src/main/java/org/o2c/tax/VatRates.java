package org.o2c.tax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.o2c.catalog.TaxCategory;
import org.o2c.shared.Country;
import org.o2c.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * The dated VAT rates of the EU member states per o2c tax category, read from
 * {@code tax/eu-vat-rates.csv} (see its header for sources and choices). A rate applies from its
 * valid-from day until the next row of the same country and category.
 */
final class VatRates {
    static final String RESOURCE = "/tax/eu-vat-rates.csv";
    /** Every country must have a rate for every category from this day on. */
    static final LocalDate COVERAGE_START = LocalDate.of(2025, 1, 1);

    record Row(String country, TaxCategory category, BigDecimal ratePercent, LocalDate validFrom, String source,
            String comment) {}

    private final Map<String, NavigableMap<LocalDate, Row>> rows;

    private VatRates(Map<String, NavigableMap<LocalDate, Row>> rows) {
        this.rows = rows;
    }

    /** The bundled table; a defect in it stops the application at start-up. */
    static VatRates load() {
        InputStream in = VatRates.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VatRates parse(List<String> lines) {
        Map<String, NavigableMap<LocalDate, Row>> rows = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = RESOURCE + " line " + (i + 1) + ": ";
            String[] f = line.split(";", 6);
            if (f.length < 5) {
                errors.add(where + "expected country;category;rate;valid_from;source;comment");
                continue;
            }
            try {
                String country = f[0].strip();
                if (!Country.isEu(country)) {
                    throw new IllegalArgumentException(country + " is not an EU member state");
                }
                TaxCategory category = TaxCategory.valueOf(f[1].strip());
                BigDecimal rate = new BigDecimal(f[2].strip());
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0 || rate.scale() > 2) {
                    throw new IllegalArgumentException("rate " + rate + " is not a percentage with at most two places");
                }
                LocalDate from = LocalDate.parse(f[3].strip());
                Row row = new Row(country, category, rate.setScale(2, RoundingMode.UNNECESSARY), from, f[4].strip(),
                        f.length > 5 ? f[5].strip() : "");
                if (rows.computeIfAbsent(key(country, category), k -> new TreeMap<>()).putIfAbsent(from, row) != null) {
                    throw new IllegalArgumentException(
                            "a second row for " + country + " " + category + " from " + from);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.add(where + e.getMessage());
            }
        }
        for (String country : Country.EU) {
            for (TaxCategory category : TaxCategory.values()) {
                NavigableMap<LocalDate, Row> dated = rows.get(key(country, category));
                if (dated == null || dated.firstKey().isAfter(COVERAGE_START)) {
                    errors.add(RESOURCE + ": no rate for " + country + " " + category + " from " + COVERAGE_START);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The VAT rate table is broken:\n" + String.join("\n", errors));
        }
        return new VatRates(Map.copyOf(rows));
    }

    Optional<Row> find(String country, TaxCategory category, LocalDate supplyDate) {
        NavigableMap<LocalDate, Row> dated = rows.get(key(country, category));
        return Optional.ofNullable(dated).map(d -> d.floorEntry(supplyDate)).map(Map.Entry::getValue);
    }

    /** The rate in percent (two places); a 422 problem when the table has none for that day. */
    BigDecimal rate(String country, TaxCategory category, LocalDate supplyDate) {
        return find(country, category, supplyDate).map(Row::ratePercent)
                .orElseThrow(() -> new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "vat-rate-unknown",
                        "VAT rate unknown", "o2c knows no " + category + " VAT rate of " + country + " for a supply on "
                                + supplyDate + " (the rate table starts " + COVERAGE_START + ")"));
    }

    /** Every row, for display and documentation. */
    List<Row> all() {
        return rows.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    private static String key(String country, TaxCategory category) {
        return country + "/" + category;
    }
}
