package org.o2c.receivables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.LineOutcome;
import org.o2c.banking.LineStatus;
import org.o2c.banking.PaymentMatching;
import org.o2c.banking.TransactionKind;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The story of a receivable: an invoice becomes an open item, a bank line pays it (automatically or by a
 * person), the invoice shows PAID or PARTIALLY_PAID, and every correction is a new entry: undo, chargeback.
 * Bank lines are handed to cash application the way the statement import does (banking's port).
 */
class ReceivablesIT extends IntegrationTest {
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String PAYER_IBAN = "DE89370400440532013000";

    @Autowired
    PaymentMatching matching;

    private Api shop(String name) {
        Api shop = newShop(name);
        Map<String, Object> company = new HashMap<>(Map.of("name", "Muster Shop GmbH", "street", "Hauptstr. 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE", "vatId", "DE123456789",
                "taxNumber", "30/123/45678", "iban", "DE02120300000000202051", "bic", "BYLADEM1001"));
        company.put("smallBusiness", false);
        company.put("ossEnabled", true);
        company.put("invoiceTrigger", "SHIPMENT");
        shop.put("/api/v1/settings/company", company).expect(200);
        shop.product("SOCK-1", "12.90", "STANDARD", 500);
        return shop;
    }

    /** Issues an invoice for a new order and waits until receivables has opened its item. */
    private JsonNode invoice(Api shop, String externalId, String email, int socks) {
        String orderId = shop.post("/api/v1/orders", order(externalId).email(email).line("SOCK-1", socks).build())
                .expect(201).json().get("id").asString();
        JsonNode invoice = shop.post("/api/v1/orders/" + orderId + "/invoice", Map.of()).expect(201).json();
        String number = invoice.get("number").asString();
        awaitItem(shop, number, item -> true);
        return invoice;
    }

    /** Open items are opened by an event after the invoice's commit: wait for it (no time assertion). */
    private JsonNode awaitItem(Api shop, String number, Predicate<JsonNode> until) {
        for (int i = 0; i < 300; i++) {
            Api.Response r = shop.get("/api/v1/receivables/open-items/" + number);
            if (r.status() == 200 && until.test(r.json())) {
                return r.json();
            }
            sleep();
        }
        throw new AssertionError("open item " + number + " did not reach the expected state");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BankTransaction credit(Api shop, String amount, String name, String iban, String remittance) {
        long id = IDS.incrementAndGet();
        return new BankTransaction(id, new ShopId(shop.shopId), 1, LocalDate.now(), LocalDate.now(),
                Money.of(amount, "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, name, iban, null, remittance,
                "E2E-" + id, null, "BANK-" + id, false, null);
    }

    private LineOutcome book(Api shop, BankTransaction line) {
        return matching.match(new ShopId(shop.shopId), List.of(line)).get(line.id());
    }

    private static JsonNode invoiceJson(Api shop, JsonNode invoice) {
        return shop.get("/api/v1/invoices/" + invoice.get("id").asString()).expect(200).json();
    }

    @Test
    void aPaymentWithTheInvoiceNumberAndTheExactAmountPaysTheInvoiceAndUndoReopensIt() {
        Api shop = shop("recv-paid");
        JsonNode invoice = invoice(shop, "rp-1", "anna@example.org", 2);
        String number = invoice.get("number").asString();
        String gross = invoice.at("/totals/gross").asString();
        assertThat(invoiceJson(shop, invoice).get("status").asString()).isEqualTo("OPEN");

        BankTransaction line = credit(shop, gross, "Anna Beispiel", PAYER_IBAN, "Rechnung " + number + " danke");
        LineOutcome outcome = book(shop, line);

        assertThat(outcome.status()).isEqualTo(LineStatus.MATCHED);
        assertThat(outcome.allocations()).extracting(LineOutcome.Allocation::invoiceNumber).containsExactly(number);
        JsonNode paid = invoiceJson(shop, invoice);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("openAmount").asString()).isEqualTo("0.00");
        assertThat(shop.get("/api/v1/invoices?status=PAID").expect(200).json().findValuesAsString("number"))
                .containsExactly(number);
        // Asked again (the same line from an overlapping statement), nothing is booked twice.
        assertThat(matching.match(new ShopId(shop.shopId), List.of(line)).get(line.id()).status()).isEqualTo(LineStatus.MATCHED);
        assertThat(shop.get("/api/v1/receivables/open-items/" + number).json().get("postings").size()).isEqualTo(1);

        JsonNode undone = shop.post("/api/v1/cash-application/lines/" + line.id() + "/undo",
                Map.of("reason", "wrong customer")).expect(200).json();

        assertThat(undone.get("status").asString()).isEqualTo("SUGGESTED");
        JsonNode reopened = invoiceJson(shop, invoice);
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("openAmount").asString()).isEqualTo(gross);
        JsonNode item = shop.get("/api/v1/receivables/open-items/" + number).expect(200).json();
        assertThat(item.get("postings").findValuesAsString("kind")).containsExactly("APPLIED", "REVERSED");
        assertThat(item.get("postings").get(1).get("amount").asString()).isEqualTo("-" + gross);
        assertThat(matching.outcomes(new ShopId(shop.shopId), List.of(line.id())).get(line.id()).status())
                .isEqualTo(LineStatus.SUGGESTED);
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/undo", Map.of()).expectProblem(409);
        // The line waits in the queue; accepting its suggestion pays the invoice again.
        assertThat(shop.get("/api/v1/cash-application/queue").expect(200).json().findValuesAsString("status"))
                .containsExactly("SUGGESTED");
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/accept", Map.of()).expect(200);
        assertThat(invoiceJson(shop, invoice).get("status").asString()).isEqualTo("PAID");
        assertThat(shop.get("/api/v1/cash-application/queue").expect(200).json().size()).isZero();
    }

    @Test
    void aPartialPaymentLeavesTheRestOpen() {
        Api shop = shop("recv-partial");
        JsonNode invoice = invoice(shop, "rpp-1", "bert@example.org", 4);
        String number = invoice.get("number").asString();
        String rest = new java.math.BigDecimal(invoice.at("/totals/gross").asString()).subtract(new java.math.BigDecimal("20.00"))
                .toPlainString();

        BankTransaction line = credit(shop, "20.00", "Bert", PAYER_IBAN, number);
        assertThat(book(shop, line).status()).isEqualTo(LineStatus.SUGGESTED);
        JsonNode queued = shop.get("/api/v1/cash-application/lines/" + line.id()).expect(200).json();
        assertThat(queued.at("/suggestion/reasons").get(0).asString()).contains(number);
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/accept", Map.of()).expect(200);

        JsonNode partly = invoiceJson(shop, invoice);
        assertThat(partly.get("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(partly.get("openAmount").asString()).isEqualTo(rest);
        assertThat(shop.get("/api/v1/invoices?status=PARTIALLY_PAID").expect(200).json().size()).isEqualTo(1);

        // The rest, with the exact open amount, is applied automatically.
        assertThat(book(shop, credit(shop, rest, "Bert", PAYER_IBAN, "Rest " + number)).status())
                .isEqualTo(LineStatus.MATCHED);
        assertThat(invoiceJson(shop, invoice).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void aCreditNoteReducesWhatIsOpenAndThePaymentOfTheRestPaysTheInvoice() {
        Api shop = shop("recv-credit");
        JsonNode invoice = invoice(shop, "rc-1", "cleo@example.org", 2);
        String number = invoice.get("number").asString();
        String gross = invoice.at("/totals/gross").asString();
        JsonNode credit = shop.post("/api/v1/invoices/" + invoice.get("id").asString() + "/credit-notes",
                Map.of("reason", "Retoure", "lines", List.of(Map.of("sku", "SOCK-1", "quantity", 1)))).expect(201).json();
        String credited = credit.at("/totals/gross").asString();
        String rest = new java.math.BigDecimal(gross).subtract(new java.math.BigDecimal(credited)).toPlainString();

        awaitItem(shop, number, item -> item.get("openAmount").asString().equals(rest));
        assertThat(invoiceJson(shop, invoice).get("openAmount").asString()).isEqualTo(rest);

        assertThat(book(shop, credit(shop, rest, "Cleo", null, "RG " + number)).status()).isEqualTo(LineStatus.MATCHED);
        JsonNode paid = invoiceJson(shop, invoice);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(shop.get("/api/v1/receivables/open-items/" + number).json().get("postings")
                .findValuesAsString("kind")).containsExactly("CREDITED", "APPLIED");
    }

    @Test
    void aChargebackReopensTheInvoiceItHadPaid() {
        Api shop = shop("recv-chargeback");
        JsonNode invoice = invoice(shop, "rcb-1", "dora@example.org", 1);
        String number = invoice.get("number").asString();
        String gross = invoice.at("/totals/gross").asString();
        BankTransaction payment = credit(shop, gross, "Dora", PAYER_IBAN, number);
        assertThat(book(shop, payment).status()).isEqualTo(LineStatus.MATCHED);
        assertThat(invoiceJson(shop, invoice).get("status").asString()).isEqualTo("PAID");

        long id = IDS.incrementAndGet();
        BankTransaction chargeback = new BankTransaction(id, new ShopId(shop.shopId), 2, LocalDate.now(), LocalDate.now(),
                Money.of(gross, "EUR"), CreditDebit.DBIT, TransactionKind.CHARGEBACK, "Dora", PAYER_IBAN, null,
                "RUECKLASTSCHRIFT", payment.endToEndId(), null, "BANK-" + id, false, "MD06");
        LineOutcome outcome = book(shop, chargeback);

        assertThat(outcome.status()).isEqualTo(LineStatus.MATCHED);
        assertThat(outcome.allocations()).extracting(LineOutcome.Allocation::invoiceNumber).containsExactly(number);
        JsonNode reopened = invoiceJson(shop, invoice);
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("openAmount").asString()).isEqualTo(gross);
        assertThat(shop.get("/api/v1/receivables/open-items/" + number).json().get("postings")
                .findValuesAsString("kind")).containsExactly("APPLIED", "CHARGEBACK");
        // The payment cannot be undone while its chargeback stands; undoing the chargeback closes the invoice again.
        shop.post("/api/v1/cash-application/lines/" + payment.id() + "/undo", Map.of()).expectProblem(409);
        shop.post("/api/v1/cash-application/lines/" + id + "/undo", Map.of("reason", "chargeback won")).expect(200);
        assertThat(invoiceJson(shop, invoice).get("status").asString()).isEqualTo("PAID");
        shop.post("/api/v1/cash-application/lines/" + id + "/accept", Map.of()).expectProblem(409);
        shop.post("/api/v1/cash-application/lines/" + id + "/ignore", Map.of("reason", "dispute won")).expect(200);

        // A bank fee is classified and stays out of the queue.
        long fee = IDS.incrementAndGet();
        assertThat(book(shop, new BankTransaction(fee, new ShopId(shop.shopId), 2, LocalDate.now(), LocalDate.now(),
                Money.of("3.50", "EUR"), CreditDebit.DBIT, TransactionKind.FEE, "Bank", null, null, "Entgelt", null,
                null, null, false, null)).status()).isEqualTo(LineStatus.IGNORED);
        assertThat(shop.get("/api/v1/cash-application/queue").expect(200).json().size()).isZero();
    }

    @Test
    void aPersonSplitsOnePaymentOverTwoInvoicesAndO2cLearnsThePayer() {
        Api shop = shop("recv-split");
        JsonNode first = invoice(shop, "rs-1", "emil@example.org", 1);
        JsonNode second = invoice(shop, "rs-2", "emil@example.org", 2);
        java.math.BigDecimal total = new java.math.BigDecimal(first.at("/totals/gross").asString())
                .add(new java.math.BigDecimal(second.at("/totals/gross").asString()));
        BankTransaction line = credit(shop, total.add(new java.math.BigDecimal("5.00")).toPlainString(),
                "Emil Sammelzahler", PAYER_IBAN, "Danke fuer alles");
        assertThat(book(shop, line).status()).isEqualTo(LineStatus.UNMATCHED);
        assertThat(shop.get("/api/v1/cash-application/queue?q=sammelzahler").expect(200).json().size()).isEqualTo(1);
        assertThat(shop.get("/api/v1/cash-application/queue?q=nobody").expect(200).json().size()).isZero();

        // Too much, or an invoice that does not exist: refused, nothing booked.
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/split", Map.of("allocations", List.of(
                Map.of("invoiceNumber", first.get("number").asString(), "amount", "9999.00")))).expectProblem(422);
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/split", Map.of("allocations", List.of(
                Map.of("invoiceNumber", "NOPE-1", "amount", "1.00")))).expectProblem(422);
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/split", Map.of("allocations", List.of(
                Map.of("invoiceNumber", first.get("number").asString(), "amount", "-1")))).expectProblem(422);

        JsonNode split = shop.post("/api/v1/cash-application/lines/" + line.id() + "/split", Map.of("allocations", List.of(
                Map.of("invoiceNumber", first.get("number").asString(), "amount", first.at("/totals/gross").asString()),
                Map.of("invoiceNumber", second.get("number").asString(), "amount", second.at("/totals/gross").asString()))))
                .expect(200).json();

        assertThat(split.get("status").asString()).isEqualTo("MATCHED");
        assertThat(split.get("decidedBy").asString()).isEqualTo("PERSON");
        assertThat(invoiceJson(shop, first).get("status").asString()).isEqualTo("PAID");
        assertThat(invoiceJson(shop, second).get("status").asString()).isEqualTo("PAID");
        assertThat(matching.outcomes(new ShopId(shop.shopId), List.of(line.id())).get(line.id()).allocations()).hasSize(2);
        String customer = first.get("customerNumber").asString();
        assertThat(shop.get("/api/v1/receivables/customers/" + customer + "/credit").expect(200).json().get("credit")
                .asString()).isEqualTo("5.00");
        // The next invoice of the same customer knows the account the customer pays from.
        JsonNode third = invoice(shop, "rs-3", "emil@example.org", 3);
        assertThat(shop.get("/api/v1/receivables/open-items/" + third.get("number").asString()).json()
                .get("knownIbans").get(0).asString()).isEqualTo(PAYER_IBAN);

        // Undo reverses both applications and the customer credit together.
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/undo", Map.of()).expect(200);
        assertThat(invoiceJson(shop, first).get("status").asString()).isEqualTo("OPEN");
        assertThat(invoiceJson(shop, second).get("status").asString()).isEqualTo("OPEN");
        assertThat(shop.get("/api/v1/receivables/customers/" + customer + "/credit").expect(200).json().get("credit")
                .asString()).isEqualTo("0.00");

        // Ignored lines leave the queue; undo brings them back.
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/ignore", Map.of("reason", "private")).expect(200);
        assertThat(shop.get("/api/v1/cash-application/queue").expect(200).json().size()).isZero();
        shop.post("/api/v1/cash-application/lines/" + line.id() + "/undo", Map.of()).expect(200);
        assertThat(shop.get("/api/v1/cash-application/queue").expect(200).json().size()).isEqualTo(1);
    }

    @Test
    void aDeductedDifferenceIsWrittenOffByHandAndTheInvoiceIsPaid() {
        Api shop = shop("recv-writeoff");
        JsonNode invoice = invoice(shop, "rw-1", "fritz@example.org", 2);
        String number = invoice.get("number").asString();
        java.math.BigDecimal gross = new java.math.BigDecimal(invoice.at("/totals/gross").asString());
        String paid = gross.subtract(new java.math.BigDecimal("0.52")).toPlainString();
        BankTransaction line = credit(shop, paid, "Fritz", PAYER_IBAN, number + " abzgl. Skonto");
        assertThat(book(shop, line).status()).isEqualTo(LineStatus.SUGGESTED);

        shop.post("/api/v1/cash-application/lines/" + line.id() + "/split", Map.of("allocations", List.of(
                Map.of("invoiceNumber", number, "amount", paid)), "writeOff", "0.52", "reason", "Skonto"))
                .expect(200);

        JsonNode after = invoiceJson(shop, invoice);
        assertThat(after.get("status").asString()).isEqualTo("PAID");
        assertThat(after.get("openAmount").asString()).isEqualTo("0.00");
        assertThat(shop.get("/api/v1/receivables/open-items/" + number).json().get("postings")
                .findValuesAsString("kind")).containsExactly("APPLIED", "WRITTEN_OFF");
    }

    @Test
    void importedOpenItemsArePaidLikeInvoicesAndTheMatchRateCountsLinesAndValue() {
        Api shop = shop("recv-import-rate");
        shop.raw("POST", "/api/v1/receivables/open-items", "text/csv", ("invoiceNumber;invoiceDate;dueDate;customerNumber;"
                + "customerName;customerIban;gross;currency\n2025-0815;2025-11-02;2025-11-16;K1001;Anna Beispiel;;17,80;EUR\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of()).expect(201);

        LineOutcome outcome = book(shop, credit(shop, "17.80", "Anna Beispiel", PAYER_IBAN, "RE 2025-0815"));
        assertThat(outcome.status()).isEqualTo(LineStatus.MATCHED);
        assertThat(outcome.allocations().get(0).invoiceNumber()).isEqualTo("2025-0815");
        assertThat(shop.get("/api/v1/receivables/open-items/2025-0815").json().get("openAmount").asString()).isEqualTo("0.00");
        book(shop, credit(shop, "82.20", "Unbekannt", null, "Spende"));

        JsonNode rate = shop.get("/api/v1/cash-application/match-rate").expect(200).json();
        assertThat(rate.get("lines").asLong()).isEqualTo(2);
        assertThat(rate.get("automaticLines").asLong()).isEqualTo(1);
        assertThat(rate.get("linePercent").asString()).isEqualTo("50.0");
        assertThat(rate.get("valuePercent").asString()).isEqualTo("17.8");
        assertThat(rate.get("byReason").get(0).get("reason").asString()).isEqualTo("REF_INVOICE_NUMBER");
    }
}
