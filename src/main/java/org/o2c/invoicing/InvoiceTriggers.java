package org.o2c.invoicing;

import org.o2c.orders.OrderPlaced;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.OrderStatusChanged;
import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;
import org.o2c.shops.CompanySettings;
import org.o2c.shops.Shops;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues invoices by themselves on the shop's trigger: {@code APPROVAL} when an order is confirmed,
 * {@code SHIPMENT} when the order becomes {@code SHIPPED} (its parcel left). Issuing twice is
 * harmless: an order has at most one invoice.
 *
 * <p>Order events are looked at inside the order's own transaction, and only an order whose invoice is
 * due becomes durable work ({@link InvoiceDue}, kept in the event publication registry until it is done).
 * Every other order (most of them: a shop issues on one trigger only) costs one settings read instead of a
 * registry row, its two updates and a transaction of its own after the order's commit.
 */
@Component
class InvoiceTriggers {
    private final Invoicing invoicing;
    private final Shops shops;
    private final ApplicationEventPublisher events;

    InvoiceTriggers(Invoicing invoicing, Shops shops, ApplicationEventPublisher events) {
        this.invoicing = invoicing;
        this.shops = shops;
        this.events = events;
    }

    /** The invoice of this order is due on the shop's trigger; issued after the order's commit. */
    record InvoiceDue(ShopId shopId, OrderId orderId) {}

    @EventListener
    void on(OrderPlaced e) {
        if (e.status() == OrderStatus.CONFIRMED) {
            dueOn(CompanySettings.InvoiceTrigger.APPROVAL, e.shopId(), e.orderId());
        }
    }

    @EventListener
    void on(OrderStatusChanged e) {
        if (e.to() == OrderStatus.CONFIRMED) {
            dueOn(CompanySettings.InvoiceTrigger.APPROVAL, e.shopId(), e.orderId());
        } else if (e.to() == OrderStatus.SHIPPED) {
            dueOn(CompanySettings.InvoiceTrigger.SHIPMENT, e.shopId(), e.orderId());
        }
    }

    @ApplicationModuleListener
    void on(InvoiceDue e) {
        invoicing.issueFor(e.shopId(), e.orderId());
    }

    private void dueOn(CompanySettings.InvoiceTrigger trigger, ShopId shop, OrderId order) {
        boolean matches = shops.settings(shop).map(s -> s.invoiceTrigger() == trigger).orElse(false);
        if (matches) {
            events.publishEvent(new InvoiceDue(shop, order));
        }
    }
}
