package org.o2c.fulfillment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.o2c.audit.AuditLog;
import org.o2c.audit.DocumentArchive;
import org.o2c.orders.Order;
import org.o2c.orders.OrderIntake;
import org.o2c.orders.Orders;
import org.o2c.shared.Actor;
import org.o2c.shared.LinkSigner;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.o2c.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels leaving and travelling: dispatch issues the stock and ships the order in one transaction;
 * carrier scans move the parcel's status; before hand-over the customer may correct the address or
 * leave a delivery preference.
 */
@Service
public class Shipments {
    static final String LINK_PURPOSE = "tracking";

    /** What the packer reports when the parcel leaves. */
    public record Dispatch(String carrier, String trackingNumber, Integer weightGrams, String carton,
            String weightCheckOverride) {}

    /** The outcome of dispatch: the shipment, and whether this call created it (false: the same parcel again). */
    public record Dispatched(Shipment shipment, boolean created) {}

    /** One tracking event as carriers and the API report it; times ISO-8601 with offset, dates ISO. */
    public record TrackingUpdate(String trackingNumber, String status, String occurredAt, String location,
            String description, String expectedDelivery) {}

    /** The outcome of a tracking event: false when the same event was already known. */
    public record Tracked(Shipment shipment, boolean recorded) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Orders orders;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final LinkSigner links;
    private final ShippingSettings settings;
    private final Packing packing;

    private final DocumentArchive archive;

    Shipments(JdbcClient jdbc, Clock clock, Orders orders, AuditLog audit, ApplicationEventPublisher events,
            LinkSigner links, ShippingSettings settings, Packing packing, DocumentArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.clock = clock;
        this.orders = orders;
        this.audit = audit;
        this.events = events;
        this.links = links;
        this.settings = settings;
        this.packing = packing;
    }

