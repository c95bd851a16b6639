package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.LineOutcome;
import org.o2c.banking.LineStatus;
import org.o2c.banking.PaymentMatching;
import org.o2c.banking.TransactionKind;
import org.o2c.receivables.Receivables;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cash application reads the open items once per import and keeps them current while it books: later
 * lines of the same file see what earlier ones paid or pulled back, and what another transaction paid
 * meanwhile is never paid a second time.
 */
class ImportMatchingSessionIT extends IntegrationTest {
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);

    @Autowired
    PaymentMatching matching;

    @Autowired
    Receivables receivables;

    @Autowired
    PlatformTransactionManager transactions;

    private static String number(int i) {
        return "2025-8" + String.format("%03d", i);
    }

    private static String gross(int i) {
        return (20 + i) + ".70";
    }

    private Api shopWithItems(String name, int items) {
        Api shop = newShop(name);
        StringBuilder csv = new StringBuilder("invoiceNumber;invoiceDate;dueDate;customerNumber;customerName;gross;currency\n");
        for (int i = 0; i < items; i++) {
            csv.append(number(i)).append(";2025-11-02;2025-11-16;K8").append(i).append(";Kundin ").append(i)
                    .append(';').append(gross(i)).append(";EUR\n");
        }
        shop.raw("POST", "/api/v1/receivables/open-items", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of()).expect(201);
        return shop;
    }

    private static BankTransaction payment(Api shop, int i) {
        long id = IDS.incrementAndGet();
        return new BankTransaction(id, new ShopId(shop.shopId), 1, LocalDate.now(), LocalDate.now(),
                Money.of(gross(i), "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, "Kundin " + i, null, null,
                "Rechnung " + number(i), "E2E-" + id, null, "BANK-" + id, false, null);
    }

    private static BankTransaction chargeback(Api shop, BankTransaction original) {
        long id = IDS.incrementAndGet();
        return new BankTransaction(id, new ShopId(shop.shopId), 1, LocalDate.now(), LocalDate.now(),
                original.amount(), CreditDebit.DBIT, TransactionKind.CHARGEBACK, original.counterpartyName(), null,
                null, "Rueckbuchung", original.endToEndId(), null, "BANK-" + id, false, null);
    }

    private Money open(Api shop, int i) {
        return receivables.find(new ShopId(shop.shopId), number(i)).orElseThrow().open();
    }

    @Test
    void aPaymentOfAnInvoiceAnotherTransactionPaidDuringTheImportWaitsForAPerson() {
        Api shop = shopWithItems("session-paid-meanwhile", 2);
        ShopId id = new ShopId(shop.shopId);
        BankTransaction first = payment(shop, 0);
        BankTransaction again = payment(shop, 0);
        BankTransaction paidMeanwhile = payment(shop, 1);
        Map<Long, LineOutcome> out = new TransactionTemplate(transactions).execute(status -> {
            Map<Long, LineOutcome> o = new HashMap<>(matching.match(id, List.of(first)));
            // A person pays item 1 while the import is between two chunks.
            TransactionTemplate other = new TransactionTemplate(transactions);
            other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            other.executeWithoutResult(s -> receivables.apply(id, new Receivables.Payment("test:by-hand",
                    List.of(new Receivables.Allocation(number(1), Money.of(gross(1), "EUR"))), List.of(), null, null,
                    "paid at the counter")));
            o.putAll(matching.match(id, List.of(again, paidMeanwhile)));
            return o;
        });
        assertThat(out.get(first.id()).status()).isEqualTo(LineStatus.MATCHED);
        assertThat(out.get(again.id()).status()).isNotEqualTo(LineStatus.MATCHED);
        assertThat(out.get(paidMeanwhile.id()).status()).isEqualTo(LineStatus.SUGGESTED);
        assertThat(open(shop, 0).amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(open(shop, 1).amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(receivables.settledByPayments(id, number(1), Money.EUR).amount()).isEqualByComparingTo(gross(1));
    }

    @Test
    void aChargebackInTheSameFileReopensTheInvoiceForItsLaterPayment() {
        Api shop = shopWithItems("session-chargeback", 1);
        ShopId id = new ShopId(shop.shopId);
        BankTransaction paid = payment(shop, 0);
        BankTransaction pulledBack = chargeback(shop, paid);
        BankTransaction paidAgain = payment(shop, 0);
        Map<Long, LineOutcome> out = new TransactionTemplate(transactions)
                .execute(status -> matching.match(id, List.of(paid, pulledBack, paidAgain)));
        assertThat(out.get(paid.id()).status()).isEqualTo(LineStatus.MATCHED);
        assertThat(out.get(pulledBack.id()).status()).isEqualTo(LineStatus.MATCHED);
        assertThat(out.get(pulledBack.id()).allocations()).extracting(LineOutcome.Allocation::invoiceNumber)
                .containsExactly(number(0));
        assertThat(out.get(paidAgain.id()).status()).isEqualTo(LineStatus.MATCHED);
        assertThat(open(shop, 0).amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(receivables.postings(id, number(0))).hasSize(3);
    }
}
