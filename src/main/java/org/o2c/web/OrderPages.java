package org.o2c.web;

import java.util.Arrays;
import org.o2c.orders.Order;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.Orders;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.TimeConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Orders in the back-office: list with status filter and search, detail, release and cancel. */
@Controller
class OrderPages {
    private final Orders orders;
    private final MessageSource messages;

    OrderPages(Orders orders, MessageSource messages) {
        this.orders = orders;
        this.messages = messages;
    }

    @GetMapping("/orders")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model) {
        fillList(status, q, model);
        return "orders/list";
    }

    /** The table body alone, for the search box (htmx). */
    @GetMapping("/orders/rows")
    String rows(@RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model) {
        fillList(status, q, model);
        return "orders/list :: rows";
    }

    private void fillList(String status, String q, Model model) {
        OrderStatus s = parseStatus(status);
        model.addAttribute("orders", orders.list(CurrentShop.get(), s, q, 200, 0));
        model.addAttribute("statuses", Arrays.stream(OrderStatus.values()).filter(x -> x != OrderStatus.NEW).toList());
        model.addAttribute("status", s);
        model.addAttribute("q", q);
        model.addAttribute("zone", TimeConfiguration.BUSINESS_ZONE);
    }

    @GetMapping("/orders/{id}")
    String detail(@PathVariable String id, Model model) {
        Order order = orders.get(CurrentShop.get(), parse(id));
        model.addAttribute("order", order);
        model.addAttribute("cancellable", order.status().cancellable());
        model.addAttribute("zone", TimeConfiguration.BUSINESS_ZONE);
        return "orders/detail";
    }

    @PostMapping("/orders/{id}/release")
    @PreAuthorize("hasAnyRole('OWNER','SUPPORT','ACCOUNTING')")
    String release(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return decide(id, flash, () -> orders.release(CurrentShop.get(), parse(id), reason), "order.released");
    }

    @PostMapping("/orders/{id}/cancel")
    @PreAuthorize("hasAnyRole('OWNER','SUPPORT','ACCOUNTING')")
    String cancel(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return decide(id, flash, () -> orders.cancel(CurrentShop.get(), parse(id), reason), "order.cancelled");
    }

    private String decide(String id, RedirectAttributes flash, Runnable action, String doneKey) {
        try {
            action.run();
            flash.addFlashAttribute("flash", messages.getMessage(doneKey, null, LocaleContextHolder.getLocale()));
        } catch (Problem p) {
            flash.addFlashAttribute("errors", p.errors().isEmpty()
                    ? java.util.List.of(new Problem.FieldError("", p.getMessage())) : p.errors());
        }
        return "redirect:/orders/" + id;
    }

    private static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OrderId parse(String id) {
        try {
            return OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
    }
}
