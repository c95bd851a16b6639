package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two statement imports pay the same invoices at the same moment (the customer paid twice, or two
 * overlapping exports of the bank), each in one transaction that books its file in chunks, as the
 * import does. Neither waits for the other in a circle, no invoice is paid beyond its amount, and
 * a payment that found its invoice busy waits for a person instead of failing the file.
 */
class ConcurrentCashApplicationIT extends IntegrationTest {
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 5_000_000_000L);
    private static final int ITEMS = 12;

    @Autowired
    PaymentMatching matching;

    @Autowired
    PlatformTransactionManager transactions;

    private static String number(int i) {
        return "2025-7" + String.format("%03d", i);
    }

    private static String gross(int i) {
        return (10 + i) + ".40";
    }

    /** A valid German IBAN per customer (the check digits computed as ISO 13616 wants them). */
    private static String iban(int i) {
        String bban = "37040044" + String.format("%010d", 532013000L + i);
        int check = 98 - new BigDecimal(new java.math.BigInteger(bban + "131400")).remainder(BigDecimal.valueOf(97)).intValue();
        return "DE" + String.format("%02d", check) + bban;
    }

    private static Api openItems(Api shop) {
        StringBuilder csv = new StringBuilder("invoiceNumber;invoiceDate;dueDate;customerNumber;customerName;customerIban;gross;currency\n");
        for (int i = 0; i < ITEMS; i++) {
            csv.append(number(i)).append(";2025-11-02;2025-11-16;K7").append(i).append(";Kunde ").append(i)
                    .append(';').append(iban(i)).append(';').append(gross(i)).append(";EUR\n");
        }
        shop.raw("POST", "/api/v1/receivables/open-items", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of()).expect(201);
        return shop;
    }

    /** The line a customer's bank sends for item {@code i}: its number, its amount, the customer's account. */
    private static BankTransaction payment(Api shop, int i) {
        long id = IDS.incrementAndGet();
        return new BankTransaction(id, new ShopId(shop.shopId), 1, LocalDate.now(), LocalDate.now(),
                Money.of(gross(i), "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, "Kunde " + i, iban(i), null,
                "Rechnung " + number(i), "E2E-" + id, null, "BANK-" + id, false, null);
    }

    /** One file's import: its chunks one after the other in one transaction, as banking books a statement. */
    private Map<Long, LineOutcome> importFile(Api shop, List<List<BankTransaction>> chunks, CyclicBarrier between) {
        return new TransactionTemplate(transactions).execute(status -> {
            Map<Long, LineOutcome> out = new HashMap<>();
            for (int c = 0; c < chunks.size(); c++) {
                out.putAll(matching.match(new ShopId(shop.shopId), chunks.get(c)));
                if (between != null && c < chunks.size() - 1) {
                    await(between);
                }
            }
            return out;
        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoItemPaidBeyondItsAmount(Api shop) {
        for (int i = 0; i < ITEMS; i++) {
            JsonNode item = shop.get("/api/v1/receivables/open-items/" + number(i)).expect(200).json();
            BigDecimal settled = BigDecimal.ZERO;
            for (JsonNode p : item.get("postings")) {
                settled = settled.add(new BigDecimal(p.get("amount").asString()));
            }
            assertThat(settled).as("settled of %s", number(i)).isEqualByComparingTo(gross(i));
            assertThat(item.get("openAmount").asString()).as("open of %s", number(i)).isEqualTo("0.00");
        }
    }

    @Test
    void twoImportsPayingTheSameInvoicesInOppositeOrderNeitherDeadlockNorPayTwice() throws Exception {
        Api shop = openItems(newShop("concurrent-imports"));
        List<BankTransaction> first = new ArrayList<>();
        List<BankTransaction> second = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            first.add(payment(shop, i));
            second.add(payment(shop, i));
        }
        int half = ITEMS / 2;
        // Each file holds the first chunk the other books last: without a lock order this is the classic deadlock.
        List<List<BankTransaction>> fileA = List.of(first.subList(0, half), first.subList(half, ITEMS));
        List<List<BankTransaction>> fileB = List.of(second.subList(half, ITEMS), second.subList(0, half));
        CyclicBarrier bothHoldTheirFirstChunk = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Map<Long, LineOutcome>> a = pool.submit(() -> importFile(shop, fileA, bothHoldTheirFirstChunk));
        Future<Map<Long, LineOutcome>> b = pool.submit(() -> importFile(shop, fileB, bothHoldTheirFirstChunk));
        Map<Long, LineOutcome> outcomes = new HashMap<>(a.get(120, TimeUnit.SECONDS));
        outcomes.putAll(b.get(120, TimeUnit.SECONDS));
        pool.shutdown();

        assertNoItemPaidBeyondItsAmount(shop);
        long matched = outcomes.values().stream().filter(o -> o.status() == LineStatus.MATCHED).count();
        long suggested = outcomes.values().stream().filter(o -> o.status() == LineStatus.SUGGESTED).count();
        assertThat(matched).isEqualTo(ITEMS);
        assertThat(suggested).isEqualTo(ITEMS);
        // The second payment of each invoice waits for a person, who sees why; accepting it now is refused.
        JsonNode queue = shop.get("/api/v1/cash-application/queue").expect(200).json();
        assertThat(queue).hasSize(ITEMS);
        assertThat(queue.get(0).get("note").asString()).contains("not applied automatically");
        shop.post("/api/v1/cash-application/lines/" + queue.get(0).get("id").asLong() + "/accept", Map.of())
                .expectProblem(422);
        assertNoItemPaidBeyondItsAmount(shop);
    }

    @Test
    void manyImportsAndPeopleAtOnceNeverPayAnInvoiceBeyondItsAmount() throws Exception {
        Api shop = openItems(newShop("concurrent-many"));
        // A person's queue: one suggestion per invoice (paid from an account o2c knows as another customer's).
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            long id = IDS.incrementAndGet();
            BankTransaction stranger = new BankTransaction(id, new ShopId(shop.shopId), 1, LocalDate.now(),
                    LocalDate.now(), Money.of(gross(i), "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, "Z Fremd",
                    iban((i + 1) % ITEMS), null, "Rechnung " + number(i), "E2E-" + id, null,
                    "BANK-" + id, false, null);
            assertThat(matching.match(new ShopId(shop.shopId), List.of(stranger)).get(id).status())
                    .isEqualTo(LineStatus.SUGGESTED);
            waiting.add(id);
        }
        int files = 3;
        ExecutorService pool = Executors.newFixedThreadPool(files + 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            List<BankTransaction> lines = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                lines.add(payment(shop, i));
            }
            Collections.shuffle(lines, new Random(f));
            List<List<BankTransaction>> chunks = List.of(lines.subList(0, 4), lines.subList(4, 8), lines.subList(8, ITEMS));
            work.add(pool.submit(() -> {
                start.await();
                return importFile(shop, chunks, null);
            }));
        }
        List<Integer> acceptStatuses = Collections.synchronizedList(new ArrayList<>());
        for (int p = 0; p < 2; p++) {
            List<Long> mine = new ArrayList<>(waiting);
            Collections.shuffle(mine, new Random(100 + p));
            work.add(pool.submit(() -> {
                start.await();
                for (long id : mine) {
                    acceptStatuses.add(shop.post("/api/v1/cash-application/lines/" + id + "/accept", Map.of()).status());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> w : work) {
            w.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertNoItemPaidBeyondItsAmount(shop);
        // A person either paid the invoice, found it paid already (422) or decided by the colleague (409);
        // never a deadlock or a server error.
        assertThat(acceptStatuses).hasSize(2 * ITEMS).allMatch(s -> s == 200 || s == 409 || s == 422);
    }
}
