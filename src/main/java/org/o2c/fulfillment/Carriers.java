package org.o2c.fulfillment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Carrier codes and each carrier's own public tracking page. */
final class Carriers {
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,20}");
    static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9-]{4,64}");

    private static final Map<String, String> PAGES = Map.of(
            "DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=",
            "DPD", "https://tracking.dpd.de/status/de_DE/parcel/",
            "GLS", "https://gls-group.com/DE/de/paketverfolgung?match=",
            "HERMES", "https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#",
            "UPS", "https://www.ups.com/track?tracknum=",
            "DEUTSCHE_POST", "https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode=");

    /**
     * The heaviest parcel a carrier takes at all, whatever the product (DHL Paket: 31.5 kg); carriers not
     * listed are not checked.
     */
    static final Map<String, Integer> MAX_WEIGHT_GRAMS = Map.of("DHL", 31_500);

    private Carriers() {}

    static String normalize(String carrier) {
        return carrier == null ? null : carrier.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** Tracking numbers are printed with spaces for reading; o2c keeps them without. */
    static String normalizeTrackingNumber(String number) {
        return number == null ? null : number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The carrier's own tracking page for the number, or null for a carrier o2c does not know. */
    static String trackingPage(String carrier, String trackingNumber) {
        String base = PAGES.get(carrier);
        return base == null ? null : base + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8);
    }
}
