package org.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.support.Orders.order;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A web shop sends orders; o2c checks them, reserves stock and never takes one twice. */
class OrderIntakeIT extends IntegrationTest {
    Api shop;

    @BeforeEach
    void shopWithStock() {
        shop = newShop("intake");
        shop.product("SOCK-1", "12.90", "STANDARD", 50);
        shop.product("TEA-1", "6.50", "REDUCED", 20);
    }

    @Test
    void anOrderOnInvoiceIsConfirmedAtOnceAndReservesItsStock() {
        JsonNode o = shop.post("/api/v1/orders", order("shop-10001").line("SOCK-1", 2).line("TEA-1", 1).build())
                .expect(201).json();

        assertThat(o.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(o.get("number").asString()).isNotBlank();
        // 2 × 12.90 + 6.50 + 4.90 shipping, split between 19 % and 7 % in proportion to the goods.
        assertThat(o.at("/totals/gross").asString()).isEqualTo("37.20");
        assertThat(o.at("/totals/tax").asString()).isEqualTo("5.23");
        assertThat(o.at("/totals/net").asString()).isEqualTo("31.97");
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isEqualTo(2);
        assertThat(shop.stock("SOCK-1").get("available").asInt()).isEqualTo(48);
        assertThat(shop.stock("SOCK-1").get("onHand").asInt()).isEqualTo(50);

        JsonNode fetched = shop.get("/api/v1/orders/" + o.get("id").asString()).expect(200).json();
        assertThat(fetched.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(fetched.get("statusHistory").findValuesAsString("status")).containsExactly("NEW", "CONFIRMED");
    }

    @Test
    void theSameExternalIdAgainAnswersTheExistingOrderAndReservesNothingMore() {
        Map<String, Object> body = order("shop-10002").line("SOCK-1", 3).build();
        String id = shop.post("/api/v1/orders", body).expect(201).json().get("id").asString();

        JsonNode again = shop.post("/api/v1/orders", body).expect(200).json();

        assertThat(again.get("id").asString()).isEqualTo(id);
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isEqualTo(3);
        assertThat(shop.get("/api/v1/orders").json().get("items")).hasSize(1);
    }

    @Test
    void prepaymentOrdersWaitForTheirMoney() {
        JsonNode o = shop.post("/api/v1/orders", order("shop-10003").line("TEA-1", 1).set("paymentMethod", "PREPAYMENT")
                .build()).expect(201).json();
        assertThat(o.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void badInputIsRefusedNamingEveryBadFieldAndNothingIsStored() {
        Map<String, Object> body = order("shop-bad").line("SOCK-1", 0).line("NOPE", 1).email("not-an-email")
                .billing("1234", "Amsterdam", "NL").set("shippingCost", "4.999").build();

        JsonNode problem = shop.post("/api/v1/orders", body).expectProblem(422).json();

        assertThat(problem.get("errors").findValuesAsString("field")).contains("customer.email",
                "billingAddress.postalCode", "lines[0].quantity", "lines[1].sku", "shippingCost");
        assertThat(shop.get("/api/v1/orders").json().get("items")).isEmpty();
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isZero();
    }

    @Test
    void missingFieldsAndUnknownCountriesAreNamed() {
        Map<String, Object> body = order("shop-bad-2").line("SOCK-1", 1).email(null).billing("80331", "München", "XX")
                .set("paymentMethod", null).build();
        JsonNode problem = shop.post("/api/v1/orders", body).expectProblem(422).json();
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("customer.email", "billingAddress.country", "paymentMethod");
    }

    @Test
    void postalCodesAreNormalisedToTheCountrysSpelling() {
        JsonNode nl = shop.post("/api/v1/orders", order("nl-1").email("nl@example.org").line("SOCK-1", 1)
                .billing("1234ab", "Amsterdam", "NL").build()).expect(201).json();
        JsonNode pl = shop.post("/api/v1/orders", order("pl-1").email("pl@example.org").line("SOCK-1", 1)
                .billing("00950", "Warszawa", "pl").build()).expect(201).json();

        assertThat(nl.at("/billingAddress/postalCode").asString()).isEqualTo("1234 AB");
        assertThat(pl.at("/billingAddress/postalCode").asString()).isEqualTo("00-950");
        assertThat(pl.at("/billingAddress/country").asString()).isEqualTo("PL");
        shop.post("/api/v1/orders", order("gb-bad").line("SOCK-1", 1).billing("12345", "London", "GB").build())
                .expectProblem(422);
    }

    @Test
    void notEnoughStockIsAConflictAndNothingIsReserved() {
        JsonNode problem = shop.post("/api/v1/orders", order("too-many").line("TEA-1", 5).line("SOCK-1", 51).build())
                .expectProblem(409).json();

        assertThat(problem.get("type").asString()).endsWith("insufficient-stock");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("lines[1].quantity");
        assertThat(shop.stock("TEA-1").get("reserved").asInt()).isZero();
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isZero();
    }

    @Test
    void cancellingAnOrderReleasesItsReservation() {
        String id = shop.post("/api/v1/orders", order("to-cancel").line("SOCK-1", 4).build()).expect(201).json()
                .get("id").asString();

        shop.post("/api/v1/orders/" + id + "/cancel", Map.of()).expectProblem(422);
        JsonNode cancelled = shop.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "customer changed mind"))
                .expect(200).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isZero();
        JsonNode last = cancelled.get("statusHistory").get(cancelled.get("statusHistory").size() - 1);
        assertThat(last.get("reason").asString()).isEqualTo("customer changed mind");
        assertThat(last.get("actor").asString()).isEqualTo("token:test");
        List<String> kinds = shop.get("/api/v1/stock/SOCK-1/movements").json().findValuesAsString("kind");
        assertThat(kinds).containsExactly("RELEASE", "RESERVATION", "COUNT");
        shop.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "again")).expectProblem(409);
    }

