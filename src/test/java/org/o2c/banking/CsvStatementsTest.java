package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvStatementsTest {
    @TempDir
    Path tmp;

    List<ParsedLine> read(String resource, CsvMapping mapping, StatementFormat expected) throws Exception {
        Path file = tmp.resolve(resource);
        try (var in = getClass().getResourceAsStream("/bank/" + resource)) {
            Files.copy(in, file);
        }
        return read(file, mapping, expected);
    }

    List<ParsedLine> read(Path file, CsvMapping mapping, StatementFormat expected) throws Exception {
        List<ParsedLine> lines = new ArrayList<>();
        assertThat(CsvStatements.read(file, StandardCharsets.UTF_8, mapping, lines::add)).isEqualTo(expected);
        return lines;
    }

    @Test
    void aStripePayoutSplitsIntoOrdersRefundsDisputesAndFees() throws Exception {
        List<ParsedLine> lines = read("o2c__stripe_payout_reconciliation.csv", null, StatementFormat.STRIPE);
        assertThat(lines).extracting(ParsedLine::kind).containsExactly(TransactionKind.PAYMENT, TransactionKind.FEE,
                TransactionKind.PAYMENT, TransactionKind.FEE, TransactionKind.REFUND, TransactionKind.CHARGEBACK,
                TransactionKind.FEE);
        ParsedLine order = lines.get(0);
        assertThat(order.amount()).isEqualByComparingTo("49.90");
        assertThat(order.direction()).isEqualTo(CreditDebit.CRDT);
        assertThat(order.remittanceInfo()).contains("RE-2026-0101").contains("1001");
        assertThat(order.counterpartyName()).isEqualTo("Erika Mustermann");
        assertThat(order.bookingText()).contains("po_1X");
        assertThat(lines.get(4).direction()).isEqualTo(CreditDebit.DBIT);
        // the lines add up to the payout that reaches the bank
        BigDecimal net = lines.stream().map(l -> l.direction() == CreditDebit.CRDT ? l.amount() : l.amount().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(net).isEqualByComparingTo("97.02");
    }

    @Test
    void payPalInGermanAndEnglishMappedByHeaderName() throws Exception {
        List<ParsedLine> de = read("paypal_activity_de__beancount-paypal.csv", null, StatementFormat.PAYPAL);
        List<ParsedLine> en = read("paypal_activity_en__beancount-paypal.csv", null, StatementFormat.PAYPAL);
        assertThat(de.get(0).amount()).isEqualByComparingTo("25.00");
        assertThat(de.get(0).counterpartyName()).isEqualTo("Max Mustermann");
        assertThat(de.get(0).kind()).isEqualTo(TransactionKind.PAYMENT);
        assertThat(de.get(1).kind()).isEqualTo(TransactionKind.FEE);
        assertThat(de.get(1).amount()).isEqualByComparingTo("1.50");
        assertThat(en.get(0).amount()).isEqualByComparingTo("100.00");
        assertThat(en.get(0).bookingDate()).hasToString("2025-09-15");
        assertThat(en.get(0).currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void aBankCsvThroughTheSavedMappingWithCommaDecimalsAndShortDates() throws Exception {
        Path file = tmp.resolve("bank.csv");
        Files.writeString(file, """
                Buchungstag;Betrag;Verwendungszweck;Soll/Haben
                26.11.2026;1.234,56;RE-2026-0042;H
                27.11.26;45,00;Abschlag;S
                """);
        CsvMapping mapping = new CsvMapping(null, true, null, "EUR", Map.of("bookingDate", "Buchungstag",
                "amount", "Betrag", "remittanceInfo", "Verwendungszweck", "creditDebit", "Soll/Haben"));
        List<ParsedLine> lines = read(file, mapping, StatementFormat.CSV);
        assertThat(lines.get(0).amount()).isEqualByComparingTo("1234.56");
        assertThat(lines.get(0).direction()).isEqualTo(CreditDebit.CRDT);
        assertThat(lines.get(1).direction()).isEqualTo(CreditDebit.DBIT);
        assertThat(lines.get(1).bookingDate()).hasToString("2026-11-27");

        Files.writeString(file, "Buchungstag;Betrag;Verwendungszweck;Soll/Haben\n26.11.2026;1,00;a;H\n31.02.2026;1,00;b;H\n");
        assertThatThrownBy(() -> read(file, mapping, StatementFormat.CSV)).isInstanceOf(UnreadableStatement.class)
                .satisfies(e -> assertThat(((UnreadableStatement) e).where()).isEqualTo("line 3"));
    }
}