    /**
     * Records that the order's parcel left: checks its weight against what should be inside, issues the
     * stock, ships the order and tells the customer. The same tracking number again answers the shipment
     * it already made.
     */
    @Transactional
    public Dispatched dispatch(ShopId shop, OrderId orderId, Dispatch in) {
        Order order = orders.get(shop, orderId);
        Validation v = new Validation();
        String carrier = Carriers.normalize(v.text("carrier", in.carrier(), 20, true));
        if (carrier != null && !Carriers.CODE.matcher(carrier).matches()) {
            v.reject("carrier", "use a carrier code such as DHL, DPD, GLS, UPS or HERMES");
            carrier = null;
        }
        String tracking = Carriers.normalizeTrackingNumber(v.text("trackingNumber", in.trackingNumber(), 80, true));
        if (tracking != null && !Carriers.TRACKING_NUMBER.matcher(tracking).matches()) {
            v.reject("trackingNumber", "must be 4 to 64 letters, digits or '-'");
            tracking = null;
        }
        if (in.weightGrams() != null && (in.weightGrams() < 1 || in.weightGrams() > 1_000_000)) {
            v.reject("weightGrams", "must be between 1 and 1000000");
        } else if (in.weightGrams() != null && carrier != null && Carriers.MAX_WEIGHT_GRAMS.containsKey(carrier)
                && in.weightGrams() > Carriers.MAX_WEIGHT_GRAMS.get(carrier)) {
            v.reject("weightGrams", "the parcel weighs " + in.weightGrams() + " g; " + carrier + " takes at most "
                    + Carriers.MAX_WEIGHT_GRAMS.get(carrier) + " g per parcel");
        }
        String override = v.text("weightCheckOverride", in.weightCheckOverride(), 500, false);
        v.throwIfInvalid();

        Optional<Shipment> same = byTrackingNumber(shop, carrier, tracking);
        if (same.isPresent()) {
            return sameParcel(same.get(), orderId, order);
        }
        Packing.Checked packed = packing.check(shop, order, in.carton(), in.weightGrams(), override);
        // Locks the order: a second dispatch of the same order waits here and then sees this one's shipment.
        orders.ship(shop, orderId, "shipped with " + carrier + " " + tracking);
        Optional<Shipment> earlier = forOrder(shop, orderId).stream().findFirst();
        if (earlier.isPresent()) {
            return sameParcel(earlier.get(), orderId, order, tracking);
        }

        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, TimeConfiguration.BUSINESS_ZONE);
        LocalDate expected = addWorkingDays(today, settings.transitDays());
        String id = UUID.randomUUID().toString();
        LinkSigner.Signature sig = links.sign(LINK_PURPOSE, id, Duration.ofDays(settings.linkValidityDays()));
        Order.PostalAddress to = order.shippingAddress() != null ? order.shippingAddress() : order.billingAddress();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("shop", shop.value());
        row.put("order", orderId.toString());
        row.put("number", order.number());
        row.put("carrier", carrier);
        row.put("tracking", tracking);
        row.put("weight", in.weightGrams());
        row.put("carton", packed.cartonCode());
        row.put("status", TrackingStatus.LABEL_CREATED.name());
        row.put("shippedOn", today);
        row.put("expected", expected);
        row.put("email", order.email());
        row.put("name", order.customerName());
        row.put("language", order.language());
        address(row, to);
        row.put("preference", DeliveryPreference.NONE.name());
        row.put("exp", sig.expires());
        row.put("sig", sig.sig());
        row.put("now", Timestamp.from(now));
        jdbc.sql("""
                INSERT INTO shipments (id, shop_id, order_id, order_number, carrier, tracking_number, weight_grams,
                    carton_code, status, shipped_on, expected_delivery, recipient_email, recipient_name,
                    recipient_language, ship_name, ship_company, ship_street, ship_street2, ship_postal_code, ship_city,
                    ship_country, delivery_preference, link_expires, link_sig, created_at, updated_at)
                VALUES (:id, :shop, :order, :number, :carrier, :tracking, :weight, :carton, :status, :shippedOn,
                    :expected, :email, :name, :language, :shipName, :shipCompany, :shipStreet, :shipStreet2,
                    :shipPostal, :shipCity, :shipCountry, :preference, :exp, :sig, :now, :now)""")
                .params(row).update();
        insertEvent(shop, id, TrackingStatus.LABEL_CREATED, now, null, "parcel packed and labelled", null, "o2c");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("order", order.number());
        details.put("carrier", carrier);
        details.put("trackingNumber", tracking);
        details.put("weightGrams", in.weightGrams());
        details.put("carton", packed.cartonCode());
        details.put("expectedWeightGrams", packed.expectedGrams());
        audit.record(shop, "shipment.dispatched", "shipment", id, override, details);
        Shipment shipment = get(shop, id);
        events.publishEvent(new ShipmentDispatched(shop, id, orderId, order.number(), carrier, tracking, expected,
                shipment.recipient(), trackingUrl(id)));
        return new Dispatched(shipment, true);
    }

    private Dispatched sameParcel(Shipment existing, OrderId orderId, Order order) {
        if (!existing.orderId().equals(orderId)) {
            throw Problem.conflict("tracking-number-in-use", "Tracking number already used",
                    existing.carrier() + " " + existing.trackingNumber() + " is the parcel of order " + existing.orderNumber());
        }
        return new Dispatched(existing, false);
    }

    private Dispatched sameParcel(Shipment existing, OrderId orderId, Order order, String tracking) {
        if (!existing.trackingNumber().equals(tracking)) {
            throw Problem.conflict("already-shipped", "Order already shipped", "order " + order.number()
                    + " left as " + existing.carrier() + " " + existing.trackingNumber());
        }
        return sameParcel(existing, orderId, order);
    }

    /** The signed public tracking page of a shipment; the same link every time it is asked for. */
    public String trackingUrl(String shipmentId) {
        var link = jdbc.sql("SELECT link_expires, link_sig, recipient_language FROM shipments WHERE id = :id")
                .param("id", shipmentId)
                .query((rs, i) -> new LinkSigner.Signature(rs.getLong(1), rs.getString(2)).query() + "&lang="
                        + rs.getString(3).trim()).single();
        // The page speaks the customer's language (the order's), whatever the browser prefers.
        return settings.baseUrl() + "/portal/tracking/" + shipmentId + "?" + link;
    }

    boolean verifyLink(String shipmentId, long expires, String sig) {
        return links.verify(LINK_PURPOSE, shipmentId, expires, sig);
    }

    /** Monday to Friday; public holidays differ by state and are left to the carrier's own estimate. */
    static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    // ---- tracking ----

    /**
     * Records a carrier's scan. The parcel's status follows the newest scan until it is delivered or
     * back; the same scan twice is stored once. A later expected date, or a failed attempt, is a delay.
     */
    @Transactional
    public Tracked track(ShopId shop, String shipmentId, TrackingUpdate in, String origin) {
        Shipment before = lock(shop, shipmentId);
        Validation v = new Validation();
        TrackingStatus status = null;
        String statusText = v.text("status", in.status(), 30, true);
        if (statusText != null) {
            try {
                status = TrackingStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.reject("status", "must be one of " + java.util.Arrays.toString(TrackingStatus.values()));
            }
        }
        Instant at = clock.instant();
        String atText = v.text("occurredAt", in.occurredAt(), 40, false);
        if (atText != null) {
            try {
                at = OffsetDateTime.parse(atText).toInstant();
            } catch (DateTimeParseException e) {
                v.reject("occurredAt", "must be a timestamp with offset such as 2026-11-26T14:05:00+01:00");
            }
        }
        LocalDate expected = null;
        String expectedText = v.text("expectedDelivery", in.expectedDelivery(), 10, false);
        if (expectedText != null) {
            try {
                expected = LocalDate.parse(expectedText);
            } catch (DateTimeParseException e) {
                v.reject("expectedDelivery", "must be a date such as 2026-11-28");
            }
        }
        String place = v.text("location", in.location(), 200, false);
        String description = v.text("description", in.description(), 500, false);
        v.throwIfInvalid();
        // As stored: the database keeps fewer fractional digits (and H2 rounds), which the comparison below must see.
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        if (!insertEvent(shop, shipmentId, status, at, place, description, expected, origin)) {
            return new Tracked(before, false);
        }
        Instant newest = jdbc.sql("SELECT MAX(occurred_at) FROM shipment_events WHERE shipment_id = :id")
                .param("id", shipmentId).query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
        TrackingStatus to = before.status();
        if (!before.status().isFinal() && !at.isBefore(newest)) {
            to = status;
        }
        LocalDate expectedNow = expected != null && to != TrackingStatus.DELIVERED ? expected : before.expectedDelivery();
        boolean delayed = (expectedNow.isAfter(before.expectedDelivery()))
                || (to == TrackingStatus.DELIVERY_FAILED && before.status() != TrackingStatus.DELIVERY_FAILED);
        jdbc.sql("UPDATE shipments SET status = :s, expected_delivery = :e, updated_at = :now WHERE id = :id")
                .param("s", to.name()).param("e", expectedNow).param("now", Timestamp.from(clock.instant()))
                .param("id", shipmentId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("event", status.name());
        details.put("occurredAt", at.toString());
        details.put("from", before.status().name());
        details.put("to", to.name());
        details.put("expectedDelivery", expectedNow.toString());
        details.put("origin", origin);
        String actor = "api".equals(origin) ? Actor.current() : "carrier:" + before.carrier() + " (" + origin + ")";
        audit.recordAs(actor, shop, "shipment.tracked", "shipment", shipmentId, description, details);
        if (to != before.status() || delayed) {
            events.publishEvent(new ShipmentStatusChanged(shop, shipmentId, before.orderId(), before.orderNumber(),
                    before.carrier(), before.trackingNumber(), before.status(), to, expectedNow, delayed,
                    before.recipient(), trackingUrl(shipmentId)));
        }
        return new Tracked(get(shop, shipmentId), true);
    }

    private boolean insertEvent(ShopId shop, String shipmentId, TrackingStatus status, Instant at, String place,
            String description, LocalDate expected, String origin) {
        return jdbc.sql("""
                INSERT INTO shipment_events (shop_id, shipment_id, status, occurred_at, place, description,
                    expected_delivery, origin, recorded_at)
                VALUES (:shop, :id, :status, :at, :place, :description, :expected, :origin, :now)
                ON CONFLICT DO NOTHING""")
                .param("shop", shop.value()).param("id", shipmentId).param("status", status.name())
                .param("at", Timestamp.from(at)).param("place", place).param("description", description)
                .param("expected", expected).param("origin", origin).param("now", Timestamp.from(clock.instant()))
                .update() > 0;
    }

    // ---- the customer's changes before hand-over ----

    /** The customer corrects the address before the carrier has the parcel; the country stays. */
    @Transactional
    public Shipment correctAddress(ShopId shop, String shipmentId, OrderIntake.Address address, String actor) {
        Shipment s = lock(shop, shipmentId);
        Validation v = new Validation();
        Order.PostalAddress to = Orders.validAddress(v, "address", address);
        if (to != null && !to.country().equals(s.shipTo().country())) {
            v.reject("address.country", "cannot change: the parcel is labelled for " + s.shipTo().country());
        }
        v.throwIfInvalid();
        requireChangeable(shop, s);
        Map<String, Object> row = new LinkedHashMap<>();
        address(row, to);
        row.put("id", shipmentId);
        row.put("now", Timestamp.from(clock.instant()));
        jdbc.sql("""
                UPDATE shipments SET ship_name = :shipName, ship_company = :shipCompany, ship_street = :shipStreet,
                    ship_street2 = :shipStreet2, ship_postal_code = :shipPostal, ship_city = :shipCity, updated_at = :now
                WHERE id = :id""").params(row).update();
        audit.recordAs(actor, shop, "shipment.address-corrected", "shipment", shipmentId, null,
                Map.of("from", oneLine(s.shipTo()), "to", oneLine(to)));
        return get(shop, shipmentId);
    }

    /** The customer says where the parcel may go when nobody is at home. */
    @Transactional
    public Shipment choosePreference(ShopId shop, String shipmentId, String preferenceText, String detailText,
            String actor) {
        Shipment s = lock(shop, shipmentId);
        Validation v = new Validation();
        DeliveryPreference preference = null;
        String p = v.text("preference", preferenceText, 20, true);
        if (p != null) {
            try {
                preference = DeliveryPreference.valueOf(p.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.reject("preference", "must be NONE, NEIGHBOUR, SAFE_PLACE or PARCEL_SHOP");
            }
        }
        String detail = v.text("detail", detailText, 200, preference != null && preference != DeliveryPreference.NONE);
        v.throwIfInvalid();
        requireChangeable(shop, s);
        jdbc.sql("UPDATE shipments SET delivery_preference = :p, preference_detail = :d, updated_at = :now WHERE id = :id")
                .param("p", preference.name()).param("d", preference == DeliveryPreference.NONE ? null : detail)
                .param("now", Timestamp.from(clock.instant())).param("id", shipmentId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("preference", preference.name());
        details.put("detail", detail);
        audit.recordAs(actor, shop, "shipment.preference-chosen", "shipment", shipmentId, null, details);
        return get(shop, shipmentId);
    }

    private void requireChangeable(ShopId shop, Shipment s) {
        if (!s.status().allowsChanges()) {
            throw Problem.conflict("handed-over", "Parcel already handed over",
                    "the parcel is with " + s.carrier() + " (" + s.status() + "): only the carrier can still change it");
        }
        if (carrierLabelled(shop, s.id())) {
            throw Problem.conflict("carrier-label-booked", "Label already booked with the carrier",
                    "the parcel carries " + s.carrier() + "'s label with the address booked there: the shop changes it with "
                            + s.carrier());
        }
    }

    /**
     * Whether the carrier booked this parcel and printed its own label (DHL): that label, already on the parcel,
     * carries the address and goes with the carrier's data, so a change here would not reach the parcel.
     * o2c's generic label is drawn from the shipment as it is now and follows every change.
     */
    public boolean carrierLabelled(ShopId shop, String shipmentId) {
        return archive.find(shop, "shipment", shipmentId, ShippingLabels.LABEL_KIND).isPresent();
    }

    private static String oneLine(Order.PostalAddress a) {
        return a.name() + ", " + a.street() + (a.street2() == null ? "" : ", " + a.street2()) + ", "
                + a.postalCode() + " " + a.city() + ", " + a.country();
    }

    // ---- queries ----

    @Transactional(readOnly = true)
    public Shipment get(ShopId shop, String id) {
        return find(shop, id).orElseThrow(() -> Problem.notFound("shipment " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Shipment> find(ShopId shop, String id) {
        return jdbc.sql("SELECT * FROM shipments WHERE id = :id AND shop_id = :shop")
                .param("id", id).param("shop", shop.value()).query(this::shipment).optional();
    }

    @Transactional(readOnly = true)
    public List<Shipment> forOrder(ShopId shop, OrderId order) {
        return jdbc.sql("SELECT * FROM shipments WHERE shop_id = :shop AND order_id = :o ORDER BY created_at")
                .param("shop", shop.value()).param("o", order.toString()).query(this::shipment).list();
    }

    @Transactional(readOnly = true)
    public Optional<Shipment> byTrackingNumber(ShopId shop, String carrier, String trackingNumber) {
        return jdbc.sql("SELECT * FROM shipments WHERE shop_id = :shop AND carrier = :c AND tracking_number = :t")
                .param("shop", shop.value()).param("c", Carriers.normalize(carrier))
                .param("t", Carriers.normalizeTrackingNumber(trackingNumber)).query(this::shipment).optional();
    }

    /** Newest shipments first. */
    @Transactional(readOnly = true)
    public List<Shipment> recent(ShopId shop, int limit) {
        return jdbc.sql("SELECT * FROM shipments WHERE shop_id = :shop ORDER BY created_at DESC LIMIT :limit")
                .param("shop", shop.value()).param("limit", limit).query(this::shipment).list();
    }

    /** The shop a shipment belongs to, for public pages reached by a signed link. */
    Optional<ShopId> shopOf(String shipmentId) {
        return jdbc.sql("SELECT shop_id FROM shipments WHERE id = :id").param("id", shipmentId)
                .query((rs, i) -> new ShopId(rs.getLong(1))).optional();
    }

    /** Parcels still on their way with a carrier, across shops or of the shops named (for polling adapters). */
    List<Map.Entry<ShopId, Shipment>> onTheWay(String carrier, Optional<java.util.Set<ShopId>> shops, int limit) {
        return jdbc.sql("""
                SELECT * FROM shipments WHERE carrier = :c AND status NOT IN ('DELIVERED', 'RETURNED')
                """ + (shops.isPresent() ? "AND shop_id IN (:shops) " : "") + "ORDER BY updated_at LIMIT :limit")
                .param("c", carrier).param("limit", limit)
                .param("shops", shops.map(s -> s.stream().map(ShopId::value).toList()).orElse(List.of(-1L)))
                .query((rs, i) -> Map.entry(new ShopId(rs.getLong("shop_id")), shipment(rs, i))).list();
    }

    private Shipment lock(ShopId shop, String id) {
        jdbc.sql("SELECT id FROM shipments WHERE id = :id AND shop_id = :shop FOR UPDATE")
                .param("id", id).param("shop", shop.value()).query(String.class).optional()
                .orElseThrow(() -> Problem.notFound("shipment " + id));
        return get(shop, id);
    }

    private Shipment shipment(ResultSet rs, int i) throws SQLException {
        String id = rs.getString("id");
        List<Shipment.Event> timeline = jdbc.sql(
                        "SELECT * FROM shipment_events WHERE shipment_id = :id ORDER BY occurred_at DESC, id DESC")
                .param("id", id)
                .query((r, n) -> new Shipment.Event(TrackingStatus.valueOf(r.getString("status")),
                        r.getTimestamp("occurred_at").toInstant(), r.getString("place"), r.getString("description"),
                        r.getObject("expected_delivery", LocalDate.class), r.getString("origin")))
                .list();
        int weight = rs.getInt("weight_grams");
        Integer w = rs.wasNull() ? null : weight;
        return new Shipment(id, OrderId.parse(rs.getString("order_id")), rs.getString("order_number"),
                rs.getString("carrier"), rs.getString("tracking_number"), w, rs.getString("carton_code"),
                TrackingStatus.valueOf(rs.getString("status")), rs.getObject("shipped_on", LocalDate.class),
                rs.getObject("expected_delivery", LocalDate.class),
                new Shipment.Recipient(rs.getString("recipient_email"), rs.getString("recipient_name"),
                        rs.getString("recipient_language").trim()),
                new Order.PostalAddress(rs.getString("ship_name"), rs.getString("ship_company"),
                        rs.getString("ship_street"), rs.getString("ship_street2"), rs.getString("ship_postal_code"),
                        rs.getString("ship_city"), rs.getString("ship_country").trim()),
                DeliveryPreference.valueOf(rs.getString("delivery_preference")), rs.getString("preference_detail"),
                rs.getTimestamp("created_at").toInstant(), timeline);
    }

    private static void address(Map<String, Object> row, Order.PostalAddress a) {
        row.put("shipName", a.name());
        row.put("shipCompany", a.company());
        row.put("shipStreet", a.street());
        row.put("shipStreet2", a.street2());
        row.put("shipPostal", a.postalCode());
        row.put("shipCity", a.city());
        row.put("shipCountry", a.country());
    }
}
