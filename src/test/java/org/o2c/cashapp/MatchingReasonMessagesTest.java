package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.TransactionKind;
import org.o2c.shared.Money;

/** Every reason the matcher gives on a generated statement has a text the back-office can show. */
class MatchingReasonMessagesTest {

    @Test
    void every_reason_code_has_a_message() throws IOException {
        Properties messages = new Properties();
        try (var in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        StatementGenerator.Scenario s = StatementGenerator.generate(11, 300, 1500, 500);
        OpenItemIndex index = new OpenItemIndex(s.receivables());
        Matcher matcher = new Matcher(MatchingPolicy.defaults());
        Set<String> codes = new TreeSet<>();
        for (StatementGenerator.Line line : s.lines()) {
            matcher.match(line.transaction(), index, PayerMemory.none()).reasons()
                    .forEach(r -> codes.add(r.split(" ")[0]));
        }
        for (TransactionKind kind : TransactionKind.values()) {
            BankTransaction t = s.lines().get(0).transaction();
            BankTransaction debit = new BankTransaction(t.id(), t.shopId(), 1, t.bookingDate(), t.valueDate(),
                    Money.of("5.00", "EUR"), CreditDebit.DBIT, kind, "x", null, null, "y", null, null, null, false, "AM04");
            matcher.match(debit, index, PayerMemory.none()).reasons().forEach(r -> codes.add(r.split(" ")[0]));
        }
        assertThat(codes).hasSizeGreaterThan(15);
        assertThat(codes).allSatisfy(code -> assertThat(messages).containsKey("cashapp.reason." + code));
    }
}
