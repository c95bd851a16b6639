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
 * Issues invoices by themselves on the shop's trigger: {@code APPROVAL} when an order is confirmed.
 * ({@code SHIPMENT} issues when the parcel leaves, once fulfillment publishes it.) Issuing twice is
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
        }
    }

    private void issueOnApproval(ShopId shop, OrderId order) {
        boolean onApproval = shops.settings(shop)
                .map(s -> s.invoiceTrigger() == CompanySettings.InvoiceTrigger.APPROVAL).orElse(false);
        if (onApproval) {
            invoicing.issueFor(shop, order);
        }
    }
}
