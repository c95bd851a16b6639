package org.o2c.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.o2c.cashapp.CashApplication;
import org.o2c.receivables.Receivables;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
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

/**
 * The exception queue: bank lines that wait for a person, with the best suggestion and its reasons;
 * accept with one click, split by hand, ignore, and undo any decision.
 */
@Controller
class PaymentPages {
    private static final int SPLIT_ROWS = 4;

    private final CashApplication cash;
    private final Receivables receivables;
    private final MessageSource messages;

    PaymentPages(CashApplication cash, Receivables receivables, MessageSource messages) {
        this.cash = cash;
        this.receivables = receivables;
        this.messages = messages;
    }

    @GetMapping("/payments")
    String queue(@RequestParam(required = false) String date, @RequestParam(required = false) String q,
            @RequestParam(required = false) String items, Model model) {
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException ignored) {
                // an unreadable date shows every day
            }
        }
        var shop = CurrentShop.get();
        model.addAttribute("lines", cash.queue(shop, day, q, 200));
        model.addAttribute("decided", cash.decided(shop, 20));
        model.addAttribute("openItems", items == null || items.isBlank()
                ? receivables.openItems(shop).stream().limit(50).toList()
                : receivables.search(shop, items, 200).stream().filter(i -> !i.isSettled()).limit(50).toList());
        model.addAttribute("date", day);
        model.addAttribute("q", q);
        model.addAttribute("items", items);
        model.addAttribute("splitRows", java.util.stream.IntStream.range(0, SPLIT_ROWS).boxed().toList());
        model.addAttribute("rate", cash.matchRate(shop, 30));
        return "payments/queue";
    }

    @PostMapping("/payments/{id}/accept")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    String accept(@PathVariable long id, RedirectAttributes flash) {
        return decide(flash, "payments.accepted", () -> cash.accept(CurrentShop.get(), id));
    }

    @PostMapping("/payments/{id}/ignore")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    String ignore(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return decide(flash, "payments.ignored", () -> cash.ignore(CurrentShop.get(), id, reason));
    }

    @PostMapping("/payments/{id}/undo")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    String undo(@PathVariable long id, RedirectAttributes flash) {
        return decide(flash, "payments.undone", () -> cash.undo(CurrentShop.get(), id, null));
    }

    @PostMapping("/payments/{id}/split")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    String split(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        return decide(flash, "payments.split.done", () -> {
            CashApplication.Line line = cash.get(CurrentShop.get(), id);
            List<CashApplication.Allocation> allocations = new ArrayList<>();
            for (int i = 0; i < SPLIT_ROWS; i++) {
                String number = form.get("invoice_" + i);
                String amount = form.get("amount_" + i);
                if (number == null || number.isBlank()) {
                    continue;
                }
                allocations.add(new CashApplication.Allocation(number.strip(), amount(line, "amount_" + i, amount)));
            }
            String writeOff = form.get("writeOff");
            return cash.split(CurrentShop.get(), id, allocations,
                    writeOff == null || writeOff.isBlank() ? null : amount(line, "writeOff", writeOff), form.get("reason"));
        });
    }

    /** Accepts 12,90 as well as 12.90: people type what their keyboard has. */
    private static Money amount(CashApplication.Line line, String field, String raw) {
        try {
            BigDecimal value = new BigDecimal(raw == null ? "" : raw.strip().replace(',', '.'));
            if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2) {
                throw Problem.invalid(field, "must be a positive amount with at most two places");
            }
            return Money.of(value, line.amount().currency());
        } catch (NumberFormatException e) {
            throw Problem.invalid(field, "is not an amount: " + raw);
        }
    }

    private String decide(RedirectAttributes flash, String doneKey, java.util.function.Supplier<CashApplication.Line> action) {
        try {
            CashApplication.Line line = action.get();
            flash.addFlashAttribute("flash", messages.getMessage(doneKey, new Object[] {line.amount().toPlainString(),
                    line.counterpartyName() == null ? "" : line.counterpartyName()}, LocaleContextHolder.getLocale()));
        } catch (Problem p) {
            flash.addFlashAttribute("errors", p.errors().isEmpty() ? List.of(new Problem.FieldError("", p.getMessage()))
                    : p.errors());
        }
        return "redirect:/payments";
    }
}
