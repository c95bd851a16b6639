package org.o2c.cashapp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What o2c has learned about payers from earlier payments and people's decisions: which customers an
 * account (IBAN) paid for, and which customers a payer name paid for (a third party such as a spouse
 * or an employer). Receivables keeps it; the matcher only reads it.
 */
interface PayerMemory {

    /** Customer numbers this IBAN paid for before (empty when unknown). */
    Set<String> customersPaidFrom(String iban);

    /** Customer numbers a payer of this name paid for before; names are compared by {@link #key}. */
    Set<String> customersKnownAs(String payerName);

    /** The form a payer name is stored and looked up in: folded, lower case, tokens sorted. */
    static String key(String payerName) {
        return String.join(" ", NameSimilarity.tokens(payerName).stream().sorted().toList());
    }

    /** The IBAN as stored and looked up: upper case without spaces, {@code null} when blank. */
    static String iban(String iban) {
        if (iban == null) {
            return null;
        }
        String s = iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    static PayerMemory none() {
        return new InMemory();
    }

    /** A memory held in maps, for tests and for one import's learning. */
    final class InMemory implements PayerMemory {
        private final Map<String, Set<String>> byIban = new HashMap<>();
        private final Map<String, Set<String>> byName = new HashMap<>();

        InMemory learnIban(String iban, String customerNumber) {
            String k = iban(iban);
            if (k != null) {
                byIban.computeIfAbsent(k, x -> new HashSet<>()).add(customerNumber);
            }
            return this;
        }

        InMemory learnName(String payerName, String customerNumber) {
            String k = key(payerName);
            if (!k.isEmpty()) {
                byName.computeIfAbsent(k, x -> new HashSet<>()).add(customerNumber);
            }
            return this;
        }

        @Override
        public Set<String> customersPaidFrom(String iban) {
            String k = iban(iban);
            return k == null ? Set.of() : byIban.getOrDefault(k, Set.of());
        }

        @Override
        public Set<String> customersKnownAs(String payerName) {
            if (payerName == null) {
                return Set.of();
            }
            return byName.getOrDefault(key(payerName), Set.of());
        }
    }
}
