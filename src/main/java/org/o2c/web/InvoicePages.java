package org.o2c.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceFiles;
import org.o2c.invoicing.Invoicing;
import org.o2c.shared.CurrentShop;
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

/** Invoices and credit notes in the back-office: filters, detail, downloads, "issue credit note". */
@Controller
class InvoicePages {
    private final Invoicing invoicing;
    private final InvoiceFiles files;
    private final MessageSource messages;
    private final org.o2c.notifications.MailQueue mails;

    InvoicePages(Invoicing invoicing, InvoiceFiles files, MessageSource messages,
            org.o2c.notifications.MailQueue mails) {
        this.invoicing = invoicing;
        this.files = files;
        this.messages = messages;
        this.mails = mails;
    }

    @GetMapping("/invoices/{id}/pdf")
    org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return files.pdf(CurrentShop.get(), id).asDownload();
    }

    @GetMapping("/invoices/{id}/xrechnung")
    org.springframework.http.ResponseEntity<byte[]> xrechnung(@PathVariable String id) {
        return files.xrechnung(CurrentShop.get(), id).asDownload();
    }


    @GetMapping("/invoices")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String q, Model model) {
        boolean creditNotes = "credit-notes".equals(type);
        Invoicing.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Invoicing.Status.valueOf(status);
            } catch (IllegalArgumentException ignored) {
                // an unknown filter shows everything
            }
        }
        model.addAttribute("invoices", invoicing.list(CurrentShop.get(),
                creditNotes ? InvoiceDocument.Type.CREDIT_NOTE : InvoiceDocument.Type.INVOICE, creditNotes ? null : s, q, 300));
        model.addAttribute("statuses", Arrays.asList(Invoicing.Status.values()));
        model.addAttribute("status", s);
        model.addAttribute("creditNotes", creditNotes);
        model.addAttribute("q", q);
        return "invoices/list";
    }

    @GetMapping("/invoices/{id}")
    String detail(@PathVariable String id, Model model) {
        Invoicing.Issued issued = invoicing.get(CurrentShop.get(), id);
        model.addAttribute("invoice", issued);
        model.addAttribute("creditNotes", issued.document().type() == InvoiceDocument.Type.INVOICE
                ? invoicing.creditNotesFor(CurrentShop.get(), id) : List.of());
        model.addAttribute("mail", mails.invoiceMail(id).orElse(null));
        return "invoices/detail";
    }

    @PostMapping("/invoices/{id}/credit-notes")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNTING','SUPPORT')")
    String credit(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        List<Invoicing.CreditLine> lines = new ArrayList<>();
        form.forEach((k, v) -> {
            if (k.startsWith("qty_") && v != null && !v.isBlank()) {
                try {
                    BigDecimal q = new BigDecimal(v.strip());
                    if (q.signum() > 0) {
                        lines.add(new Invoicing.CreditLine(k.substring(4), q));
                    }
                } catch (NumberFormatException e) {
                    throw Problem.invalid(k, "is not a number");
                }
            }
        });
        try {
            Invoicing.Issued credit = invoicing.creditNote(CurrentShop.get(), id, form.get("reason"), lines);
            flash.addFlashAttribute("flash", messages.getMessage("invoice.credited.done",
                    new Object[] {credit.document().number()}, LocaleContextHolder.getLocale()));
        } catch (Problem p) {
            flash.addFlashAttribute("errors", p.errors().isEmpty() ? List.of(new Problem.FieldError("", p.getMessage()))
                    : p.errors());
        }
        return "redirect:/invoices/" + id;
    }
}
