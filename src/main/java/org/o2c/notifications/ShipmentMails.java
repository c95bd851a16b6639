package org.o2c.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.o2c.fulfillment.Shipment;
import org.o2c.fulfillment.ShipmentDispatched;
import org.o2c.fulfillment.ShipmentStatusChanged;
import org.o2c.fulfillment.TrackingStatus;
import org.o2c.shared.ShopId;
import org.o2c.shops.CompanySettings;
import org.o2c.shops.Shops;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Tells the customer where the parcel is, before they have to ask: shipped, out for delivery, delayed,
 * delivered. Each mail carries the signed link to the public tracking page; each is queued once.
 */
@Component
class ShipmentMails {
    /** The accent of the shop's documents (invoicing's default) until shops can choose their own. */
    static final String ACCENT = "#1F4E79";

    private final MailQueue queue;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final Shops shops;

    ShipmentMails(MailQueue queue, TemplateEngine templates, MessageSource messages, Shops shops) {
        this.queue = queue;
        this.templates = templates;
        this.messages = messages;
        this.shops = shops;
    }

    @ApplicationModuleListener
    void on(ShipmentDispatched e) {
        send(e.shopId(), "shipment:" + e.shipmentId() + ":shipped", "shipped", e.recipient(), e.orderNumber(),
                e.carrier(), e.trackingNumber(), e.expectedDelivery(), e.trackingUrl());
    }

    @ApplicationModuleListener
    void on(ShipmentStatusChanged e) {
        if (e.to() == TrackingStatus.DELIVERED) {
            send(e.shopId(), "shipment:" + e.shipmentId() + ":delivered", "delivered", e.recipient(), e.orderNumber(),
                    e.carrier(), e.trackingNumber(), e.expectedDelivery(), e.trackingUrl());
        } else if (e.delayed()) {
            // One mail per new date: a second delay is news, the same delay reported twice is not.
            send(e.shopId(), "shipment:" + e.shipmentId() + ":delayed:" + e.expectedDelivery() + ":" + e.to(), "delayed",
                    e.recipient(), e.orderNumber(), e.carrier(), e.trackingNumber(), e.expectedDelivery(), e.trackingUrl());
        } else if (e.to() == TrackingStatus.OUT_FOR_DELIVERY) {
            send(e.shopId(), "shipment:" + e.shipmentId() + ":out-for-delivery", "outForDelivery", e.recipient(),
                    e.orderNumber(), e.carrier(), e.trackingNumber(), e.expectedDelivery(), e.trackingUrl());
        }
    }

    private void send(ShopId shop, String key, String kind, Shipment.Recipient to, String orderNumber, String carrier,
            String trackingNumber, LocalDate expected, String url) {
        if (to.email() == null || to.email().isBlank()) {
            return;
        }
        Locale locale = Locale.forLanguageTag(to.language());
        String shopName = shops.settings(shop).map(CompanySettings::name).orElse("o2c");
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(expected);
        Object[] args = {to.name(), orderNumber, carrier, trackingNumber, date, url, shopName};
        String subject = messages.getMessage("mail.shipment." + kind + ".subject", args, locale);
        String text = messages.getMessage("mail.shipment." + kind + ".text", args, locale);
        Context ctx = new Context(locale);
        ctx.setVariable("shopName", shopName);
        ctx.setVariable("accent", ACCENT);
        ctx.setVariable("headline", messages.getMessage("mail.shipment." + kind + ".headline", args, locale));
        ctx.setVariable("body", messages.getMessage("mail.shipment." + kind + ".body", args, locale));
        ctx.setVariable("customerName", to.name());
        ctx.setVariable("carrier", carrier);
        ctx.setVariable("trackingNumber", trackingNumber);
        ctx.setVariable("trackingUrl", url);
        String html = templates.process("mail/shipment", ctx);
        queue.queue(shop, key, to.email(), subject, text, html);
    }
}
