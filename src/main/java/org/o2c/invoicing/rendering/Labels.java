package org.o2c.invoicing.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.o2c.shared.Money;

/**
 * The words and number formats of one language on the invoice: German, or English for everything else.
 * Labels live in {@code invoicing/pdf/labels_<lang>.properties} (UTF-8).
 */
final class Labels {

    private static final Map<String, Labels> LANGUAGES = Map.of(
            "de", new Labels("de", Locale.GERMANY, DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY)),
            "en", new Labels("en", Locale.UK, DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));

    private final String language;
    private final Locale locale;
    private final DateTimeFormatter dates;
    private final Map<String, String> texts;

    private Labels(String language, Locale locale, DateTimeFormatter dates) {
        this.language = language;
        this.locale = locale;
        this.dates = dates;
        this.texts = load("invoicing/pdf/labels_" + language + ".properties");
    }

    /** German for “de”, English for anything else. */
    static Labels of(String language) {
        return LANGUAGES.getOrDefault(language == null ? "en" : language.toLowerCase(Locale.ROOT), LANGUAGES.get("en"));
    }

    String language() {
        return language;
    }

    Map<String, String> all() {
        return texts;
    }

    /** The text for {@code key} with {0}, {1}, … replaced by {@code args}. */
    String get(String key, String... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no invoice label " + key + " in " + language);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", args[i]);
        }
        return text;
    }

    String getOrDefault(String key, String fallback) {
        return texts.getOrDefault(key, fallback);
    }

    String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    /** “1.234,56 €” or “€1,234.56”: two places, the currency's symbol. */
    String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int places = money.minorUnits();
        format.setMinimumFractionDigits(places);
        format.setMaximumFractionDigits(places);
        return format.format(money.rounded().amount());
    }

    /** A unit price: two places when it has no more, else four (“18,6916 €”, “11,2150 €”). */
    String unitPrice(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int places = money.amount().stripTrailingZeros().scale() <= money.minorUnits() ? money.minorUnits()
                : Math.max(4, money.minorUnits());
        format.setMinimumFractionDigits(places);
        format.setMaximumFractionDigits(places);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(money.amount());
    }

    /** A quantity without trailing zeros: “2”, “1,5”. */
    String quantity(BigDecimal quantity) {
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(locale));
        return format.format(quantity);
    }

    /** A VAT rate: “19 %” in German, “19%” in English. */
    String rate(BigDecimal rate) {
        String number = quantity(rate);
        return "de".equals(language) ? number + "\u00a0%" : number + "%";
    }

    String unit(String unitCode) {
        return getOrDefault("unit." + unitCode, unitCode);
    }

    String countryName(String isoCode) {
        return new Locale("", isoCode).getDisplayCountry(locale);
    }

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((k, v) -> texts.put((String) k, (String) v));
        return Map.copyOf(texts);
    }
}
