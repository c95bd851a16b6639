package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.LineStatus;
import org.o2c.banking.PaymentMatching;
import org.o2c.banking.TransactionKind;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Manual decisions teach o2c the payer: a payment from an account nobody knew, with nothing but the
 * amount, waits for a person; once the person has decided, the next payment from that account with the
 * right amount is applied automatically.
 */
class PayerLearningIT extends IntegrationTest {
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);
    private static final String PARTNERS_IBAN = "DE02120300000000202051";

    @Autowired
    PaymentMatching matching;

    private static Api withItems(Api shop) {
        String csv = """
                invoiceNumber;invoiceDate;dueDate;customerNumber;customerName;customerIban;gross;currency
                2025-3001;2025-11-02;2025-11-16;K3001;Anna Beispiel;;31,70;EUR
                2025-3002;2025-11-09;2025-11-23;K3001;Anna Beispiel;;47,20;EUR
                2025-3003;2025-11-10;2025-11-24;K3002;Bernd Muster;;19,90;EUR
                """;
        shop.raw("POST", "/api/v1/receivables/open-items", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
                .expect(201);
        return shop;
    }

    /** The partner pays from the joint account under a name o2c cannot tie to the customer, without a reference. */
    private BankTransaction fromPartner(Api shop, String amount) {
        long id = IDS.incrementAndGet();
        return new BankTransaction(id, new ShopId(shop.shopId), 1, LocalDate.now(), LocalDate.now(),
                Money.of(amount, "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, "M. Schmidt-Oberholzer",
                PARTNERS_IBAN, null, "Danke", "E2E-" + id, null, "BANK-" + id, false, null);
    }

    private LineStatus book(Api shop, BankTransaction line) {
        return matching.match(new ShopId(shop.shopId), List.of(line)).get(line.id()).status();
    }

    @Test
    void acceptingASuggestionForAnUnknownAccountMakesTheNextPaymentFromItMatchAutomatically() {
        Api shop = withItems(newShop("learn-accept"));
        BankTransaction first = fromPartner(shop, "31.70");
        assertThat(book(shop, first)).isEqualTo(LineStatus.SUGGESTED);

        shop.post("/api/v1/cash-application/lines/" + first.id() + "/accept", Map.of()).expect(200);

        BankTransaction next = fromPartner(shop, "47.20");
        assertThat(book(shop, next)).isEqualTo(LineStatus.MATCHED);
        assertThat(shop.get("/api/v1/receivables/open-items/2025-3002").json().get("openAmount").asString())
                .isEqualTo("0.00");
        assertThat(shop.get("/api/v1/cash-application/lines/" + next.id()).json().get("suggestion").get("reasons")
                .toString()).contains("PAYER_");
    }

    @Test
    void aSplitByHandForAnUnknownAccountTeachesItToo() {
        Api shop = withItems(newShop("learn-split"));
        BankTransaction first = fromPartner(shop, "25.00");
        assertThat(book(shop, first)).isEqualTo(LineStatus.UNMATCHED);

        shop.post("/api/v1/cash-application/lines/" + first.id() + "/split", Map.of("allocations", List.of(
                Map.of("invoiceNumber", "2025-3001", "amount", "25.00")))).expect(200);

        // The rest of the first invoice, from the same account: o2c now knows whose account it is.
        BankTransaction next = fromPartner(shop, "6.70");
        assertThat(book(shop, next)).isEqualTo(LineStatus.MATCHED);
        assertThat(shop.get("/api/v1/receivables/open-items/2025-3001").json().get("openAmount").asString())
                .isEqualTo("0.00");
        // Someone else's invoice is not paid from that account on the amount alone.
        assertThat(book(shop, fromPartner(shop, "19.90"))).isNotEqualTo(LineStatus.MATCHED);
    }
}
