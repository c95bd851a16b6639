package org.o2c.receivables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/receivables")
class ReceivablesApi {
    private final Receivables receivables;
    private final OpenItemsImport imports;

    ReceivablesApi(Receivables receivables, OpenItemsImport imports) {
        this.receivables = receivables;
        this.imports = imports;
    }

    @PostMapping("/open-items")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    ResponseEntity<Map<String, Object>> importOpenItems(@RequestBody(required = false) String csv) {
        int imported = imports.load(CurrentShop.get(), csv);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", imported));
    }

    @GetMapping("/open-items")
    List<Map<String, Object>> list(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "500") int limit) {
        List<OpenItem> items = all || (q != null && !q.isBlank())
                ? receivables.search(CurrentShop.get(), q, Math.min(Math.max(limit, 1), 5000))
                : receivables.openItems(CurrentShop.get()).stream().limit(Math.min(Math.max(limit, 1), 5000)).toList();
        return items.stream().map(ReceivablesApi::json).toList();
    }

    @GetMapping("/open-items/{number}")
    Map<String, Object> get(@PathVariable String number) {
        OpenItem item = receivables.find(CurrentShop.get(), number)
                .orElseThrow(() -> Problem.notFound("open item " + number));
        Map<String, Object> m = json(item);
        m.put("postings", receivables.postings(CurrentShop.get(), number).stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("applicationId", p.applicationId());
            row.put("kind", p.kind().name());
            row.put("amount", p.amount().toPlainString());
            row.put("source", p.source());
            row.put("reverses", p.reverses());
            row.put("reason", p.reason());
            row.put("account", p.account());
            row.put("postedAt", p.postedAt().toString());
            row.put("postedBy", p.postedBy());
            return row;
        }).toList());
        return m;
    }

    @GetMapping("/customers/{number}/credit")
    Map<String, Object> credit(@PathVariable String number, @RequestParam(defaultValue = "EUR") String currency) {
        java.util.Currency c;
        try {
            c = java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("currency", "is not an ISO 4217 code");
        }
        return Map.of("customerNumber", number, "credit", receivables.customerCredit(CurrentShop.get(), number, c)
                .toPlainString(), "currency", c.getCurrencyCode());
    }

    static Map<String, Object> json(OpenItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invoiceNumber", i.number());
        m.put("origin", i.origin().name());
        m.put("invoiceId", i.invoiceId());
        m.put("orderNumber", i.orderNumber());
        m.put("customerNumber", i.customerNumber());
        m.put("customerName", i.customerName());
        m.put("invoiceDate", i.issueDate().toString());
        m.put("dueDate", i.dueDate().toString());
        m.put("gross", i.gross().toPlainString());
        m.put("openAmount", i.open().isNegative() ? "0.00" : i.open().toPlainString());
        m.put("currency", i.gross().currency().getCurrencyCode());
        m.put("creditorReference", i.creditorReference());
        if (i.skontoPercent() != null) {
            m.put("skontoPercent", i.skontoPercent().toPlainString());
            m.put("skontoUntil", i.skontoUntil().toString());
        }
        m.put("knownIbans", i.knownIbans());
        return m;
    }
}
