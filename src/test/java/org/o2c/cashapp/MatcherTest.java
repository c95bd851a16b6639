package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.TransactionKind;
import org.o2c.invoicing.CreditorReference;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;

/** Each matching case on a tiny ledger: what a payer writes and sends, and what o2c makes of it. */
class MatcherTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
    static final String HANS_IBAN = "DE02120300000000202051";
    static final String STRANGER_IBAN = "DE88100900001234567892";

    final Matcher matcher = new Matcher(MatchingPolicy.defaults());
    final List<Receivable> ledger = new ArrayList<>();
    PayerMemory.InMemory memory = new PayerMemory.InMemory();

    /** Hans Müller (10017, account known) owes RE-2026-00042 (order 100233) 49.90 and RE-2026-00043 29.95. */
    MatcherTest() {
        invoice("RE-2026-00042", "100233", "10017", "Müller, Hans", Set.of(HANS_IBAN), "49.90", null);
        invoice("RE-2026-00043", "100234", "10017", "Müller, Hans", Set.of(HANS_IBAN), "29.95", null);
        invoice("RE-2026-00024", "100215", "10020", "Weber Elektro GmbH", Set.of(), "129.00",
                new Receivable.Skonto(new BigDecimal("2"), TODAY.minusDays(1)));
        invoice("RE-2026-00044", "100235", "10021", "Sabine Schäfer", Set.of(), "19.99", null);
        invoice("RE-2026-00045", "100236", "10022", "Jürgen Groß", Set.of(), "74.85", null);
    }

    void invoice(String number, String order, String customer, String name, Set<String> ibans, String gross,
                 Receivable.Skonto skonto) {
        Money g = Money.of(gross, "EUR");
        ledger.add(new Receivable(number, order, customer, name, ibans, TODAY.minusDays(20), TODAY.minusDays(6),
                g, g, CreditorReference.of(number), skonto));
    }

    static BankTransaction credit(String amount, String payer, String iban, String text) {
        return credit(amount, payer, iban, text, null);
    }

    static BankTransaction credit(String amount, String payer, String iban, String text, String endToEnd) {
        return new BankTransaction(1, ShopId.DEFAULT, 1, TODAY, TODAY, Money.of(amount, "EUR"), CreditDebit.CRDT,
                TransactionKind.PAYMENT, payer, iban, null, text, endToEnd, null, null, false, null);
    }

    Proposal match(BankTransaction line) {
        return matcher.match(line, new OpenItemIndex(ledger), memory);
    }

    static List<String> invoices(Proposal p) {
        return p.allocations().stream().map(Proposal.Allocation::invoiceNumber).toList();
    }

    // ---- references ----

    @Test
    void an_invoice_number_with_a_prefix_and_the_exact_amount_is_applied_automatically() {
        Proposal p = match(credit("49.90", "HANS MUELLER", HANS_IBAN, "RE 2026-00042 Kd 10017 danke"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.allocations()).containsExactly(new Proposal.Allocation("RE-2026-00042", Money.of("49.90", "EUR")));
        assertThat(p.reasons()).contains("REF_INVOICE_NUMBER RE-2026-00042", "AMOUNT_EXACT", "PAYER_IBAN_KNOWN");
        assertThat(p.confidence()).isGreaterThanOrEqualTo(new BigDecimal("0.900"));
    }

    @Test
    void separators_case_and_german_prefixes_do_not_matter() {
        for (String text : List.of("SVWZ+RG2026 00042", "re2026-00042", "Rg.-Nr. 2026/00042", "RE202600042",
                "Rechnung RE - 2026 - 00042")) {
            Proposal p = match(credit("49.90", "Hans Müller", STRANGER_IBAN, text));
            assertThat(p.band()).as(text).isEqualTo(Proposal.Band.AUTOMATIC);
            assertThat(invoices(p)).as(text).containsExactly("RE-2026-00042");
        }
    }

    @Test
    void letters_that_look_like_digits_are_read_as_digits() {
        Proposal p = match(credit("49.90", "Hans Müller", HANS_IBAN, "RE 2O26-0OO42"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.reasons()).contains("REF_READ_AS_DIGITS RE-2026-00042");
    }

    @Test
    void a_typo_in_the_number_is_applied_when_amount_and_payer_confirm_it() {
        Proposal p = match(credit("74.85", "GROSS, JUERGEN", STRANGER_IBAN, "Rechnung 2026-0045"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(invoices(p)).containsExactly("RE-2026-00045");
        assertThat(p.reasons()).anyMatch(r -> r.startsWith("REF_TYPO"));
    }

    @Test
    void a_typo_confirmed_only_by_the_amount_is_a_suggestion() {
        Proposal p = match(credit("74.85", "Petra Kaiser", STRANGER_IBAN, "Rechnung 2026-0045"));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
        assertThat(invoices(p)).containsExactly("RE-2026-00045");
    }

    @Test
    void a_transposed_number_that_is_another_invoice_yields_to_the_neighbour_that_fits() {
        // 00024 exists (Weber, 129.00); Hans meant his own 00042 and paid its amount from his known account.
        Proposal p = match(credit("49.90", "Hans Müller", HANS_IBAN, "RE-2026-00024"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(invoices(p)).containsExactly("RE-2026-00042");
        assertThat(p.reasons()).contains("QUOTED_NUMBER_DOES_NOT_FIT");
    }

    @Test
    void an_order_number_instead_of_the_invoice_number_is_applied() {
        Proposal p = match(credit("49.90", "Hans Müller", STRANGER_IBAN, "Bestellung 100233"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.reasons()).contains("REF_ORDER_NUMBER 100233");
    }

    @Test
    void a_structured_creditor_reference_counts_only_with_correct_check_digits() {
        String rf = CreditorReference.of("RE-2026-00044");
        Proposal p = match(credit("19.99", "S. Schaefer", STRANGER_IBAN, rf.substring(0, 4) + " " + rf.substring(4)));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.reasons()).contains("REF_CREDITOR_REFERENCE " + rf);

        String broken = "RF" + (rf.charAt(2) == '9' ? "1" : "9") + rf.substring(3);
        Proposal q = match(credit("19.99", "S. Schaefer", STRANGER_IBAN, broken));
        assertThat(q.reasons()).noneMatch(r -> r.startsWith("REF_CREDITOR_REFERENCE"));
    }

    @Test
    void the_end_to_end_id_is_read_like_the_text() {
        Proposal p = match(credit("49.90", "Hans Müller", STRANGER_IBAN, "Online-Ueberweisung", "E2E-100233"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.reasons()).contains("REF_END_TO_END 100233");
    }

    // ---- near-misses and decoys ----

    @Test
    void a_quoted_number_whose_amount_and_payer_do_not_fit_is_a_near_miss_for_a_person() {
        Proposal p = match(credit("35.00", "Petra Kaiser", STRANGER_IBAN, "RE-2026-00044"));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
        assertThat(p.reasons()).contains("REF_INVOICE_NUMBER RE-2026-00044", "PAYER_NOT_THE_CUSTOMER");
    }

    @Test
    void an_unrelated_credit_whose_amount_equals_an_open_invoice_is_never_automatic() {
        Proposal p = match(credit("74.85", "Petra Kaiser", STRANGER_IBAN, "Miete Garage Juni"));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
        assertThat(p.reasons()).anyMatch(r -> r.startsWith("AMOUNT_ONLY"));
    }

    @Test
    void nothing_that_fits_leaves_the_line_unmatched() {
        Proposal p = match(credit("1234.56", "Finanzamt Köln-Mitte", STRANGER_IBAN, "Erstattung USt"));
        assertThat(p.band()).isEqualTo(Proposal.Band.UNMATCHED);
        assertThat(p.allocations()).isEmpty();
    }

    @Test
    void a_quoted_number_paid_from_an_account_known_for_another_customer_is_a_suggestion() {
        Proposal p = match(credit("19.99", "Hans Müller", HANS_IBAN, "RE-2026-00044"));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
        assertThat(p.reasons()).contains("PAYER_PAYS_FOR_OTHER_CUSTOMER");
    }

    @Test
    void a_quoted_number_that_fits_the_amount_is_not_traded_for_a_neighbour_of_the_payer() {
        // Hans pays Sabine's 00044 from his account; his own 00046 (one digit away) has the same amount.
        invoice("RE-2026-00046", "100237", "10017", "Müller, Hans", Set.of(HANS_IBAN), "19.99", null);
        Proposal p = match(credit("19.99", "Hans Müller", HANS_IBAN, "RE-2026-00044"));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
    }

    @Test
    void a_third_party_quoting_number_and_exact_amount_is_applied() {
        Proposal p = match(credit("74.85", "Steuerbüro Lange GmbH", STRANGER_IBAN, "Re. RE-2026-00045 J. Gross"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(invoices(p)).containsExactly("RE-2026-00045");
    }

    // ---- the payer without a reference ----

    @Test
    void a_known_account_and_the_only_fitting_amount_is_applied_without_a_reference() {
        Proposal p = match(credit("29.95", "H. Mueller", HANS_IBAN, "Danke"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(invoices(p)).containsExactly("RE-2026-00043");
        assertThat(p.reasons()).contains("PAYER_IBAN_KNOWN", "ONLY_FITTING_ITEM_OF_PAYER");
    }

    @Test
    void two_items_of_the_payer_with_the_same_amount_are_for_a_person() {
        invoice("RE-2026-00050", "100240", "10017", "Müller, Hans", Set.of(HANS_IBAN), "29.95", null);
        Proposal p = match(credit("29.95", "Hans Müller", HANS_IBAN, ""));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
        assertThat(p.reasons()).anyMatch(r -> r.startsWith("AMOUNT_AMBIGUOUS"));
    }

    @Test
    void the_same_name_written_differently_and_the_exact_amount_is_applied() {
        Proposal p = match(credit("74.85", "GROSS JUERGEN", STRANGER_IBAN, "Vielen Dank"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(invoices(p)).containsExactly("RE-2026-00045");
        assertThat(p.reasons()).contains("PAYER_NAME_SIMILAR 1.000");
    }

    @Test
    void a_payer_name_learned_from_an_earlier_decision_confirms_a_partial_payment() {
        BankTransaction line = credit("20.00", "Erika Berger", STRANGER_IBAN, "RE-2026-00045 Teilzahlung");
        assertThat(match(line).band()).isEqualTo(Proposal.Band.SUGGESTED);
        memory.learnName("Erika Berger", "10022");
        Proposal p = match(line);
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.reasons()).contains("PAYER_KNOWN_BY_NAME");
    }

    // ---- amounts ----

    @Test
    void several_quoted_invoices_paid_at_once_are_all_applied() {
        Proposal p = match(credit("79.85", "Hans Müller", STRANGER_IBAN, "Rechnungen RE-2026-00042 und 2026-00043"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(invoices(p)).containsExactlyInAnyOrder("RE-2026-00042", "RE-2026-00043");
        assertThat(p.reasons()).contains("AMOUNT_COMBINED 2");
    }

    @Test
    void a_combined_payment_without_reference_is_found_among_the_payers_items() {
        Proposal p = match(credit("79.85", "Hans Müller", HANS_IBAN, "Sammelüberweisung"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(invoices(p)).containsExactlyInAnyOrder("RE-2026-00042", "RE-2026-00043");
        assertThat(p.reasons()).contains("ONLY_COMBINATION_OF_PAYERS_ITEMS");
    }

    @Test
    void a_combination_that_can_be_made_two_ways_is_for_a_person() {
        invoice("RE-2026-00051", "100241", "10017", "Müller, Hans", Set.of(HANS_IBAN), "29.95", null);
        invoice("RE-2026-00052", "100242", "10017", "Müller, Hans", Set.of(HANS_IBAN), "10.00", null);
        Proposal p = match(credit("79.85", "Hans Müller", HANS_IBAN, "offene Rechnungen"));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
    }

    @Test
    void a_partial_payment_from_the_customer_is_applied_and_the_rest_stays_open() {
        Proposal p = match(credit("20.00", "Hans Müller", HANS_IBAN, "Teilzahlung RE-2026-00042"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.allocations()).containsExactly(new Proposal.Allocation("RE-2026-00042", Money.of("20.00", "EUR")));
        assertThat(p.writeOff().isZero()).isTrue();
    }

    @Test
    void a_partial_payment_from_a_stranger_is_a_suggestion() {
        Proposal p = match(credit("20.00", "Petra Kaiser", STRANGER_IBAN, "Teilzahlung RE-2026-00042"));
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
    }

    @Test
    void an_overpayment_pays_the_invoice_and_keeps_the_rest_as_customer_credit() {
        Proposal p = match(credit("59.90", "Hans Müller", HANS_IBAN, "RE-2026-00042"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.allocations()).containsExactly(new Proposal.Allocation("RE-2026-00042", Money.of("49.90", "EUR")));
        assertThat(p.customerCredit()).isEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void skonto_within_its_terms_is_applied_with_the_discount_written_off() {
        Proposal p = match(credit("126.42", "WEBER ELEKTRO GMBH", STRANGER_IBAN, "RE-2026-00024 abzgl. 2% Skonto"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.allocations()).containsExactly(new Proposal.Allocation("RE-2026-00024", Money.of("126.42", "EUR")));
        assertThat(p.writeOff()).isEqualTo(Money.of("2.58", "EUR"));
        assertThat(p.reasons()).contains("AMOUNT_SKONTO 2.58");
    }

    @Test
    void skonto_taken_too_late_is_not_written_off() {
        BankTransaction late = new BankTransaction(1, ShopId.DEFAULT, 1, TODAY.plusDays(10), TODAY.plusDays(10),
                Money.of("126.42", "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, "Weber Elektro GmbH",
                STRANGER_IBAN, null, "RE-2026-00024", null, null, null, false, null);
        Proposal p = match(late);
        assertThat(p.writeOff().isZero()).isTrue();
        assertThat(p.reasons()).contains("SKONTO_TOO_LATE");
    }

    @Test
    void a_small_difference_within_tolerance_is_written_off() {
        Proposal p = match(credit("48.40", "Hans Müller", STRANGER_IBAN, "RE-2026-00042"));
        assertThat(p.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(p.writeOff()).isEqualTo(Money.of("1.50", "EUR"));
        assertThat(p.reasons()).contains("AMOUNT_WITHIN_TOLERANCE 1.50");
    }

    @Test
    void a_difference_beyond_tolerance_is_a_partial_payment() {
        Proposal p = match(credit("44.90", "Hans Müller", STRANGER_IBAN, "RE-2026-00042"));
        assertThat(p.writeOff().isZero()).isTrue();
        assertThat(p.reasons()).contains("AMOUNT_PARTIAL 49.90");
    }

    @Test
    void the_tolerance_is_the_shops_setting() {
        MatchingPolicy strict = new MatchingPolicy(BigDecimal.ZERO, BigDecimal.ZERO, 0, 900, 850, 300, 24, 5, 5);
        Proposal p = new Matcher(strict).match(credit("48.40", "Hans Müller", STRANGER_IBAN, "RE-2026-00042"),
                new OpenItemIndex(ledger), memory);
        assertThat(p.writeOff().isZero()).isTrue();
    }

    @Test
    void a_second_payment_of_a_paid_invoice_is_a_suggestion_not_a_match() {
        OpenItemIndex index = new OpenItemIndex(ledger);
        index.applied("RE-2026-00044", Money.of("19.99", "EUR"));
        Proposal p = matcher.match(credit("19.99", "Sabine Schäfer", STRANGER_IBAN, "RE-2026-00044"), index, memory);
        assertThat(p.band()).isEqualTo(Proposal.Band.SUGGESTED);
        assertThat(p.reasons()).contains("INVOICE_ALREADY_PAID RE-2026-00044");
    }

    @Test
    void the_index_follows_applications_so_the_second_part_pays_the_rest() {
        OpenItemIndex index = new OpenItemIndex(ledger);
        Proposal first = matcher.match(credit("20.00", "Hans Müller", HANS_IBAN, "RE-2026-00042 1. Rate"), index, memory);
        first.allocations().forEach(a -> index.applied(a.invoiceNumber(), a.amount()));
        Proposal second = matcher.match(credit("29.90", "Hans Müller", HANS_IBAN, "RE-2026-00042 Rest"), index, memory);
        assertThat(second.band()).isEqualTo(Proposal.Band.AUTOMATIC);
        assertThat(second.reasons()).contains("AMOUNT_EXACT");
    }

    @Test
    void payouts_and_reversals_are_not_matched_here() {
        BankTransaction payout = new BankTransaction(1, ShopId.DEFAULT, 1, TODAY, TODAY, Money.of("49.90", "EUR"),
                CreditDebit.CRDT, TransactionKind.PAYOUT, "PayPal Europe", null, null, "RE-2026-00042", null, null,
                null, false, null);
        assertThat(match(payout).reasons()).containsExactly("PSP_PAYOUT");
    }
}
