package org.o2c.invoicing;

import org.o2c.orders.OrderPlaced;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.OrderStatusChanged;
import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;
import org.o2c.shops.CompanySettings;
import org.o2c.shops.Shops;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues invoices by themselves on the shop's trigger: {@code APPROVAL} when an order is confirmed,
 * {@code SHIPMENT} when the order becomes {@code SHIPPED} (its parcel left). Issuing twice is
 * harmless: an order has at most one invoice.
 */
@Component
class InvoiceTriggers {
    private final Invoicing invoicing;
    private final Shops shops;

    InvoiceTriggers(Invoicing invoicing, Shops shops) {
        this.invoicing = invoicing;
        this.shops = shops;
    }

    @ApplicationModuleListener
    void on(OrderPlaced e) {
        if (e.status() == OrderStatus.CONFIRMED) {
            issueOnApproval(e.shopId(), e.orderId());
        }
    }

    @ApplicationModuleListener
    void on(OrderStatusChanged e) {
        if (e.to() == OrderStatus.CONFIRMED) {
            issueOnApproval(e.shopId(), e.orderId());
        } else if (e.to() == OrderStatus.SHIPPED) {
            issueOn(CompanySettings.InvoiceTrigger.SHIPMENT, e.shopId(), e.orderId());
        }
    }

    private void issueOnApproval(ShopId shop, OrderId order) {
        issueOn(CompanySettings.InvoiceTrigger.APPROVAL, shop, order);
    }

    private void issueOn(CompanySettings.InvoiceTrigger trigger, ShopId shop, OrderId order) {
        boolean matches = shops.settings(shop).map(s -> s.invoiceTrigger() == trigger).orElse(false);
        if (matches) {
            invoicing.issueFor(shop, order);
        }
    }
}
