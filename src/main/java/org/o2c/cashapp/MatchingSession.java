package org.o2c.cashapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.o2c.receivables.OpenItem;
import org.o2c.receivables.Receivables;
import org.o2c.shared.Money;

/**
 * What one import's cash application keeps between its calls: the open items as the matcher looks them
 * up, the payer accounts and the open amounts, read once when the import starts and kept current as
 * lines are booked. Bound to the import's transaction, so an import of 100,000 lines reads the open
 * items once instead of once per chunk. Another transaction may change an item meanwhile; receivables
 * re-reads the open amount under the item's lock before booking, so a stale amount here only ever
 * leads to a refusal (and a suggestion for a person), never to an overpayment.
 */
final class MatchingSession {

    final OpenItemIndex index;
    final PayerMemory payers;
    /** The items as receivables answered them, by number (customer numbers for payments). */
    final Map<String, OpenItem> items = new HashMap<>();
    /** What is open on each item as far as this import knows. */
    final Map<String, Money> open = new HashMap<>();

    MatchingSession(List<OpenItem> openItems) {
        List<Receivable> forMatcher = new ArrayList<>(openItems.size());
        for (OpenItem i : openItems) {
            items.put(i.number(), i);
            open.put(i.number(), i.open());
            forMatcher.add(receivable(i));
        }
        this.index = new OpenItemIndex(forMatcher);
        this.payers = payers(forMatcher);
    }

    /** Records a payment booked by this import: the next line sees what it left open. */
    void booked(Receivables.Payment payment) {
        for (Receivables.Allocation a : payment.applied()) {
            less(a);
        }
        for (Receivables.Allocation a : payment.writtenOff()) {
            less(a);
        }
    }

    /** Takes back what {@link #booked} recorded for a payment receivables then refused. */
    void refused(Receivables.Payment payment) {
        for (Receivables.Allocation a : payment.applied()) {
            more(a);
        }
        for (Receivables.Allocation a : payment.writtenOff()) {
            more(a);
        }
    }

    /** Takes an item as receivables answers it now (after a chargeback reopened it), open or settled. */
    void refresh(OpenItem item) {
        items.put(item.number(), item);
        open.put(item.number(), item.open());
        index.add(receivable(item));
    }

    private void less(Receivables.Allocation a) {
        open.computeIfPresent(a.itemNumber(), (k, v) -> v.subtract(a.amount()));
        index.applied(a.itemNumber(), a.amount());
    }

    private void more(Receivables.Allocation a) {
        open.computeIfPresent(a.itemNumber(), (k, v) -> v.add(a.amount()));
        index.reopened(a.itemNumber(), a.amount());
    }

    static Receivable receivable(OpenItem i) {
        return new Receivable(i.number(), i.orderNumber(), i.customerNumber(), i.customerName(), i.knownIbans(),
                i.issueDate(), i.dueDate(), i.gross(), i.open(), i.creditorReference(),
                i.skontoPercent() == null ? null : new Receivable.Skonto(i.skontoPercent(), i.skontoUntil()));
    }

    /** The payer accounts receivables learned, as the matcher reads them. */
    private static PayerMemory payers(List<Receivable> receivables) {
        PayerMemory.InMemory memory = new PayerMemory.InMemory();
        for (Receivable r : receivables) {
            if (r.knownIbans() != null && r.customerNumber() != null) {
                r.knownIbans().forEach(iban -> memory.learnIban(iban, r.customerNumber()));
            }
        }
        return memory;
    }
}
