package org.o2c.fulfillment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.o2c.orders.Order;
import org.o2c.shared.Validation;

/**
 * An o2c postal address as DHL's Parcel DE Shipping API wants it: name lines of at most 50 characters
 * (longer names are cut, not refused), street and house number apart where the number follows the
 * street, the country as ISO 3166-1 alpha-3. What cannot be cut without losing the parcel (street, city,
 * postal code) is refused naming the field.
 */
final class DhlAddress {
    static final int NAME_MAX = 50;
    static final int STREET_MAX = 50;
    static final int HOUSE_MAX = 10;
    static final int CITY_MAX = 40;
    static final int POSTAL_CODE_MIN = 3;
    static final int POSTAL_CODE_MAX = 10;
    static final int ADDITIONAL_MAX = 60;

    /** Countries whose addresses write the house number after the street. */
    private static final Set<String> NUMBER_AFTER_STREET = Set.of("DE", "AT", "CH", "LI");

    /**
     * The street, then a separator (space, comma, or nothing after an abbreviating dot), then the house
     * number: digits with an optional letter, optionally a range or fraction ({@code 12-14}, {@code 1/2}).
     */
    private static final Pattern STREET_NUMBER = Pattern.compile(
            "^(.+?)(?:\\s*,\\s*|\\s+|(?<=\\.))(\\d{1,5}(?:\\s?[a-zA-Z](?![a-zA-Z]))?(?:\\s?[-/]\\s?\\d{1,5}(?:\\s?[a-zA-Z](?![a-zA-Z]))?)?)$");

    private DhlAddress() {}

    /** A street line taken apart; {@code number} is null when the line has none o2c can tell. */
    record StreetAndNumber(String street, String number) {}

    static StreetAndNumber split(String line, String country) {
        String s = line == null ? "" : line.strip().replaceAll("\\s+", " ");
        if (!NUMBER_AFTER_STREET.contains(country)) {
            return new StreetAndNumber(s, null);
        }
        Matcher m = STREET_NUMBER.matcher(s);
        if (!m.matches()) {
            return new StreetAndNumber(s, null);
        }
        String number = m.group(2).replace(" ", "");
        if (number.length() > HOUSE_MAX) {
            return new StreetAndNumber(s, null);
        }
        return new StreetAndNumber(m.group(1).strip(), number);
    }

    /** ISO 3166-1 alpha-3 for an alpha-2 code ({@code DE} is {@code DEU}); null when there is none. */
    static String iso3(String alpha2) {
        if (alpha2 == null || alpha2.length() != 2) {
            return null;
        }
        try {
            String code = new Locale.Builder().setRegion(alpha2).build().getISO3Country();
            return code.isEmpty() ? null : code;
        } catch (MissingResourceException | java.util.IllformedLocaleException e) {
            return null;
        }
    }

    /** Cuts to at most {@code max} characters, at a word boundary when one is near enough. */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max);
        return (space > max / 2 ? t.substring(0, space) : t.substring(0, max)).strip();
    }

    /**
     * The recipient as a DHL {@code ContactAddress}. A company goes first (name1) with the person in
     * name2; within Germany a second street line goes into name3, because DHL prints its
     * additionalAddressInformation lines on international labels only.
     */
    static Map<String, Object> consignee(Order.PostalAddress to, Validation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean company = to.company() != null && !to.company().isBlank();
        m.put("name1", cut(company ? to.company() : to.name(), NAME_MAX));
        if (company) {
            m.put("name2", cut(to.name(), NAME_MAX));
        }
        boolean domestic = "DE".equals(to.country());
        if (to.street2() != null && !to.street2().isBlank()) {
            if (domestic) {
                m.put(company ? "name3" : "name2", cut(to.street2(), NAME_MAX));
            } else {
                m.put("additionalAddressInformation1", cut(to.street2(), ADDITIONAL_MAX));
            }
        }
        place(m, "shipTo", to.street(), to.postalCode(), to.city(), to.country(), v);
        return m;
    }

    /** The shop as DHL's {@code Shipper}, from the company settings. */
    static Map<String, Object> shipper(LabelPdf.Sender from, Validation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (from.name() == null || from.name().isBlank()) {
            v.reject("sender.name", "set the company name in the company settings: DHL prints it as the sender");
        }
        m.put("name1", cut(from.name(), NAME_MAX));
        place(m, "sender", from.street(), from.postalCode(), from.city(), from.country(), v);
        return m;
    }

    private static void place(Map<String, Object> m, String at, String street, String postalCode, String city,
            String country, Validation v) {
        if (street == null || street.isBlank()) {
            v.reject(at + ".street", "is required for a DHL label");
        } else {
            StreetAndNumber sn = split(street, country);
            if (sn.street().length() > STREET_MAX) {
                v.reject(at + ".street", "DHL takes at most " + STREET_MAX + " characters for the street");
            }
            m.put("addressStreet", sn.street());
            if (sn.number() != null) {
                m.put("addressHouse", sn.number());
            }
        }
        String pc = postalCode == null ? null : postalCode.strip();
        if (pc == null || pc.length() < POSTAL_CODE_MIN || pc.length() > POSTAL_CODE_MAX) {
            v.reject(at + ".postalCode", "DHL needs " + POSTAL_CODE_MIN + " to " + POSTAL_CODE_MAX + " characters");
        } else {
            m.put("postalCode", pc);
        }
        if (city == null || city.isBlank()) {
            v.reject(at + ".city", "is required for a DHL label");
        } else if (city.strip().length() > CITY_MAX) {
            v.reject(at + ".city", "DHL takes at most " + CITY_MAX + " characters for the city");
        } else {
            m.put("city", city.strip());
        }
        String iso3 = iso3(country);
        if (iso3 == null) {
            v.reject(at + ".country", "is not an ISO 3166 country code");
        } else {
            m.put("country", iso3);
        }
    }
}
