package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.TransactionKind;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;

/** Money going out: refunds, chargebacks (naming the invoice they reverse), bank and PSP fees. */
class DebitClassifierTest {

    final OpenItemIndex index = new OpenItemIndex(List.of(new Receivable("RE-2026-00042", "100233", "10017",
            "Hans Müller", Set.of(), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 15),
            Money.of("49.90", "EUR"), Money.of("0.00", "EUR"), null, null)));

    static BankTransaction debit(String amount, TransactionKind kind, String name, String text, String e2e,
                                 String returnReason) {
        return new BankTransaction(1, ShopId.DEFAULT, 1, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1),
                Money.of(amount, "EUR"), CreditDebit.DBIT, kind, name, null, null, text, e2e, null, null, false,
                returnReason);
    }

    @Test
    void a_returned_direct_debit_is_a_chargeback_of_the_invoice_it_had_paid() {
        DebitClassifier.Debit d = DebitClassifier.classify(debit("52.90", TransactionKind.OTHER, "Hans Müller",
                "RUECKLASTSCHRIFT MD06 ENTGELT 3,00", "RE-2026-00042", "MD06"), index);
        assertThat(d.type()).isEqualTo(DebitClassifier.Type.CHARGEBACK);
        assertThat(d.invoiceNumber()).isEqualTo("RE-2026-00042");
        assertThat(d.reasons()).contains("DEBIT_CHARGEBACK", "RETURN_REASON MD06", "CHARGEBACK_OF RE-2026-00042");
    }

    @Test
    void a_refund_names_its_invoice_from_the_order_number() {
        DebitClassifier.Debit d = DebitClassifier.classify(debit("49.90", TransactionKind.OTHER, "Hans Müller",
                "Erstattung Bestellung 100233", null, null), index);
        assertThat(d.type()).isEqualTo(DebitClassifier.Type.REFUND);
        assertThat(d.invoiceNumber()).isEqualTo("RE-2026-00042");
    }

    @Test
    void fees_are_bank_fees_unless_a_payment_provider_charges_them() {
        assertThat(DebitClassifier.classify(debit("9.90", TransactionKind.OTHER, "Sparkasse", "Kontoführungsentgelt Mai",
                null, null), index).type()).isEqualTo(DebitClassifier.Type.BANK_FEE);
        assertThat(DebitClassifier.classify(debit("1.25", TransactionKind.FEE, "PayPal Europe S.a.r.l.", "Gebühr",
                null, null), index).type()).isEqualTo(DebitClassifier.Type.PSP_FEE);
    }

    @Test
    void a_word_inside_a_name_is_not_a_fee() {
        assertThat(DebitClassifier.classify(debit("120.00", TransactionKind.OTHER, "Kaffeerösterei Nord",
                "Lieferung 4711", null, null), index).type()).isEqualTo(DebitClassifier.Type.OTHER);
    }

    @Test
    void the_matcher_answers_a_debit_with_its_class() {
        Proposal p = new Matcher(MatchingPolicy.defaults()).match(debit("49.90", TransactionKind.CHARGEBACK,
                "PayPal", "Chargeback 100233", null, null), index, PayerMemory.none());
        assertThat(p.band()).isEqualTo(Proposal.Band.UNMATCHED);
        assertThat(p.reasons()).contains("DEBIT_CHARGEBACK", "CHARGEBACK_OF RE-2026-00042");
    }
}
