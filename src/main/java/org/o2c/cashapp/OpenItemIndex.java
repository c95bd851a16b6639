package org.o2c.cashapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.o2c.shared.Money;

/**
 * The open items of one shop as the matcher looks them up: by every number a payer may quote, by
 * customer, by the payer accounts seen for a customer, by open amount (and Skonto amount) and by name
 * token. Built once per import; {@link #applied} and {@link #reopened} keep it current while lines are
 * matched, so the second payment of an invoice sees what the first left open.
 */
final class OpenItemIndex {

    /** What a key in the index stands for. */
    enum KeyKind { INVOICE_NUMBER, ORDER_NUMBER, CREDITOR_REFERENCE }

    record Hit(KeyKind kind, Item item) {}

    /** One open item and what is still owed on it, in minor units of its currency. */
    static final class Item {
        final Receivable receivable;
        long openCents;
        final long grossCents;
        final long skontoCents;

        Item(Receivable r) {
            this.receivable = r;
            this.openCents = cents(r.open().amount());
            this.grossCents = cents(r.gross().amount());
            this.skontoCents = r.skonto() == null ? -1 : cents(r.gross().amount()
                    .multiply(BigDecimal.valueOf(100).subtract(r.skonto().percent()))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        }

        boolean isOpen() {
            return openCents > 0;
        }

        /** The amount that settles this item with Skonto, when nothing was paid on it yet. */
        long skontoDueCents() {
            return skontoCents >= 0 && openCents == grossCents ? skontoCents : -1;
        }

        Money open() {
            return new Money(BigDecimal.valueOf(openCents, 2), receivable.open().currency());
        }

        String invoiceNumber() {
            return receivable.invoiceNumber();
        }

        String customerNumber() {
            return receivable.customerNumber();
        }
    }

    private final Map<String, Item> byInvoice = new HashMap<>();
    private final Map<String, List<Hit>> byKey = new HashMap<>();
    private final Map<String, List<Item>> byCustomer = new HashMap<>();
    private final Map<String, String> customerByKey = new HashMap<>();
    private final Map<String, Set<String>> customersByIban = new HashMap<>();
    private final Map<String, Set<String>> customersByNameToken = new HashMap<>();
    private final Map<String, List<String>> nameTokensByCustomer = new HashMap<>();
    private final Map<Long, List<Item>> byOpenAmount = new HashMap<>();
    private final Map<Long, List<Item>> bySkontoAmount = new HashMap<>();

    OpenItemIndex(Collection<Receivable> receivables) {
        receivables.forEach(this::add);
    }

    static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** Adds an item issued after the index was built (or replaces the one with the same number). */
    void add(Receivable r) {
        Item old = byInvoice.get(r.invoiceNumber());
        if (old != null) {
            unindexAmounts(old);
            byCustomer.getOrDefault(old.customerNumber(), new ArrayList<>()).remove(old);
            byKey.values().forEach(hits -> hits.removeIf(h -> h.item() == old));
        }
        Item item = new Item(r);
        byInvoice.put(r.invoiceNumber(), item);
        putKey(References.key(r.invoiceNumber()), KeyKind.INVOICE_NUMBER, item);
        String digits = References.digits(r.invoiceNumber());
        if (digits.length() >= 5) {
            putKey(digits, KeyKind.INVOICE_NUMBER, item);
        }
        putKey(References.key(r.orderNumber()), KeyKind.ORDER_NUMBER, item);
        putKey(References.key(r.creditorReference()), KeyKind.CREDITOR_REFERENCE, item);
        if (r.customerNumber() != null) {
            byCustomer.computeIfAbsent(r.customerNumber(), c -> new ArrayList<>()).add(item);
            String ck = References.key(r.customerNumber());
            if (ck.length() >= 4) {
                customerByKey.put(ck, r.customerNumber());
            }
            if (r.knownIbans() != null) {
                for (String iban : r.knownIbans()) {
                    String k = PayerMemory.iban(iban);
                    if (k != null) {
                        customersByIban.computeIfAbsent(k, x -> new HashSet<>()).add(r.customerNumber());
                    }
                }
            }
            if (r.customerName() != null && !nameTokensByCustomer.containsKey(r.customerNumber())) {
                List<String> tokens = NameSimilarity.tokens(r.customerName());
                nameTokensByCustomer.put(r.customerNumber(), tokens);
                for (String t : tokens) {
                    if (t.length() >= 3) {
                        customersByNameToken.computeIfAbsent(t, x -> new HashSet<>()).add(r.customerNumber());
                    }
                }
            }
        }
        indexAmounts(item);
    }

