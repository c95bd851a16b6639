package org.o2c.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.o2c.audit.DocumentArchive;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceFiles;
import org.o2c.invoicing.InvoiceIssued;
import org.o2c.invoicing.Invoicing;
import org.o2c.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends every issued invoice to the buyer: the PDF (with ZUGFeRD inside), and for businesses also
 * the XRechnung XML. Queued once per invoice; the queue retries and shows failures.
 */
@Component
class InvoiceMails {
    private static final Logger log = LoggerFactory.getLogger(InvoiceMails.class);

    private final Invoicing invoicing;
    private final InvoiceFiles files;
    private final MailQueue queue;
    private final MessageSource messages;

    InvoiceMails(Invoicing invoicing, InvoiceFiles files, MailQueue queue, MessageSource messages) {
        this.invoicing = invoicing;
        this.files = files;
        this.queue = queue;
        this.messages = messages;
    }

    /** The key an invoice's mail is queued under; the back-office shows its state with it. */
    static String key(String invoiceId) {
        return "invoice:" + invoiceId;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued e) {
        InvoiceDocument doc = invoicing.get(e.shopId(), e.invoiceId()).document();
        String to = doc.buyer().email();
        if (to == null || to.isBlank()) {
            return;
        }
        List<DocumentArchive.Stored> attachments = new ArrayList<>();
        attachments.add(files.archivedPdf(e.shopId(), e.invoiceId()));
        boolean business = doc.buyer().vatId() != null || doc.buyer().company() != null;
        if (business) {
            try {
                attachments.add(files.archivedXrechnung(e.shopId(), e.invoiceId()));
            } catch (Problem incomplete) {
                log.warn("invoice {} goes out without XRechnung: {}", doc.number(), incomplete.getMessage());
            }
        }
        Locale locale = Locale.forLanguageTag(doc.language());
        String shop = doc.seller().name();
        String subject = messages.getMessage("mail.invoice.subject", new Object[] {doc.number(), shop}, locale);
        String text = messages.getMessage("mail.invoice.text", new Object[] {doc.buyer().name(), doc.number(),
                doc.totals().gross().toPlainString() + " " + doc.currency(), doc.dueDate().toString(),
                doc.paymentReference(), shop}, locale);
        queue.queue(e.shopId(), key(e.invoiceId()), to, subject, text, null, attachments);
    }
}
