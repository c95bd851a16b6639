package org.o2c.receivables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.o2c.shared.Problem;

/** How the open-items CSV of a previous system is read: amounts as people write them, quotes, bad lines. */
class OpenItemsCsvTest {

    private static BigDecimal amount(String raw) {
        List<String> problems = new ArrayList<>();
        BigDecimal value = OpenItemsImport.amount(raw, problems);
        assertThat(problems).as(raw).isEmpty();
        return value;
    }

    @Test
    void amountsTakeADecimalCommaOrPointAndThousandsSeparators() {
        assertThat(amount("17,80")).isEqualByComparingTo("17.80");
        assertThat(amount("17.80")).isEqualByComparingTo("17.80");
        assertThat(amount("1.234,56")).isEqualByComparingTo("1234.56");
        assertThat(amount("1,234.56")).isEqualByComparingTo("1234.56");
        assertThat(amount("5")).isEqualByComparingTo("5.00");
    }

    @Test
    void impossibleAmountsAreNamed() {
        for (String raw : List.of("abc", "0", "-3,00", "1,234", "12.345")) {
            List<String> problems = new ArrayList<>();
            assertThat(OpenItemsImport.amount(raw, problems)).as(raw).isNull();
            assertThat(problems).as(raw).singleElement().asString().contains("gross");
        }
    }

    @Test
    void quotedCellsMayHoldTheSeparator() {
        assertThat(OpenItemsImport.split("a;\"b; c\";\"say \"\"hi\"\"\";")).containsExactly("a", "b; c", "say \"hi\"", "");
    }

    @Test
    void everyBadLineIsNamedWithItsNumber() {
        String csv = "invoiceNumber;invoiceDate;gross\nR-1;2025-11-02;10,00\nR-2;yesterday;10,00\n;2025-11-02;x\n";
        assertThatThrownBy(() -> OpenItemsImport.parse(csv)).isInstanceOfSatisfying(Problem.class, p ->
                assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("line 3", "line 4"));
        assertThat(OpenItemsImport.parse("invoiceNumber;invoiceDate;gross\r\nR-1;02.11.2025;10,00\r\n\r\n")).hasSize(1);
    }
}
