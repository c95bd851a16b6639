package org.o2c.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A shop moving to o2c brings its unpaid invoices as a CSV; they become open items like o2c's own. */
class OpenItemsImportIT extends IntegrationTest {

    private static final String HEADER = "invoiceNumber;invoiceDate;dueDate;customerNumber;customerName;customerIban;gross;currency\n";

    private static Api.Response upload(Api shop, String csv) {
        return shop.raw("POST", "/api/v1/receivables/open-items", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void theContractsExampleImportsOnceAndTakesDecimalCommaOrPoint() {
        Api shop = newShop("open-items-import");
        String csv = HEADER
                + "2025-0815;2025-11-02;2025-11-16;K1001;Anna Beispiel;DE02120300000000202051;17,80;EUR\n"
                + "2025-0816;2025-11-03;2025-11-17;K1002;Bernd Muster;;1.234,56;EUR\n"
                + "2025-0817;03.11.2025;;K1003;\"Café; Kuchen GmbH\";;99.90;\n";

        assertThat(upload(shop, csv).expect(201).json().get("imported").asInt()).isEqualTo(3);

        JsonNode first = shop.get("/api/v1/receivables/open-items/2025-0815").expect(200).json();
        assertThat(first.get("openAmount").asString()).isEqualTo("17.80");
        assertThat(first.get("customerName").asString()).isEqualTo("Anna Beispiel");
        assertThat(first.get("dueDate").asString()).isEqualTo("2025-11-16");
        assertThat(first.get("origin").asString()).isEqualTo("IMPORT");
        assertThat(first.get("knownIbans").get(0).asString()).isEqualTo("DE02120300000000202051");
        assertThat(shop.get("/api/v1/receivables/open-items/2025-0816").expect(200).json().get("gross").asString())
                .isEqualTo("1234.56");
        JsonNode third = shop.get("/api/v1/receivables/open-items/2025-0817").expect(200).json();
        assertThat(third.get("customerName").asString()).isEqualTo("Café; Kuchen GmbH");
        assertThat(third.get("dueDate").asString()).isEqualTo("2025-11-03");
        assertThat(third.get("currency").asString()).isEqualTo("EUR");

        // The same file again, and a file that repeats one number: nothing is imported twice.
        assertThat(upload(shop, csv).expect(201).json().get("imported").asInt()).isZero();
        assertThat(upload(shop, HEADER + "2025-0815;2025-11-02;2025-11-16;K1001;Anna Beispiel;;17,80;EUR\n"
                + "2025-0900;2025-11-20;2025-12-04;K1001;Anna Beispiel;;5.00;EUR\n").expect(201).json()
                .get("imported").asInt()).isEqualTo(1);
        assertThat(shop.get("/api/v1/receivables/open-items").expect(200).json().size()).isEqualTo(4);
    }

    @Test
    void aBadLineRefusesTheWholeFileAndNamesTheLine() {
        Api shop = newShop("open-items-bad");
        String csv = HEADER
                + "2025-1001;2025-11-02;2025-11-16;K1001;Anna Beispiel;;17,80;EUR\n"
                + "2025-1002;2025-13-45;2025-11-16;K1002;Bernd Muster;;12,00;EUR\n"
                + "2025-1003;2025-11-02;2025-11-16;K1003;Clara;DE00123;abc;EUR\n";

        JsonNode problem = upload(shop, csv).expectProblem(422).json();

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("line 3", "line 4");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("invoiceDate");
        assertThat(problem.get("errors").get(1).get("message").asString()).contains("customerIban").contains("gross");
        assertThat(shop.get("/api/v1/receivables/open-items").expect(200).json().size()).isZero();
        shop.get("/api/v1/receivables/open-items/2025-1001").expectProblem(404);

        assertThat(upload(shop, "number;date\n1;2\n").expectProblem(422).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("line 1");
        upload(shop, "").expectProblem(422);
    }

    @Test
    void aPreviousSystemsWholeLedgerImportsInOneFileAboveTheUsualBodyLimit() {
        Api shop = newShop("open-items-large");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 20_000; i++) {
            // the same IBAN for every 100 invoices of a customer: each customer's account is learned once
            csv.append("ALT-").append(i).append(";2025-10-01;2025-10-15;K").append(i % 200).append(";Kundin ")
                    .append(i % 200).append(";").append(i % 2 == 0 ? "DE02120300000000202051" : "").append(";")
                    .append(10 + i % 90).append(",50;EUR\n");
        }
        assertThat(csv.length()).isGreaterThan(1_048_576);
        assertThat(upload(shop, csv.toString()).expect(201).json().get("imported").asInt()).isEqualTo(20_000);
        assertThat(shop.get("/api/v1/receivables/open-items/ALT-20000").expect(200).json().get("gross").asString())
                .isEqualTo("30.50"); // 10 + 20,000 mod 90
        // The even customers pay from the one IBAN: each of them is known for it now.
        assertThat(shop.get("/api/v1/receivables/open-items/ALT-2").expect(200).json().get("knownIbans").get(0).asString())
                .isEqualTo("DE02120300000000202051");
        assertThat(upload(shop, csv.toString()).expect(201).json().get("imported").asInt()).isZero();
    }
}
