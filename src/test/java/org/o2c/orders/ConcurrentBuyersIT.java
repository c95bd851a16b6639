package org.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;

/** Two hundred buyers want the last fifty units at the same moment: exactly fifty get one. */
class ConcurrentBuyersIT extends IntegrationTest {

    @Test
    void twoHundredConcurrentBuyersOfFiftyUnitsGetExactlyFiftyOrders() throws Exception {
        Api shop = newShop("rush");
        shop.product("LAST-50", "19.90", "STANDARD", 50);

        int buyers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return shop.post("/api/v1/orders", order("rush-" + n).email("buyer" + n + "@example.org")
                        .name("Buyer " + n).line("LAST-50", 1).build());
            }));
        }
        start.countDown();
        int created = 0;
        int soldOut = 0;
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            if (r.status() == 201) {
                created++;
            } else {
                r.expectProblem(409);
                assertThat(r.json().get("type").asString()).endsWith("insufficient-stock");
                soldOut++;
            }
        }
        pool.shutdown();

        assertThat(created).isEqualTo(50);
        assertThat(soldOut).isEqualTo(150);
        assertThat(shop.stock("LAST-50").get("reserved").asInt()).isEqualTo(50);
        assertThat(shop.stock("LAST-50").get("available").asInt()).isZero();
        assertThat(shop.get("/api/v1/orders?limit=1000").json().get("items")).hasSize(50);
        assertThat(shop.get("/api/v1/stock/LAST-50/movements?limit=1000").json().findValuesAsString("kind")
                .stream().filter("RESERVATION"::equals).count()).isEqualTo(50);
    }

    @Test
    void theSameOrderSentTwiceAtOnceIsTakenOnce() throws Exception {
        Api shop = newShop("double-click");
        shop.product("ONE", "5.00", "STANDARD", 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return shop.post("/api/v1/orders", order("same-external-id").line("ONE", 1).build());
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            statuses.add(f.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(shop.stock("ONE").get("reserved").asInt()).isEqualTo(1);
    }
}
