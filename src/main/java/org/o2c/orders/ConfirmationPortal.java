package org.o2c.orders;

import org.o2c.shared.OrderId;
import org.o2c.shared.ShopId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page behind the confirmation e-mail. Opening the link only shows a button: mail
 * scanners that follow links must not confirm orders; the buyer's click (POST) does.
 */
@Controller
class ConfirmationPortal {
    private final Orders orders;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ConfirmationPortal(Orders orders, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.orders = orders;
        this.jdbc = jdbc;
    }

    @GetMapping("/portal/orders/{id}/confirm")
    String show(@PathVariable String id, @RequestParam long exp, @RequestParam String sig, Model model) {
        Order order = verified(id, exp, sig);
        model.addAttribute("order", order);
        model.addAttribute("exp", exp);
        model.addAttribute("sig", sig);
        model.addAttribute("done", order.status() != OrderStatus.ON_HOLD);
        return "portal/confirm";
    }

    @PostMapping("/portal/orders/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam long exp, @RequestParam String sig, Model model) {
        Order order = verified(id, exp, sig);
        Order confirmed = orders.confirmByCustomer(shopOf(order.id()), order.id());
        model.addAttribute("order", confirmed);
        model.addAttribute("done", true);
        return "portal/confirm";
    }

    private Order verified(String id, long exp, String sig) {
        OrderId orderId;
        try {
            orderId = OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidLink();
        }
        if (!orders.verifyConfirmLink(orderId, exp, sig)) {
            throw new InvalidLink();
        }
        return orders.find(shopOf(orderId), orderId).orElseThrow(InvalidLink::new);
    }

    private ShopId shopOf(OrderId id) {
        return jdbc.sql("SELECT shop_id FROM orders WHERE id = :id").param("id", id.toString())
                .query((rs, i) -> new ShopId(rs.getLong(1))).optional().orElseThrow(InvalidLink::new);
    }

    /** Answered 404 like an unknown page: a forged or expired link reveals nothing. */
    static class InvalidLink extends org.o2c.shared.Problem {
        InvalidLink() {
            super(HttpStatus.NOT_FOUND, "invalid-link", "Invalid link", "this link is invalid or expired");
        }
    }
}
