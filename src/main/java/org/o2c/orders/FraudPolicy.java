package org.o2c.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.o2c.shared.PostalCodes;

/**
 * Quiet fraud signals combined into one score. No single signal holds an order: an honest buyer
 * with one oddity (a gift to another country, a throw-away address) never notices anything; only
 * signals that add up to the threshold put the order on hold for the customer to confirm.
 */
final class FraudPolicy {
    static final int FIRST_ORDER_HIGH_VALUE = 30;
    static final int COUNTRY_MISMATCH = 20;
    static final int MANY_ORDERS = 30;
    static final int DISPOSABLE_EMAIL = 35;
    static final int UNKNOWN_POSTAL_CODE = 30;
    static final int POSTAL_CODE_CITY_MISMATCH = 25;

    /** What the policy needs to know besides the order itself. */
    record Context(boolean firstOrder, BigDecimal highValue, int recentByEmail, int recentByIp, int recentByDevice,
            int velocityMax, int windowMinutes) {}

    private static final Set<String> DISPOSABLE = loadDisposableDomains();

    private FraudPolicy() {}

    static List<Order.FraudSignal> assess(ValidIntake order, BigDecimal gross, Context ctx) {
        List<Order.FraudSignal> signals = new ArrayList<>();
        if (ctx.firstOrder() && gross.compareTo(ctx.highValue()) >= 0) {
            signals.add(new Order.FraudSignal("FIRST_ORDER_HIGH_VALUE", FIRST_ORDER_HIGH_VALUE,
                    "first order of this customer with a high value (" + gross.toPlainString() + ")"));
        }
        if (!order.billing().country().equals(order.shipping().country())) {
            signals.add(new Order.FraudSignal("COUNTRY_MISMATCH", COUNTRY_MISMATCH,
                    "billing country " + order.billing().country() + " differs from shipping country "
                            + order.shipping().country()));
        }
        int most = Math.max(ctx.recentByEmail(), Math.max(ctx.recentByIp(), ctx.recentByDevice()));
        if (most >= ctx.velocityMax()) {
            String by = ctx.recentByEmail() == most ? "this e-mail address"
                    : ctx.recentByIp() == most ? "this IP address" : "this device";
            signals.add(new Order.FraudSignal("MANY_ORDERS", MANY_ORDERS,
                    most + " earlier orders from " + by + " within " + ctx.windowMinutes() + " minutes"));
        }
        if (isDisposable(order.email())) {
            signals.add(new Order.FraudSignal("DISPOSABLE_EMAIL", DISPOSABLE_EMAIL,
                    "the e-mail address belongs to a throw-away mail service"));
        }
        addressSignals(signals, "billing", order.billing());
        if (!order.shipping().equals(order.billing())) {
            addressSignals(signals, "shipping", order.shipping());
        }
        return signals;
    }

    private static void addressSignals(List<Order.FraudSignal> signals, String which, Order.PostalAddress a) {
        if (!PostalCodes.hasDataset(a.country())) {
            return;
        }
        if (!PostalCodes.exists(a.country(), a.postalCode())) {
            signals.add(new Order.FraudSignal("UNKNOWN_POSTAL_CODE", UNKNOWN_POSTAL_CODE,
                    "the " + which + " postal code " + a.postalCode() + " does not exist in " + a.country()));
        } else if (!PostalCodes.cityFits(a.country(), a.postalCode(), a.city())) {
            signals.add(new Order.FraudSignal("POSTAL_CODE_CITY_MISMATCH", POSTAL_CODE_CITY_MISMATCH,
                    "the " + which + " postal code " + a.postalCode() + " belongs to "
                            + String.join(", ", PostalCodes.placesOf(a.country(), a.postalCode())) + ", not " + a.city()));
        }
    }

    /** The domain or any parent domain (down to two labels) is a known throw-away service. */
    static boolean isDisposable(String email) {
        String domain = email.substring(email.indexOf('@') + 1);
        while (domain.indexOf('.') > 0) {
            if (DISPOSABLE.contains(domain)) {
                return true;
            }
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return false;
    }

    static int score(List<Order.FraudSignal> signals) {
        return signals.stream().mapToInt(Order.FraudSignal::points).sum();
    }

    private static Set<String> loadDisposableDomains() {
        var in = FraudPolicy.class.getResourceAsStream("/fraud/disposable-email-domains.txt");
        if (in == null) {
            throw new IllegalStateException("fraud/disposable-email-domains.txt missing from the classpath");
        }
        Set<String> out = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Set.copyOf(out);
    }
}
