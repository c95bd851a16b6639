package org.o2c.cashapp;

// STAND-IN, only on the receivables branch: the lead deletes this file when the matching branch lands
// with the real Matcher, OpenItemIndex and PayerMemory. It knows one rule: the exact invoice number (or
// RF reference) in the remittance and the exact open amount apply automatically; the number with another
// amount is a suggestion. Reasons start with a short key before ':' that the KPI groups by.

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.o2c.banking.BankTransaction;
import org.o2c.shared.Money;
import org.springframework.stereotype.Component;

/** Stand-in marker: see the comment at the top of the file. */
final class MatcherStandIn {
    private MatcherStandIn() {}
}

@Component
class Matcher {

    Proposal match(BankTransaction line, OpenItemIndex index, PayerMemory payers) {
        String text = normalize((line.remittanceInfo() == null ? "" : line.remittanceInfo()) + " "
                + (line.endToEndId() == null ? "" : line.endToEndId()));
        Money none = Money.zero(line.amount().currency());
        for (Receivable r : index.all()) {
            boolean byNumber = contains(text, normalize(r.invoiceNumber()));
            boolean byRf = r.creditorReference() != null && contains(text, normalize(r.creditorReference()));
            if (!byNumber && !byRf) {
                continue;
            }
            String why = byRf ? "RF reference: " + r.creditorReference() : "invoice number in the remittance: " + r.invoiceNumber();
            if (r.open().compareTo(line.amount()) == 0) {
                return new Proposal(Proposal.Band.AUTOMATIC, new BigDecimal("0.99"),
                        List.of(new Proposal.Allocation(r.invoiceNumber(), line.amount())), none, none,
                        List.of(why, "amount equals the open amount: " + r.open().toPlainString()));
            }
            Money applied = line.amount().compareTo(r.open()) < 0 ? line.amount() : r.open();
            Money credit = line.amount().subtract(applied);
            return new Proposal(Proposal.Band.SUGGESTED, new BigDecimal("0.60"),
                    List.of(new Proposal.Allocation(r.invoiceNumber(), applied)), none, credit,
                    List.of(why, "amount differs: " + line.amount().toPlainString() + " paid, "
                            + r.open().toPlainString() + " open"));
        }
        return new Proposal(Proposal.Band.UNMATCHED, null, List.of(), none, none, List.of("no reference found"));
    }

    private static boolean contains(String text, String token) {
        return !token.isEmpty() && text.contains(token);
    }

    private static String normalize(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}

class OpenItemIndex {
    private final List<Receivable> items;

    OpenItemIndex(List<Receivable> items) {
        this.items = new ArrayList<>(items);
    }

    List<Receivable> all() {
        return items;
    }
}

class PayerMemory {
    private final Map<String, Set<String>> customersByIban = new HashMap<>();

    PayerMemory(List<Receivable> items) {
        for (Receivable r : items) {
            for (String iban : r.knownIbans()) {
                customersByIban.computeIfAbsent(iban, k -> new HashSet<>()).add(r.customerNumber());
            }
        }
    }

    Set<String> customersOf(String iban) {
        return iban == null ? Set.of() : customersByIban.getOrDefault(iban, Set.of());
    }
}
