package org.o2c.receivables;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.o2c.audit.AuditLog;
import org.o2c.invoicing.CreditNoteIssued;
import org.o2c.invoicing.CreditorReference;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceIssued;
import org.o2c.invoicing.Invoicing;
import org.o2c.invoicing.PaymentStatusSource;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every issued invoice becomes an open item, every credit note reduces one; both listeners are idempotent
 * (events arrive at least once). Tells invoicing what payments settled, for its status and open amount.
 */
@Component
class InvoiceOpenItems implements PaymentStatusSource {
    private final Invoicing invoicing;
    private final Receivables receivables;
    private final AuditLog audit;

    InvoiceOpenItems(Invoicing invoicing, Receivables receivables, AuditLog audit) {
        this.invoicing = invoicing;
        this.receivables = receivables;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued e) {
        InvoiceDocument doc = invoicing.get(e.shopId(), e.invoiceId()).document();
        if (receivables.open(e.shopId(), of(doc))) {
            audit.record(e.shopId(), "open-item.opened", "open-item", doc.number(), null,
                    Map.of("gross", e.gross().toPlainString(), "due", doc.dueDate().toString()));
        }
    }

    @ApplicationModuleListener
    void on(CreditNoteIssued e) {
        receivables.credit(e.shopId(), e.creditNoteId(), e.number(), e.invoiceNumber(), e.gross());
    }

    @Override
    public Money settled(ShopId shop, String invoiceNumber, String currency) {
        return receivables.settledByPayments(shop, invoiceNumber, java.util.Currency.getInstance(currency));
    }

    static OpenItem of(InvoiceDocument doc) {
        InvoiceDocument.Party buyer = doc.buyer();
        String reference = doc.paymentReference();
        String rf = reference != null && reference.toUpperCase(Locale.ROOT).startsWith("RF")
                && CreditorReference.isValid(reference) ? reference.replace(" ", "").toUpperCase(Locale.ROOT) : null;
        InvoiceDocument.PaymentTerms terms = doc.paymentTerms();
        boolean skonto = terms != null && terms.skontoPercent() != null && terms.skontoDays() != null;
        LocalDate until = skonto ? doc.issueDate().plusDays(terms.skontoDays()) : null;
        return new OpenItem(doc.number(), OpenItem.Origin.INVOICE, doc.id(), doc.orderNumber(), buyer.customerNumber(),
                buyer.company() != null ? buyer.company() : buyer.name(), doc.issueDate(), doc.dueDate(),
                doc.totals().gross(), doc.totals().gross(), rf, skonto ? terms.skontoPercent() : null, until,
                java.util.Set.of());
    }
}
