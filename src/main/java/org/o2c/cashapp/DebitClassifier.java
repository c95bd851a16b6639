package org.o2c.cashapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.TransactionKind;

/**
 * What money going out is: a refund to a customer, a chargeback or returned direct debit (which reopens
 * the invoice it had paid, named when the text or the end-to-end id lets us find it), a bank fee, a
 * PSP fee, or something else. Reads the statement's kind first, then the return reason, then the text.
 */
final class DebitClassifier {
    private DebitClassifier() {}

    enum Type { REFUND, CHARGEBACK, BANK_FEE, PSP_FEE, OTHER }

    /** The class of one debit; {@code invoiceNumber} is the invoice it refunds or reverses, when found. */
    record Debit(Type type, String invoiceNumber, List<String> reasons) {}

    private static final List<String> PSP = List.of("PAYPAL", "STRIPE", "KLARNA", "SOFORT", "ADYEN", "MOLLIE",
            "SUMUP", "AMAZON PAYMENTS", "UNZER", "PAYONE", "COMPUTOP", "WORLDLINE");
    private static final List<String> FEE_WORDS = List.of("ENTGELT", "GEBUEHR", "GEBUHR", "KONTOFUEHRUNG",
            "SPESEN", "FEE", "PROVISION", "ABSCHLUSS", "PREIS FUER", "DISAGIO");
    private static final List<String> CHARGEBACK_WORDS = List.of("RUECKLASTSCHRIFT", "RUCKLASTSCHRIFT",
            "CHARGEBACK", "DISPUTE", "RUECKBUCHUNG", "RETOURE LASTSCHRIFT", "WIDERSPRUCH");
    private static final List<String> REFUND_WORDS = List.of("ERSTATTUNG", "RUECKERSTATTUNG", "REFUND",
            "RUECKZAHLUNG", "GUTSCHRIFT", "STORNO RECHNUNG", "RETOURE");

    static Debit classify(BankTransaction line, OpenItemIndex index) {
        String text = upper(line.remittanceInfo()) + " " + upper(line.counterpartyName());
        List<String> reasons = new ArrayList<>();
        boolean psp = containsAny(text, PSP);
        Type type;
        if (line.kind() == TransactionKind.CHARGEBACK || line.returnReason() != null
                || containsAny(text, CHARGEBACK_WORDS)) {
            type = Type.CHARGEBACK;
        } else if (line.kind() == TransactionKind.FEE || containsAny(text, FEE_WORDS)) {
            type = psp ? Type.PSP_FEE : Type.BANK_FEE;
        } else if (line.kind() == TransactionKind.REFUND || containsAny(text, REFUND_WORDS)) {
            type = Type.REFUND;
        } else {
            type = Type.OTHER;
        }
        reasons.add("DEBIT_" + type.name());
        if (line.returnReason() != null) {
            reasons.add("RETURN_REASON " + line.returnReason());
        }
        String invoice = null;
        if (type == Type.CHARGEBACK || type == Type.REFUND) {
            invoice = invoiceReferredTo(line, index);
            if (invoice != null) {
                reasons.add((type == Type.CHARGEBACK ? "CHARGEBACK_OF " : "REFUND_OF ") + invoice);
            }
        }
        return new Debit(type, invoice, List.copyOf(reasons));
    }

    /**
     * The invoice a refund or chargeback refers to: one whose number is in the text or end-to-end id;
     * of several, the one whose gross is the amount (a returned debit may carry the bank's fee on top).
     */
    private static String invoiceReferredTo(BankTransaction line, OpenItemIndex index) {
        String text = String.join(" ", nullToEmpty(line.remittanceInfo()), nullToEmpty(line.endToEndId()),
                nullToEmpty(line.mandateReference()));
        List<OpenItemIndex.Item> found = new ArrayList<>();
        for (References.Key k : References.keys(text)) {
            for (OpenItemIndex.Hit h : index.lookup(k.text())) {
                if (!found.contains(h.item())) {
                    found.add(h.item());
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() == 1) {
            return found.get(0).invoiceNumber();
        }
        long amount = OpenItemIndex.cents(line.amount().amount());
        OpenItemIndex.Item best = null;
        for (OpenItemIndex.Item i : found) {
            if (i.grossCents <= amount && (best == null || i.grossCents > best.grossCents)) {
                best = i;
            }
        }
        return best == null ? null : best.invoiceNumber();
    }

    /** Whether a word starts somewhere in the text ('SEPA-RUECKLASTSCHRIFT' yes, 'KAFFEE' is no fee). */
    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            int at = text.indexOf(w);
            while (at >= 0) {
                if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                    return true;
                }
                at = text.indexOf(w, at + 1);
            }
        }
        return false;
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT).replace("Ü", "UE").replace("Ä", "AE").replace("Ö", "OE");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
