package org.o2c.invoicing.rendering;

import java.time.LocalDate;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceDocument.PaymentTerms;

/** The payment terms in words (BT-20), the same on paper and in the XML. */
final class PaymentText {

    private PaymentText() {}

    /** The terms sentence, or null when the document gives neither terms nor a due date. */
    static String terms(InvoiceDocument doc, Labels labels) {
        PaymentTerms terms = doc.paymentTerms();
        if (terms != null && Parties.present(terms.text())) {
            return terms.text().strip();
        }
        if (doc.type() == InvoiceDocument.Type.CREDIT_NOTE) {
            return labels.get("refund");
        }
        if (doc.totals().due().amount().signum() <= 0) {
            InvoiceDocument.PaymentMeans means = doc.paymentMeans();
            return means != null && "68".equals(means.code()) && Parties.present(means.text())
                    ? labels.get("paid") + " " + labels.get("paidWith", means.text())
                    : labels.get("paid");
        }
        LocalDate due = dueDate(doc);
        if (due == null) {
            return null;
        }
        if (hasSkonto(terms)) {
            return labels.get("paymentTermsSkonto", labels.rate(terms.skontoPercent()),
                    labels.date(doc.issueDate().plusDays(terms.skontoDays())), labels.date(due));
        }
        return labels.get("paymentTermsNet", labels.date(due));
    }

    /** BT-9, or the issue date plus the net days when the document has terms but no date. */
    static LocalDate dueDate(InvoiceDocument doc) {
        if (doc.dueDate() != null) {
            return doc.dueDate();
        }
        return doc.paymentTerms() == null ? null : doc.issueDate().plusDays(doc.paymentTerms().netDays());
    }

    static boolean hasSkonto(PaymentTerms terms) {
        return terms != null && terms.skontoPercent() != null && terms.skontoPercent().signum() > 0
                && terms.skontoDays() != null && terms.skontoDays() > 0;
    }
}
