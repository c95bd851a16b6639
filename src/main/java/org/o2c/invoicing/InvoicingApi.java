package org.o2c.invoicing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Money;
import org.o2c.shared.OrderId;
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
@RequestMapping("/api/v1")
class InvoicingApi {
    private final Invoicing invoicing;
    private final InvoiceFiles files;

    InvoicingApi(Invoicing invoicing, InvoiceFiles files) {
        this.invoicing = invoicing;
        this.files = files;
    }

    @GetMapping("/invoices/{id}/pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable String id) {
        requireType(id, InvoiceDocument.Type.INVOICE);
        return files.pdf(CurrentShop.get(), id).asDownload();
    }

    @GetMapping("/invoices/{id}/xrechnung")
    ResponseEntity<byte[]> invoiceXml(@PathVariable String id) {
        requireType(id, InvoiceDocument.Type.INVOICE);
        return files.xrechnung(CurrentShop.get(), id).asDownload();
    }

    @GetMapping("/credit-notes/{id}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@PathVariable String id) {
        requireType(id, InvoiceDocument.Type.CREDIT_NOTE);
        return files.pdf(CurrentShop.get(), id).asDownload();
    }

    @GetMapping("/credit-notes/{id}/xrechnung")
    ResponseEntity<byte[]> creditNoteXml(@PathVariable String id) {
        requireType(id, InvoiceDocument.Type.CREDIT_NOTE);
        return files.xrechnung(CurrentShop.get(), id).asDownload();
    }

    private void requireType(String id, InvoiceDocument.Type type) {
        if (invoicing.get(CurrentShop.get(), id).document().type() != type) {
            throw Problem.notFound((type == InvoiceDocument.Type.INVOICE ? "invoice " : "credit note ") + id);
        }
    }


    @PostMapping("/orders/{id}/invoice")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    ResponseEntity<Map<String, Object>> issue(@PathVariable String id) {
        Invoicing.IssueResult r = invoicing.issueFor(CurrentShop.get(), orderId(id));
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(r.invoice()));
    }

    @GetMapping("/orders/{id}/invoice")
    Map<String, Object> ofOrder(@PathVariable String id) {
        return invoicing.invoiceOf(CurrentShop.get(), orderId(id)).map(InvoicingApi::json)
                .orElseThrow(() -> Problem.notFound("invoice of order " + id));
    }

    @GetMapping("/invoices/{id}")
    Map<String, Object> get(@PathVariable String id) {
        Invoicing.Issued i = invoicing.get(CurrentShop.get(), id);
        if (i.document().type() != InvoiceDocument.Type.INVOICE) {
            throw Problem.notFound("invoice " + id);
        }
        return json(i);
    }

    @GetMapping("/invoices")
    List<Map<String, Object>> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "200") int limit) {
        Invoicing.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Invoicing.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("status", "must be OPEN, PARTIALLY_PAID, PAID or CANCELLED");
            }
        }
        return invoicing.list(CurrentShop.get(), InvoiceDocument.Type.INVOICE, s, q, Math.min(Math.max(limit, 1), 2000))
                .stream().map(InvoicingApi::json).toList();
    }

    record CreditNoteRequest(String reason, List<Invoicing.CreditLine> lines) {}

    @PostMapping("/invoices/{id}/credit-notes")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING','SUPPORT')")
    ResponseEntity<Map<String, Object>> credit(@PathVariable String id, @RequestBody CreditNoteRequest body) {
        Invoicing.Issued credit = invoicing.creditNote(CurrentShop.get(), id, body.reason(), body.lines());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(credit));
    }

    @GetMapping("/credit-notes/{id}")
    Map<String, Object> creditNote(@PathVariable String id) {
        Invoicing.Issued i = invoicing.get(CurrentShop.get(), id);
        if (i.document().type() != InvoiceDocument.Type.CREDIT_NOTE) {
            throw Problem.notFound("credit note " + id);
        }
        return json(i);
    }

    @GetMapping("/credit-notes")
    List<Map<String, Object>> creditNotes(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "200") int limit) {
        return invoicing.list(CurrentShop.get(), InvoiceDocument.Type.CREDIT_NOTE, null, q,
                Math.min(Math.max(limit, 1), 2000)).stream().map(InvoicingApi::json).toList();
    }

    private static OrderId orderId(String id) {
        try {
            return OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
    }

    static Map<String, Object> json(Invoicing.Issued issued) {
        InvoiceDocument d = issued.document();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("number", d.number());
        m.put("type", d.type().name());
        m.put("orderId", issued.orderId().toString());
        m.put("orderNumber", d.orderNumber());
        if (d.type() == InvoiceDocument.Type.CREDIT_NOTE) {
            m.put("invoiceId", issued.invoiceId());
            m.put("invoiceNumber", issued.invoiceNumber());
        }
        m.put("issueDate", d.issueDate().toString());
        m.put("deliveryDate", d.deliveryDate().toString());
        m.put("dueDate", d.dueDate().toString());
        m.put("currency", d.currency());
        m.put("customerNumber", d.buyer().customerNumber());
        m.put("buyerReference", d.buyerReference());
        m.put("buyer", d.buyer().company() != null ? d.buyer().company() : d.buyer().name());
        m.put("lines", d.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", l.sku());
            line.put("description", l.description());
            line.put("quantity", plain(l.quantity()));
            line.put("unitNet", price(l.unitNet()));
            line.put("taxCategory", l.vatCategory().code());
            line.put("taxRate", l.vatRate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            line.put("net", l.net().toPlainString());
            return line;
        }).toList());
        m.put("taxBreakdown", d.taxGroups().stream().map(g -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("category", g.category().code());
            group.put("rate", g.rate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            group.put("net", g.taxable().toPlainString());
            group.put("tax", g.tax().toPlainString());
            if (g.exemptionReason() != null) {
                group.put("exemptionReason", g.exemptionReason());
            }
            return group;
        }).toList());
        m.put("totals", Map.of("net", d.totals().lineNet().toPlainString(), "tax", d.totals().tax().toPlainString(),
                "gross", d.totals().gross().toPlainString()));
        m.put("notes", d.notes());
        if (d.type() == InvoiceDocument.Type.INVOICE) {
            m.put("paymentReference", d.paymentReference());
            m.put("paymentTerms", d.paymentTerms().text());
            m.put("status", issued.status().name());
            m.put("openAmount", issued.openAmount().toPlainString());
            m.put("credited", issued.credited().toPlainString());
        }
        return m;
    }

    /** Unit prices keep up to four places, at least two ("10.84", "10.8403"). */
    private static String price(Money m) {
        BigDecimal a = m.amount().stripTrailingZeros();
        return (a.scale() < 2 ? a.setScale(2) : a).toPlainString();
    }

    private static String plain(BigDecimal q) {
        BigDecimal s = q.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