    private void putKey(String key, KeyKind kind, Item item) {
        if (key == null || key.length() < 4) {
            return;
        }
        List<Hit> hits = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (Hit h : hits) {
            if (h.item() == item) {
                return;
            }
        }
        hits.add(new Hit(kind, item));
    }

    private void indexAmounts(Item item) {
        if (item.isOpen()) {
            byOpenAmount.computeIfAbsent(item.openCents, a -> new ArrayList<>(1)).add(item);
            if (item.skontoDueCents() >= 0) {
                bySkontoAmount.computeIfAbsent(item.skontoDueCents(), a -> new ArrayList<>(1)).add(item);
            }
        }
    }

    private void unindexAmounts(Item item) {
        List<Item> open = byOpenAmount.get(item.openCents);
        if (open != null) {
            open.remove(item);
            if (open.isEmpty()) {
                byOpenAmount.remove(item.openCents);
            }
        }
        if (item.skontoDueCents() >= 0) {
            List<Item> sk = bySkontoAmount.get(item.skontoDueCents());
            if (sk != null) {
                sk.remove(item);
                if (sk.isEmpty()) {
                    bySkontoAmount.remove(item.skontoDueCents());
                }
            }
        }
    }

    /** Records that {@code amount} was applied to an invoice (a payment, a write-off or Skonto). */
    void applied(String invoiceNumber, Money amount) {
        change(invoiceNumber, -cents(amount.amount()));
    }

    /** Records that an application was undone or charged back: the amount is owed again. */
    void reopened(String invoiceNumber, Money amount) {
        change(invoiceNumber, cents(amount.amount()));
    }

    private void change(String invoiceNumber, long deltaCents) {
        Item item = byInvoice.get(invoiceNumber);
        if (item == null) {
            return;
        }
        unindexAmounts(item);
        item.openCents = item.openCents + deltaCents;
        indexAmounts(item);
    }

    Item item(String invoiceNumber) {
        return byInvoice.get(invoiceNumber);
    }

    /** What a key read from a payer's text stands for (paid items too, so a second payment is seen). */
    List<Hit> lookup(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The customer number a key read from a payer's text stands for, or {@code null}. */
    String customerForKey(String key) {
        return customerByKey.get(key);
    }

    /** The customer's open items, oldest first. */
    List<Item> openItemsOf(String customerNumber) {
        List<Item> items = byCustomer.get(customerNumber);
        if (items == null) {
            return List.of();
        }
        List<Item> open = new ArrayList<>();
        for (Item i : items) {
            if (i.isOpen()) {
                open.add(i);
            }
        }
        open.sort(OLDEST_FIRST);
        return open;
    }

    static final Comparator<Item> OLDEST_FIRST = Comparator
            .comparing((Item i) -> i.receivable.dueDate() == null ? i.receivable.issueDate() : i.receivable.dueDate(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::invoiceNumber);

    Set<String> customersPaidFrom(String iban) {
        String k = PayerMemory.iban(iban);
        return k == null ? Set.of() : customersByIban.getOrDefault(k, Set.of());
    }

    /** Open items owing exactly this amount, in minor units. */
    List<Item> withOpenAmount(long amountCents) {
        return byOpenAmount.getOrDefault(amountCents, List.of());
    }

    /** Unpaid items whose Skonto amount is exactly this. */
    List<Item> withSkontoAmount(long amountCents) {
        return bySkontoAmount.getOrDefault(amountCents, List.of());
    }

    /**
     * Customers sharing the most name tokens (three letters or more) with the payer's name: all who share
     * both first and last name, else all who share one. A token shared by very many customers does not
     * narrow anything and is skipped.
     */
    Set<String> customersNamedLike(List<String> payerTokens) {
        Map<String, Integer> shared = new HashMap<>();
        int most = 0;
        for (String t : payerTokens) {
            if (t.length() >= 3) {
                Set<String> c = customersByNameToken.get(t);
                if (c != null && c.size() <= 500) {
                    for (String customer : c) {
                        most = Math.max(most, shared.merge(customer, 1, Integer::sum));
                    }
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> e : shared.entrySet()) {
            if (e.getValue() == most) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    List<String> nameTokensOf(String customerNumber) {
        return nameTokensByCustomer.getOrDefault(customerNumber, List.of());
    }

    int size() {
        return byInvoice.size();
    }
}
