package org.o2c.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.o2c.shared.Country;
import org.o2c.shared.PostalCodes;
import org.o2c.shared.Sku;
import org.o2c.shared.Validation;

/**
 * Checks and normalises an incoming order: required fields, e-mail syntax, ISO country codes,
 * postal codes by the country's pattern, quantities and money scale. Every bad field is named.
 */
final class IntakeValidator {
    static final int MAX_LINES = 500;
    static final int MAX_QUANTITY = 10_000;
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IntakeValidator() {}

    /**
     * Collects the bad fields into {@code v} and answers what could be read; the caller adds its
     * own checks (unknown SKUs) and then throws, so one answer names every bad field.
     */
    static ValidIntake validate(OrderIntake in, Validation v) {
        String externalId = v.text("externalId", in.externalId(), 100, false);
        String channel = v.text("channel", in.channel(), 50, false);
        String email = null;
        String name = null;
        String company = null;
        String vatId = null;
        String buyerReference = null;
        if (in.customer() == null) {
            v.reject("customer", "is required");
        } else {
            email = v.email("customer.email", in.customer().email(), true);
            name = v.text("customer.name", in.customer().name(), 200, false);
            company = v.text("customer.company", in.customer().company(), 200, false);
            vatId = v.text("customer.vatId", in.customer().vatId(), 20, false);
            buyerReference = v.text("customer.buyerReference", in.customer().buyerReference(), 100, false);
            if (vatId != null) {
                vatId = vatId.replace(" ", "").toUpperCase(Locale.ROOT);
                if (!vatId.matches("[A-Z]{2}[0-9A-Z+*]{2,13}")) {
                    v.reject("customer.vatId", "is not a VAT identification number");
                }
            }
        }
        Order.PostalAddress billing = address(v, "billingAddress", in.billingAddress(), true);
        Order.PostalAddress shipping = in.shippingAddress() == null ? billing
                : address(v, "shippingAddress", in.shippingAddress(), true);
        if (name == null && billing != null) {
            name = billing.name();
        }

        Currency currency = v.currency("currency", in.currency());
        List<ValidIntake.ValidLine> lines = new ArrayList<>();
        if (in.lines() == null || in.lines().isEmpty()) {
            v.reject("lines", "at least one line is required");
        } else if (in.lines().size() > MAX_LINES) {
            v.reject("lines", "at most " + MAX_LINES + " lines");
        } else {
            for (int i = 0; i < in.lines().size(); i++) {
                OrderIntake.Line line = in.lines().get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    v.reject(at, "is empty");
                    continue;
                }
                boolean ok = true;
                if (!Sku.isValid(line.sku())) {
                    v.reject(at + ".sku", line.sku() == null ? "is required" : "is not a valid SKU");
                    ok = false;
                }
                if (line.quantity() == null) {
                    v.reject(at + ".quantity", "is required");
                    ok = false;
                } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                    v.reject(at + ".quantity", "must be between 1 and " + MAX_QUANTITY);
                    ok = false;
                }
                BigDecimal unitPrice = v.money(at + ".unitPrice", line.unitPrice(), 2, false);
                if (ok && !v.has(at + ".unitPrice")) {
                    lines.add(new ValidIntake.ValidLine(i, new Sku(line.sku()), line.quantity(), unitPrice));
                }
            }
        }
        BigDecimal shippingCost = v.money("shippingCost", in.shippingCost(), 2, false);
        PaymentMethod method = null;
        if (in.paymentMethod() == null || in.paymentMethod().isBlank()) {
            v.reject("paymentMethod", "is required");
        } else {
            try {
                method = PaymentMethod.valueOf(in.paymentMethod().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.reject("paymentMethod", "must be one of " + java.util.Arrays.toString(PaymentMethod.values()));
            }
        }
        String ip = null;
        String device = null;
        String agent = null;
        if (in.client() != null) {
            ip = v.text("client.ip", in.client().ip(), 45, false);
            if (ip != null && !IPV4.matcher(ip).matches() && !(ip.contains(":") && IPV6.matcher(ip).matches())) {
                v.reject("client.ip", "is not an IPv4 or IPv6 address");
            }
            device = v.text("client.deviceId", in.client().deviceId(), 200, false);
            agent = v.text("client.userAgent", in.client().userAgent(), 500, false);
        }
        String language = v.text("language", in.language(), 2, false);
        if (language != null && !language.matches("de|en")) {
            v.reject("language", "must be de or en");
        }
        if (language == null && billing != null) {
            // German for the German-speaking countries, English for everyone else.
            language = java.util.Set.of("DE", "AT", "CH", "LI").contains(billing.country()) ? "de" : "en";
        }
        String carrier = v.text("carrier", in.carrier(), 20, false);
        if (carrier != null) {
            carrier = carrier.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (!carrier.matches("[A-Z0-9_]{2,20}")) {
                v.reject("carrier", "use a carrier code such as DHL, DPD, GLS, UPS or HERMES");
            }
        }
        return new ValidIntake(externalId, channel == null ? "api" : channel, email, name, company, vatId,
                buyerReference, billing,
                shipping, lines, shippingCost == null ? BigDecimal.ZERO : shippingCost, method, currency, ip, device,
                agent, language, carrier);
    }

    static Order.PostalAddress address(Validation v, String at, OrderIntake.Address a, boolean required) {
        if (a == null) {
            if (required) {
                v.reject(at, "is required");
            }
            return null;
        }
        String name = collapse(v.text(at + ".name", a.name(), 200, true));
        String company = collapse(v.text(at + ".company", a.company(), 200, false));
        String street = collapse(v.text(at + ".street", a.street(), 200, true));
        String street2 = collapse(v.text(at + ".street2", a.street2(), 200, false));
        String city = collapse(v.text(at + ".city", a.city(), 100, true));
        String country = v.text(at + ".country", a.country(), 2, true);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!Country.isIso(country)) {
                v.reject(at + ".country", "is not an ISO 3166-1 alpha-2 country code");
                country = null;
            }
        }
        String postal = v.text(at + ".postalCode", a.postalCode(), 20, true);
        if (postal != null && country != null) {
            String normalized = PostalCodes.normalize(country, postal).orElse(null);
            if (normalized == null) {
                String example = PostalCodes.example(country);
                v.reject(at + ".postalCode", "is not a postal code of " + country
                        + (example == null ? "" : " (for example " + example + ")"));
            }
            postal = normalized;
        }
        if (name == null || street == null || city == null || country == null || postal == null) {
            return null;
        }
        return new Order.PostalAddress(name, company, street, street2, postal, city, country);
    }

    private static String collapse(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ");
    }
}