    @Test
    void aLikelyDuplicateIsTakenButHeldUntilSomeoneReleasesIt() {
        shop.post("/api/v1/orders", order("dup-1").line("SOCK-1", 2).build()).expect(201);
        JsonNode second = shop.post("/api/v1/orders", order("dup-2").line("SOCK-1", 2).build()).expect(201).json();

        assertThat(second.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(second.at("/hold/reason").asString()).isEqualTo("POSSIBLE_DUPLICATE");
        assertThat(shop.stock("SOCK-1").get("reserved").asInt()).isEqualTo(4);

        JsonNode released = shop.post("/api/v1/orders/" + second.get("id").asString() + "/release",
                Map.of("reason", "customer wants two parcels")).expect(200).json();
        assertThat(released.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(released.get("statusHistory").findValuesAsString("status"))
                .containsExactly("NEW", "ON_HOLD", "CONFIRMED");
    }

    @Test
    void aDifferentBasketOfTheSameCustomerIsNoDuplicate() {
        shop.post("/api/v1/orders", order("basket-1").line("SOCK-1", 2).build()).expect(201);
        JsonNode other = shop.post("/api/v1/orders", order("basket-2").line("SOCK-1", 3).build()).expect(201).json();
        assertThat(other.get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void ordersAreListedByStatusAndFoundBySearch() {
        shop.post("/api/v1/orders", order("list-1").line("SOCK-1", 1).name("Zoe Zander").email("zoe@example.org").build())
                .expect(201);
        shop.post("/api/v1/orders", order("list-2").line("TEA-1", 1).set("paymentMethod", "PREPAYMENT").build())
                .expect(201);

        assertThat(shop.get("/api/v1/orders?status=AWAITING_PAYMENT").json().get("items").findValuesAsString("externalId"))
                .containsExactly("list-2");
        assertThat(shop.get("/api/v1/orders?q=zander").json().get("items").findValuesAsString("externalId"))
                .containsExactly("list-1");
        shop.get("/api/v1/orders?status=NONSENSE").expectProblem(422);
    }

    @Test
    void theAnswerToAnOrderIsWhatLaterReadsShow() {
        JsonNode first = shop.post("/api/v1/orders", order("answer-1").line("SOCK-1", 2).line("TEA-1", 1)
                .billingCompany("Wollwerk GmbH", "Hinterhaus").shipTo("20095", "Hamburg", "DE").build())
                .expect(201).json();
        JsonNode held = shop.post("/api/v1/orders", order("answer-2").line("SOCK-1", 2).line("TEA-1", 1)
                .billingCompany("Wollwerk GmbH", "Hinterhaus").shipTo("20095", "Hamburg", "DE").build())
                .expect(201).json();

        assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(first).isEqualTo(shop.get("/api/v1/orders/" + first.get("id").asString()).expect(200).json());
        assertThat(held).isEqualTo(shop.get("/api/v1/orders/" + held.get("id").asString()).expect(200).json());
        assertThat(first).isEqualTo(shop.post("/api/v1/orders", order("answer-1").line("SOCK-1", 2).line("TEA-1", 1)
                .billingCompany("Wollwerk GmbH", "Hinterhaus").shipTo("20095", "Hamburg", "DE").build())
                .expect(200).json());
    }

    @Test
    void aReturningBuyerKeepsTheCustomerNumber() {
        JsonNode first = shop.post("/api/v1/orders", order("again-1").email("again@example.org").line("SOCK-1", 1)
                .build()).expect(201).json();
        JsonNode second = shop.post("/api/v1/orders", order("again-2").email("again@example.org").line("TEA-1", 1)
                .build()).expect(201).json();
        JsonNode newcomer = shop.post("/api/v1/orders", order("again-3").email("newcomer@example.org")
                .line("TEA-1", 1).build()).expect(201).json();

        assertThat(second.at("/customer/id").asString()).isEqualTo(first.at("/customer/id").asString());
        assertThat(second.at("/customer/number").asString()).isEqualTo(first.at("/customer/number").asString());
        // The known buyer's order drew no customer number: the next new buyer gets the next one.
        long number = Long.parseLong(first.at("/customer/number").asString().substring(1));
        assertThat(newcomer.at("/customer/number").asString()).isEqualTo("K" + (number + 1));
    }
}
