package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.o2c.banking.BankStatementsIT.resource;
import static org.o2c.banking.BankStatementsIT.upload;
import static org.o2c.banking.BankStatementsIT.zip;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.support.Api;
import org.o2c.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What counts as the same line: identical lines are counted per statement, so a statement delivered twice
 * books once while two truly identical payments inside one statement both book; and a bank batch booked as
 * one sum (camt.053) and as its items (camt.054) counts its money once, in either order.
 */
class StatementScopeIT extends IntegrationTest {

    private static final String OPEN_ITEMS = """
            invoiceNumber;invoiceDate;dueDate;customerNumber;customerName;customerIban;gross;currency
            RE-2026-0101;2026-11-10;2026-11-24;K1001;Anna Beispiel;DE44500105175407324931;30,00;EUR
            RE-2026-0102;2026-11-10;2026-11-24;K1002;Bernd Brot;DE12500105170648489890;45,50;EUR
            RE-2026-0103;2026-11-11;2026-11-25;K1003;Clara Coral;DE89370400440532013000;48,90;EUR
            """;

    @Test
    void theSameStatementTwiceInOneZipBooksOnce() throws Exception {
        Api shop = newShop("Zip twice shop");
        byte[] statement = resource("o2c__camt053.v8.dk-shop.xml");
        // the bank's ZIP holds the day statement and, by mistake, a copy of it under another name
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("2026-11-26/camt053_001.xml", statement);
        entries.put("2026-11-26/camt053_001_copy.xml", statement);
        JsonNode r = upload(shop, "application/zip", zip(entries)).expect(201).json();
        assertThat(r.get("transactions").asInt()).isEqualTo(5);
        assertThat(r.get("duplicates").asInt()).isEqualTo(5);
    }

