package org.o2c.cashapp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.shared.Validation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People's side of cash application: the queue, accept, split, ignore, undo, and the match rate. */
@RestController
@RequestMapping("/api/v1/cash-application")
class CashApplicationApi {
    private final CashApplication cash;

    CashApplicationApi(CashApplication cash) {
        this.cash = cash;
    }

    @GetMapping("/queue")
    List<Map<String, Object>> queue(@RequestParam(required = false) String date, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "200") int limit) {
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw Problem.invalid("date", "must be a date like 2026-11-26");
            }
        }
        return cash.queue(CurrentShop.get(), day, q, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(CashApplicationApi::json).toList();
    }

    @GetMapping("/lines/{id}")
    Map<String, Object> line(@PathVariable long id) {
        return json(cash.get(CurrentShop.get(), id));
    }

    @PostMapping("/lines/{id}/accept")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    Map<String, Object> accept(@PathVariable long id) {
        return json(cash.accept(CurrentShop.get(), id));
    }

    record AllocationRequest(String invoiceNumber, String amount) {}

    record SplitRequest(List<AllocationRequest> allocations, String writeOff, String reason) {}

    @PostMapping("/lines/{id}/split")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    Map<String, Object> split(@PathVariable long id, @RequestBody SplitRequest body) {
        CashApplication.Line line = cash.get(CurrentShop.get(), id);
        String currency = line.amount().currency().getCurrencyCode();
        Validation v = new Validation();
        List<CashApplication.Allocation> allocations = new ArrayList<>();
        if (body == null || body.allocations() == null || body.allocations().isEmpty()) {
            v.reject("allocations", "name at least one invoice and amount");
        } else {
            for (int i = 0; i < body.allocations().size(); i++) {
                AllocationRequest a = body.allocations().get(i);
                String number = v.text("allocations[" + i + "].invoiceNumber", a == null ? null : a.invoiceNumber(), 40, true);
                var amount = v.money("allocations[" + i + "].amount", a == null ? null : a.amount(), 2, true);
                if (amount != null && amount.signum() <= 0) {
                    v.reject("allocations[" + i + "].amount", "must be above zero");
                }
                if (number != null && amount != null) {
                    allocations.add(new CashApplication.Allocation(number, Money.of(amount, line.amount().currency())));
                }
            }
        }
        var writeOff = body == null ? null : v.money("writeOff", body.writeOff(), 2, false);
        String reason = body == null ? null : v.text("reason", body.reason(), 500, false);
        v.throwIfInvalid();
        return json(cash.split(CurrentShop.get(), id, allocations,
                writeOff == null ? null : Money.of(writeOff.toPlainString(), currency), reason));
    }

    record ReasonRequest(String reason) {}

    @PostMapping("/lines/{id}/ignore")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    Map<String, Object> ignore(@PathVariable long id, @RequestBody(required = false) ReasonRequest body) {
        Validation v = new Validation();
        String reason = v.text("reason", body == null ? null : body.reason(), 500, false);
        v.throwIfInvalid();
        return json(cash.ignore(CurrentShop.get(), id, reason));
    }

    @PostMapping("/lines/{id}/undo")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    Map<String, Object> undo(@PathVariable long id, @RequestBody(required = false) ReasonRequest body) {
        Validation v = new Validation();
        String reason = v.text("reason", body == null ? null : body.reason(), 500, false);
        v.throwIfInvalid();
        return json(cash.undo(CurrentShop.get(), id, reason));
    }

    @GetMapping("/match-rate")
    Map<String, Object> matchRate(@RequestParam(defaultValue = "30") int days) {
        CashApplication.MatchRate r = cash.matchRate(CurrentShop.get(), Math.min(Math.max(days, 1), 3660));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from().toString());
        m.put("lines", r.lines());
        m.put("automaticLines", r.automaticLines());
        m.put("linePercent", r.linePercent());
        m.put("value", r.value().toPlainString());
        m.put("automaticValue", r.automaticValue().toPlainString());
        m.put("valuePercent", r.valuePercent());
        m.put("currency", r.value().currency().getCurrencyCode());
        m.put("byPerson", r.byPerson());
        m.put("waiting", r.waiting());
        m.put("byReason", r.byReason().stream().map(x -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("reason", x.reason());
            reason.put("lines", x.lines());
            reason.put("value", x.value().toPlainString());
            reason.put("linePercent", x.linePercent());
            reason.put("valuePercent", x.valuePercent());
            return reason;
        }).toList());
        return m;
    }

    static Map<String, Object> json(CashApplication.Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.transactionId());
        m.put("statementId", l.statementId());
        m.put("bookingDate", l.bookingDate().toString());
        m.put("amount", l.amount().toPlainString());
        m.put("currency", l.amount().currency().getCurrencyCode());
        m.put("creditDebit", l.creditDebit().name());
        m.put("kind", l.kind().name());
        m.put("counterpartyName", l.counterpartyName());
        m.put("counterpartyIban", l.counterpartyIban());
        m.put("remittanceInfo", l.remittanceInfo());
        m.put("endToEndId", l.endToEndId());
        m.put("status", l.status().name());
        m.put("decidedBy", l.decidedBy());
        m.put("confidence", l.confidence());
        m.put("allocations", allocations(l.allocations()));
        Map<String, Object> suggestion = new LinkedHashMap<>();
        suggestion.put("allocations", allocations(l.proposed()));
        suggestion.put("writeOff", l.proposedWriteOff().toPlainString());
        suggestion.put("customerCredit", l.proposedCredit().toPlainString());
        suggestion.put("reasons", l.reasons());
        m.put("suggestion", suggestion);
        m.put("note", l.note());
        return m;
    }

    private static List<Map<String, String>> allocations(List<CashApplication.Allocation> list) {
        return list.stream().map(a -> Map.of("invoiceNumber", a.invoiceNumber(), "amount", a.amount().toPlainString()))
                .toList();
    }
}
