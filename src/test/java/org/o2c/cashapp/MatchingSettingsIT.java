package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * A bookkeeper widens the tolerance for small differences: the next short payment is settled
 * automatically and its difference is written off to the shop's own account. Bad values are refused,
 * each field named, and nothing changes; every change is audited with the old and the new value.
 */
class MatchingSettingsIT extends IntegrationTest {
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 3_000_000_000L);
    private static final String IBAN = "DE89370400440532013000";

    @Autowired
    PaymentMatching matching;

    private static Map<String, Object> settings(String toleranceAmount, String tolerancePercent, String automatic,
            String suggestion, String differenceAccount) {
        Map<String, Object> m = new HashMap<>();
        m.put("toleranceAmount", toleranceAmount);
        m.put("tolerancePercent", tolerancePercent);
        m.put("skontoGraceDays", 3);
        m.put("automaticThreshold", automatic);
        m.put("suggestionThreshold", suggestion);
        m.put("nameSimilarity", "0.90");
        m.put("maxInvoicesPerPayment", 5);
        m.put("differenceAccount", differenceAccount);
        m.put("skontoAccount", "4736");
        return m;
    }

    private static void openItems(Api shop, String... lines) {
        StringBuilder csv = new StringBuilder("invoiceNumber;invoiceDate;dueDate;customerNumber;customerName;customerIban;gross;currency\n");
        for (String l : lines) {
            csv.append(l).append('\n');
        }
        shop.raw("POST", "/api/v1/receivables/open-items", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of()).expect(201);
    }

    private LineStatus pay(Api shop, String amount, String remittance) {
        long id = IDS.incrementAndGet();
        BankTransaction line = new BankTransaction(id, new ShopId(shop.shopId), 1, LocalDate.now(), LocalDate.now(),
                Money.of(amount, "EUR"), CreditDebit.CRDT, TransactionKind.PAYMENT, "Anna Beispiel", IBAN, null,
                remittance, "E2E-" + id, null, "BANK-" + id, false, null);
        return matching.match(new ShopId(shop.shopId), List.of(line)).get(id).status();
    }

    @Test
    void aWiderToleranceSettlesTheNextShortPaymentAndWritesTheDifferenceOffToTheShopsAccount() {
        Api shop = newShop("settings-tolerance");
        JsonNode defaults = shop.get("/api/v1/settings/cash-application").expect(200).json();
        assertThat(defaults.get("toleranceAmount").asString()).isEqualTo("2.50");
        assertThat(defaults.get("tolerancePercent").asString()).isEqualTo("5.00");
        assertThat(defaults.get("automaticThreshold").decimalValue()).isEqualByComparingTo("0.85");
        assertThat(defaults.get("suggestionThreshold").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(defaults.get("differenceAccount").asString()).isEqualTo("4970");
        assertThat(defaults.get("skontoAccount").asString()).isEqualTo("8736");
        assertThat(defaults.get("updatedBy").isNull()).isTrue();
        openItems(shop, "2025-1001;2025-11-02;2025-11-16;K1001;Anna Beispiel;" + IBAN + ";200,00;EUR",
                "2025-1002;2025-11-03;2025-11-17;K1001;Anna Beispiel;" + IBAN + ";300,00;EUR");

        // 4.00 short is more than the default 2.50: the payment is applied as a partial one, 4.00 stay open.
        assertThat(pay(shop, "196.00", "RE 2025-1001")).isEqualTo(LineStatus.MATCHED);
        JsonNode partly = shop.get("/api/v1/receivables/open-items/2025-1001").expect(200).json();
        assertThat(partly.get("openAmount").asString()).isEqualTo("4.00");
        assertThat(partly.get("postings").findValuesAsString("kind")).containsExactly("APPLIED");

        JsonNode saved = shop.put("/api/v1/settings/cash-application", settings("5.00", "2", "0.85", "0.30", "6855"))
                .expect(200).json();
        assertThat(saved.get("toleranceAmount").asString()).isEqualTo("5.00");
        assertThat(saved.get("differenceAccount").asString()).isEqualTo("6855");
        assertThat(saved.get("updatedBy").asString()).isNotBlank();

        // The same shortfall on the next invoice is now settled without a person (4.00 is within 5.00 and 2 %).
        assertThat(pay(shop, "296.00", "RE 2025-1002")).isEqualTo(LineStatus.MATCHED);
        JsonNode item = shop.get("/api/v1/receivables/open-items/2025-1002").expect(200).json();
        assertThat(item.get("openAmount").asString()).isEqualTo("0.00");
        JsonNode writeOff = item.get("postings").get(1);
        assertThat(writeOff.get("kind").asString()).isEqualTo("WRITTEN_OFF");
        assertThat(writeOff.get("amount").asString()).isEqualTo("4.00");
        assertThat(writeOff.get("account").asString()).isEqualTo("6855");

        JsonNode audit = shop.get("/api/v1/audit?subjectType=cash-application-settings&subjectId=" + shop.shopId)
                .expect(200).json();
        assertThat(audit).hasSize(1);
        JsonNode details = audit.get(0).get("details");
        JsonNode changes = details.isString() ? json.readTree(details.asString()) : details;
        assertThat(changes.at("/toleranceAmount/old").asString()).isEqualTo("2.50");
        assertThat(changes.at("/toleranceAmount/new").asString()).isEqualTo("5.00");
        assertThat(changes.at("/differenceAccount/old").asString()).isEqualTo("4970");
        assertThat(changes.at("/differenceAccount/new").asString()).isEqualTo("6855");
        assertThat(changes.has("skontoGraceDays")).isFalse();
    }

    @Test
    void badValuesAreRefusedFieldByFieldAndNothingChanges() {
        Api shop = newShop("settings-invalid");
        Map<String, Object> bad = settings("-1.00", "101", "0.20", "0.40", "49x0");
        bad.put("skontoGraceDays", 90);
        bad.remove("skontoAccount");
        JsonNode problem = shop.put("/api/v1/settings/cash-application", bad).expectProblem(422).json();

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("toleranceAmount",
                "tolerancePercent", "skontoGraceDays", "automaticThreshold", "differenceAccount", "skontoAccount");
        JsonNode after = shop.get("/api/v1/settings/cash-application").expect(200).json();
        assertThat(after.get("toleranceAmount").asString()).isEqualTo("2.50");
        assertThat(after.get("updatedBy").isNull()).isTrue();
        assertThat(shop.get("/api/v1/audit?subjectType=cash-application-settings&subjectId=" + shop.shopId)
                .expect(200).json()).isEmpty();

        shop.put("/api/v1/settings/cash-application", "{\"skontoGraceDays\": \"soon\"}").expectProblem(400);
        shop.put("/api/v1/settings/cash-application", settings("1", "5", "1.5", "0.3", "4970")).expectProblem(422);

        // Thresholds may be written as JSON numbers, as the contract shows them; the OpenAPI document lists the resource.
        shop.put("/api/v1/settings/cash-application", """
                {"toleranceAmount": "1.00", "tolerancePercent": "2", "skontoGraceDays": 2, "automaticThreshold": 0.9,
                 "suggestionThreshold": 0.35, "nameSimilarity": 0.95, "maxInvoicesPerPayment": 3,
                 "differenceAccount": "6855", "skontoAccount": "4736"}""").expect(200);
        assertThat(shop.get("/api/v1/settings/cash-application").json().get("automaticThreshold").decimalValue())
                .isEqualByComparingTo("0.90");
        assertThat(shop.get("/api/v1/openapi.json").expect(200).json().get("paths").has("/api/v1/settings/cash-application"))
                .isTrue();
    }

    @Test
    void anAutomaticThresholdOfOneLeavesEveryPaymentToAPerson() {
        Api shop = newShop("settings-off");
        openItems(shop, "2025-2001;2025-11-02;2025-11-16;K2001;Anna Beispiel;" + IBAN + ";50,00;EUR",
                "2025-2002;2025-11-02;2025-11-16;K2001;Anna Beispiel;" + IBAN + ";60,00;EUR");
        assertThat(pay(shop, "50.00", "RE 2025-2001")).isEqualTo(LineStatus.MATCHED);

        shop.put("/api/v1/settings/cash-application", settings("2.50", "5", "1", "0.30", "4970")).expect(200);

        assertThat(pay(shop, "60.00", "RE 2025-2002")).isEqualTo(LineStatus.SUGGESTED);
    }
}