    @Test
    void twoIdenticalPaymentsInOneStatementBothBookAndAnOverlappingFileOnlyAddsItsNewLines() {
        Api shop = newShop("Identical lines shop");
        String twice = mt940(List.of(line("2611261126CR25,00NTRFNONREF", "Rechnung RE-2026-0200"),
                line("2611261126CR25,00NTRFNONREF", "Rechnung RE-2026-0200")));
        JsonNode first = upload(shop, "text/plain", twice.getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertThat(first.get("transactions").asInt()).as("the customer really paid twice").isEqualTo(2);

        // the next download overlaps: the same two lines again, plus a third identical one and a new line
        String later = mt940(List.of(line("2611261126CR25,00NTRFNONREF", "Rechnung RE-2026-0200"),
                line("2611261126CR25,00NTRFNONREF", "Rechnung RE-2026-0200"),
                line("2611261126CR25,00NTRFNONREF", "Rechnung RE-2026-0200"),
                line("2611261126CR80,00NTRFNONREF", "Rechnung RE-2026-0201")));
        JsonNode second = upload(shop, "text/plain", later.getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertThat(second.get("transactions").asInt()).isEqualTo(2);
        assertThat(second.get("duplicates").asInt()).isEqualTo(2);
    }

    @Test
    void breakdownFirstThenTheSumInTheDayStatement() throws Exception {
        Api shop = newShop("Breakdown first shop");
        openItems(shop);
        JsonNode items = upload(shop, "application/xml", resource("o2c__camt054.v8.batch-items.xml")).expect(201).json();
        assertThat(items.get("transactions").asInt()).isEqualTo(3);
        assertThat(items.get("matched").asInt()).as("each item pays its invoice").isEqualTo(3);

        JsonNode day = upload(shop, "application/xml", resource("o2c__camt053.v8.batch-lump.xml")).expect(201).json();
        assertThat(day.get("transactions").asInt()).as("only the ordinary transfer counts").isEqualTo(1);
        assertThat(day.get("duplicates").asInt()).isEqualTo(1);
        JsonNode lump = lines(shop, day).get(0);
        assertThat(lump.get("amount").asString()).isEqualTo("124.40");
        assertThat(lump.get("bookingState").asString()).isEqualTo("COVERED");
        assertThat(lump.get("status").asString()).isEqualTo("IGNORED");
        assertThat(lump.get("bookingNote").asString()).contains("3 items");
        assertThat(lines(shop, day).get(1).get("bookingState").asString()).isEqualTo("BOOKED");
    }

    @Test
    void theSumFirstIsSupersededByItsItemsWhileNothingWasAppliedFromIt() throws Exception {
        Api shop = newShop("Sum first shop");
        JsonNode day = upload(shop, "application/xml", resource("o2c__camt053.v8.batch-lump.xml")).expect(201).json();
        assertThat(day.get("transactions").asInt()).isEqualTo(2);
        assertThat(lines(shop, day).get(0).get("status").asString()).isNotEqualTo("MATCHED");

        openItems(shop);
        JsonNode items = upload(shop, "application/xml", resource("o2c__camt054.v8.batch-items.xml")).expect(201).json();
        assertThat(items.get("transactions").asInt()).isEqualTo(3);
        assertThat(items.get("matched").asInt()).isEqualTo(3);
        JsonNode lump = lines(shop, day).get(0);
        assertThat(lump.get("bookingState").asString()).isEqualTo("SUPERSEDED");
        assertThat(lump.get("status").asString()).as("not waiting for a person any more").isEqualTo("IGNORED");
        JsonNode queue = shop.get("/api/v1/cash-application/queue").expect(200).json();
        assertThat(queue.toString()).doesNotContain("\"transactionId\":" + lump.get("id").asLong() + ",");
        assertThat(lines(shop, items).get(1).get("allocations").get(0).get("invoiceNumber").asString())
                .isEqualTo("RE-2026-0102");

        // the same breakdown again (another download of it) changes nothing
        byte[] again = (new String(resource("o2c__camt054.v8.batch-items.xml"), StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode second = upload(shop, "application/xml", again).expect(201).json();
        assertThat(second.get("transactions").asInt()).isZero();
        assertThat(second.get("duplicates").asInt()).isEqualTo(3);
    }

    @Test
    void aSumAlreadyAppliedStaysAndItsItemsAreRecordedAsCovered() throws Exception {
        Api shop = newShop("Sum applied shop");
        openItems(shop);
        JsonNode day = upload(shop, "application/xml", resource("o2c__camt053.v8.batch-lump.xml")).expect(201).json();
        long lumpId = lines(shop, day).get(0).get("id").asLong();
        if (!"MATCHED".equals(lines(shop, day).get(0).get("status").asString())) {
            // the bookkeeper knew the collection and applied the sum by hand before the breakdown arrived
            shop.post("/api/v1/cash-application/lines/" + lumpId + "/split", Map.of("allocations", List.of(
                    Map.of("invoiceNumber", "RE-2026-0101", "amount", "30.00"),
                    Map.of("invoiceNumber", "RE-2026-0102", "amount", "45.50"),
                    Map.of("invoiceNumber", "RE-2026-0103", "amount", "48.90")), "reason", "Lastschrift-Sammler"))
                    .expect(200);
        }
        JsonNode items = upload(shop, "application/xml", resource("o2c__camt054.v8.batch-items.xml")).expect(201).json();
        assertThat(items.get("transactions").asInt()).isZero();
        assertThat(items.get("duplicates").asInt()).isEqualTo(3);
        JsonNode item = lines(shop, items).get(0);
        assertThat(item.get("bookingState").asString()).isEqualTo("COVERED");
        assertThat(item.get("bookingNote").asString()).contains("already applied");
        assertThat(item.get("status").asString()).isEqualTo("IGNORED");
        JsonNode lump = lines(shop, day).get(0);
        assertThat(lump.get("bookingState").asString()).isEqualTo("BOOKED");
        assertThat(lump.get("status").asString()).isEqualTo("MATCHED");
        assertThat(lump.get("allocations").size()).isEqualTo(3);
    }

    @Test
    void bothFilesInOneZipCountTheBatchOnceInEitherOrder() throws Exception {
        for (String[] names : new String[][] {{"1-camt054.xml", "2-camt053.xml"}, {"2-camt054.xml", "1-camt053.xml"}}) {
            Api shop = newShop("Both in one zip shop " + names[0]);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put(names[0], resource("o2c__camt054.v8.batch-items.xml"));
            entries.put(names[1], resource("o2c__camt053.v8.batch-lump.xml"));
            JsonNode r = upload(shop, "application/zip", zip(entries)).expect(201).json();
            assertThat(r.get("transactions").asInt()).as("three items and the transfer").isEqualTo(4);
            assertThat(r.get("duplicates").asInt()).as("the sum").isEqualTo(1);
            assertThat(r.get("matched").asInt() + r.get("suggested").asInt() + r.get("unmatched").asInt())
                    .isEqualTo(4);
        }
    }

    private static void openItems(Api shop) {
        shop.raw("POST", "/api/v1/receivables/open-items", "text/csv", OPEN_ITEMS.getBytes(StandardCharsets.UTF_8),
                Map.of()).expect(201);
    }

    private static JsonNode lines(Api shop, JsonNode statement) {
        return shop.get("/api/v1/bank-statements/" + statement.get("id").asLong() + "/transactions").expect(200).json();
    }

    private static String line(String field61, String purpose) {
        return ":61:" + field61 + "\n:86:166?00GUTSCHR. UEBERWEISUNG?100931?20SVWZ+" + purpose
                + "?30COBADEFFXXX?31DE89370400440532013000?32Erika Mustermann\n";
    }

    private static String mt940(List<String> lines) {
        return ":20:STARTUMSE\n:25:12030000/0000202051\n:28C:00231/001\n:60F:C261125EUR1000,00\n"
                + String.join("", lines) + ":62F:C261126EUR1100,00\n-\n";
    }
}
