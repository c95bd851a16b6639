package org.o2c.notifications;

import java.util.Locale;
import org.o2c.orders.OrderConfirmationRequested;
import org.o2c.shops.CompanySettings;
import org.o2c.shops.Shops;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Mails about orders, in the buyer's language and the shop's name. */
@Component
class OrderMails {
    private final MailQueue queue;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final Shops shops;

    OrderMails(MailQueue queue, TemplateEngine templates, MessageSource messages, Shops shops) {
        this.queue = queue;
        this.templates = templates;
        this.messages = messages;
        this.shops = shops;
    }

    @ApplicationModuleListener
    void on(OrderConfirmationRequested e) {
        Locale locale = Locale.forLanguageTag(e.language());
        String shopName = shops.settings(e.shopId()).map(CompanySettings::name).orElse("o2c");
        Context ctx = new Context(locale);
        ctx.setVariable("shopName", shopName);
        ctx.setVariable("customerName", e.customerName());
        ctx.setVariable("orderNumber", e.number());
        ctx.setVariable("confirmUrl", e.confirmUrl());
        String subject = messages.getMessage("mail.confirm.subject", new Object[] {e.number(), shopName}, locale);
        String html = templates.process("mail/order-confirmation", ctx);
        String text = messages.getMessage("mail.confirm.text",
                new Object[] {e.customerName(), e.number(), e.confirmUrl(), shopName}, locale);
        queue.queue(e.shopId(), "order-confirmation:" + e.orderId(), e.email(), subject, text, html);
    }
}
