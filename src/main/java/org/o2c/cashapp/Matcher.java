package org.o2c.cashapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.TransactionKind;
import org.o2c.shared.Money;

/**
 * Places one bank line: which open items it pays, how sure we are and why. Pure (no Spring, no SQL);
 * it reads the {@link OpenItemIndex} but never changes it, so the caller applies what it books
 * ({@code index.applied(invoice, allocation + writeOff)}; a write-off belongs to the last allocation).
 *
 * <p>The order of evidence: references in the text (invoice, order and RF numbers, the end-to-end id),
 * then references one typing slip away, then the payer (known account, learned name, customer number,
 * similar name) with a unique amount among the payer's items or a unique combination of them, and last
 * the amount alone, which is only ever a suggestion. A wrong automatic match is worse than none, so
 * every automatic path needs two kinds of evidence that agree.
 */
final class Matcher {
    private final MatchingPolicy policy;

    Matcher(MatchingPolicy policy) {
        this.policy = policy;
    }

    enum Fit { EXACT, SKONTO, TOLERANCE, PARTIAL, OVER, PAID }

    enum Link { IBAN, MEMORY, CUSTOMER_NUMBER, NAME, NONE, OTHER_CUSTOMER }

    private record Ref(int points, String reason) {}

    Proposal match(BankTransaction line, OpenItemIndex index, PayerMemory payers) {
        Money zero = Money.zero(line.amount().currency());
        if (line.direction() == CreditDebit.DBIT) {
            DebitClassifier.Debit debit = DebitClassifier.classify(line, index);
            return new Proposal(Proposal.Band.UNMATCHED, BigDecimal.ZERO, List.of(), zero, zero, debit.reasons());
        }
        if (line.reversal()) {
            return new Proposal(Proposal.Band.UNMATCHED, BigDecimal.ZERO, List.of(), zero, zero, List.of("REVERSAL"));
        }
        if (line.kind() == TransactionKind.PAYOUT) {
            return new Proposal(Proposal.Band.UNMATCHED, BigDecimal.ZERO, List.of(), zero, zero, List.of("PSP_PAYOUT"));
        }
        return new Attempt(line, index, payers).run();
    }

    /** The debit's class (refund, chargeback, fee) and the invoice it reverses, for the caller to book. */
    DebitClassifier.Debit classify(BankTransaction debit, OpenItemIndex index) {
        return DebitClassifier.classify(debit, index);
    }

    /** Matching one line: the line, what we know of its payer, and the candidates found so far. */
    private final class Attempt {
        final BankTransaction line;
        final OpenItemIndex index;
        final long amount;
        final Money zero;
        final LocalDate booked;
        final Set<String> ibanCustomers = new LinkedHashSet<>();
        final Set<String> memoryCustomers;
        final Set<String> textCustomers = new LinkedHashSet<>();
        final List<String> payerTokens;
        final Map<String, Integer> nameScores = new java.util.HashMap<>();

        Attempt(BankTransaction line, OpenItemIndex index, PayerMemory payers) {
            this.line = line;
            this.index = index;
            this.amount = OpenItemIndex.cents(line.amount().amount());
            this.zero = Money.zero(line.amount().currency());
            this.booked = line.bookingDate() != null ? line.bookingDate() : line.valueDate();
            ibanCustomers.addAll(index.customersPaidFrom(line.counterpartyIban()));
            ibanCustomers.addAll(payers.customersPaidFrom(line.counterpartyIban()));
            this.memoryCustomers = line.counterpartyName() == null ? Set.of()
                    : payers.customersKnownAs(line.counterpartyName());
            this.payerTokens = NameSimilarity.tokens(line.counterpartyName());
        }

        Proposal run() {
            List<Candidate> options = new ArrayList<>();
            Map<OpenItemIndex.Item, Ref> refs = references();
            if (!refs.isEmpty()) {
                Candidate c = referenced(refs);
                boolean quotedFitsExactly = c.score().reasons().contains("AMOUNT_EXACT")
                        || c.score().reasons().stream().anyMatch(r -> r.startsWith("AMOUNT_SKONTO")
                                || r.startsWith("AMOUNT_COMBINED"));
                if (c.automatic(policy) && !quotedFitsExactly) {
                    // The quoted number fits only partly: if a number one slip away fits exactly, a person decides.
                    Candidate typo = typos();
                    if (typo != null && typo.automatic(policy) && typo.score().reasons().contains("AMOUNT_EXACT")
                            && !typo.allocations().equals(c.allocations())) {
                        c.score().note("NEIGHBOUR_NUMBER_FITS " + typo.allocations().get(0).invoiceNumber());
                        return new Candidate(c.allocations(), c.writeOff(), c.customerCredit(), c.score(), false)
                                .toProposal(policy);
                    }
                }
                if (c.automatic(policy)) {
                    return c.toProposal(policy);
                }
                options.add(c);
                // A slip of the pen can turn one invoice number into another that exists (numbers are
                // dense): a number one slip away whose amount and payer both fit wins over the quoted one.
                Candidate typo = quotedFitsExactly ? null : typos();
                if (typo != null && typo.automatic(policy)) {
                    typo.score().note("QUOTED_NUMBER_DOES_NOT_FIT");
                    return typo.toProposal(policy);
                }
                // Otherwise the payer may have quoted the wrong number: other evidence is offered, never applied.
                if (typo != null && typo.automaticAllowed()) {
                    addAsSuggestion(options, typo);
                }
                addAsSuggestion(options, byPayer());
                return best(options);
            }
            Candidate typo = typos();
            if (typo != null && typo.automatic(policy)) {
                return typo.toProposal(policy);
            }
            Candidate payer = byPayer();
            if (payer != null && payer.automatic(policy)) {
                return payer.toProposal(policy);
            }
            Candidate amountOnly = byAmount();
            if (amountOnly != null && amountOnly.automatic(policy)) {
                return amountOnly.toProposal(policy);
            }
            addAsSuggestion(options, typo);
            addAsSuggestion(options, payer);
            addAsSuggestion(options, amountOnly);
            return best(options);
        }

        private void addAsSuggestion(List<Candidate> options, Candidate c) {
            if (c != null) {
                options.add(new Candidate(c.allocations(), c.writeOff(), c.customerCredit(), c.score(), false));
            }
        }

        private Proposal best(List<Candidate> options) {
            Candidate best = null;
            for (Candidate c : options) {
                if (best == null || c.score().perMille() > best.score().perMille()) {
                    best = c;
                }
            }
            if (best == null) {
                return new Proposal(Proposal.Band.UNMATCHED, BigDecimal.ZERO, List.of(), zero, zero,
                        List.of("NOTHING_FOUND"));
            }
            return best.toProposal(policy);
        }

        // ---- references ----

        private Map<OpenItemIndex.Item, Ref> references() {
            Map<OpenItemIndex.Item, Ref> found = new LinkedHashMap<>();
            String remittance = line.remittanceInfo();
            String e2e = line.endToEndId() == null || line.endToEndId().equalsIgnoreCase("NOTPROVIDED")
                    ? null : line.endToEndId();
            for (String text : new String[] {remittance, e2e}) {
                for (String rf : References.creditorReferences(text)) {
                    for (OpenItemIndex.Hit h : index.lookup(References.key(rf))) {
                        offer(found, h.item(), Score.REF_CREDITOR_REFERENCE, "REF_CREDITOR_REFERENCE " + rf);
                    }
                }
            }
            scan(found, remittance, false);
            scan(found, e2e, true);
            scan(found, line.mandateReference(), true);
            return found;
        }

        private void scan(Map<OpenItemIndex.Item, Ref> found, String text, boolean endToEnd) {
            for (References.Key k : References.keys(text)) {
                String customer = index.customerForKey(k.text());
                if (customer != null) {
                    textCustomers.add(customer);
                }
                for (OpenItemIndex.Hit h : index.lookup(k.text())) {
                    String number = switch (h.kind()) {
                        case INVOICE_NUMBER -> h.item().invoiceNumber();
                        case ORDER_NUMBER -> h.item().receivable.orderNumber();
                        case CREDITOR_REFERENCE -> h.item().receivable.creditorReference();
                    };
                    String code = endToEnd ? "REF_END_TO_END" : switch (h.kind()) {
                        case INVOICE_NUMBER -> "REF_INVOICE_NUMBER";
                        case ORDER_NUMBER -> "REF_ORDER_NUMBER";
                        case CREDITOR_REFERENCE -> "REF_CREDITOR_REFERENCE";
                    };
                    if (k.ocr()) {
                        offer(found, h.item(), Score.REF_OCR, "REF_READ_AS_DIGITS " + number);
                    } else {
                        offer(found, h.item(), Score.REF_EXACT, code + " " + number);
                    }
                }
            }
        }

        private void offer(Map<OpenItemIndex.Item, Ref> found, OpenItemIndex.Item item, int points, String reason) {
            if (!item.receivable.open().currency().equals(line.amount().currency())) {
                return;
            }
            Ref old = found.get(item);
            if (old == null || old.points() < points) {
                found.put(item, new Ref(points, reason));
            }
        }

        private Candidate referenced(Map<OpenItemIndex.Item, Ref> refs) {
            List<OpenItemIndex.Item> items = new ArrayList<>(refs.keySet());
            if (items.size() == 1) {
                OpenItemIndex.Item item = items.get(0);
                return single(item, refs.get(item), 0, false);
            }
            items.sort(OpenItemIndex.OLDEST_FIRST);
            List<OpenItemIndex.Item> open = items.stream().filter(OpenItemIndex.Item::isOpen).toList();
            long sumOpen = open.stream().mapToLong(i -> i.openCents).sum();
            if (open.size() >= 2 && sumOpen == amount) {
                return combined(open, refs, 0, true);
            }
            if (open.size() >= 2 && open.size() <= policy.subsetSumMaxItems()) {
                SubsetSum.Result r = SubsetSum.find(open.stream().mapToLong(i -> i.openCents).toArray(), amount,
                        policy.subsetSumMaxParts());
                if (r.unique()) {
                    List<OpenItemIndex.Item> picked = new ArrayList<>();
                    for (int i : r.only()) {
                        picked.add(open.get(i));
                    }
                    return combined(picked, refs, 0, true);
                }
            }
            List<OpenItemIndex.Item> fitting = new ArrayList<>();
            for (OpenItemIndex.Item i : open) {
                Fit f = fit(i);
                if (f == Fit.EXACT || f == Fit.SKONTO || f == Fit.TOLERANCE) {
                    fitting.add(i);
                }
            }
            if (fitting.size() == 1) {
                Candidate c = single(fitting.get(0), refs.get(fitting.get(0)), 0, false);
                c.score().note("REF_OTHERS_NOT_PAID " + (items.size() - 1));
                return c;
            }
            if (!open.isEmpty() && sumOpen < amount) {
                // Several invoices quoted and more money than they owe: all paid, the rest is credit.
                return combined(open, refs, 0, true);
            }
            // Less than the quoted invoices owe: oldest first, for a person to confirm.
            return oldestFirst(open.isEmpty() ? items : open, refs);
        }

        private Candidate oldestFirst(List<OpenItemIndex.Item> items, Map<OpenItemIndex.Item, Ref> refs) {
            Score s = new Score();
            List<Proposal.Allocation> allocations = new ArrayList<>();
            long left = amount;
            int refPoints = Integer.MAX_VALUE;
            for (OpenItemIndex.Item i : items) {
                Ref r = refs == null ? null : refs.get(i);
                if (r != null) {
                    refPoints = Math.min(refPoints, r.points());
                    s.note(r.reason());
                }
                if (left > 0 && i.isOpen()) {
                    long part = Math.min(left, i.openCents);
                    allocations.add(new Proposal.Allocation(i.invoiceNumber(), money(part)));
                    left -= part;
                }
            }
            if (refPoints != Integer.MAX_VALUE) {
                s.add(refPoints, "REF_SEVERAL " + items.size());
            }
            s.add(Score.AMOUNT_PARTIAL, "AMOUNT_PARTIAL_SEVERAL " + items.size());
            s.note("SPLIT_OLDEST_FIRST");
            addLink(s, link(items.get(0)), items.get(0));
            return new Candidate(allocations, zero, money(Math.max(0, left)), s, false);
        }

        /** Several items paid in full by one line; {@code refs} null when found through the payer. */
        private Candidate combined(List<OpenItemIndex.Item> items, Map<OpenItemIndex.Item, Ref> refs, int bonus,
                                   boolean byReference) {
            Score s = new Score();
            int refPoints = Integer.MAX_VALUE;
            List<Proposal.Allocation> allocations = new ArrayList<>();
            long sum = 0;
            Set<String> customers = new LinkedHashSet<>();
            for (OpenItemIndex.Item i : items) {
                if (refs != null) {
                    Ref r = refs.get(i);
                    refPoints = Math.min(refPoints, r.points());
                    s.note(r.reason());
                }
                allocations.add(new Proposal.Allocation(i.invoiceNumber(), i.open()));
                sum += i.openCents;
                customers.add(i.customerNumber());
            }
            if (refs != null) {
                s.add(refPoints, "REF_SEVERAL " + items.size());
            }
            long credit = amount - sum;
            if (credit == 0) {
                s.add(Score.AMOUNT_COMBINED, "AMOUNT_COMBINED " + items.size());
            } else {
                s.add(Score.AMOUNT_OVERPAID, "AMOUNT_OVERPAID " + money(credit).toPlainString());
            }
            boolean allLinked = true;
            Link weakest = null;
            int weakestPoints = Integer.MAX_VALUE;
            for (OpenItemIndex.Item i : items) {
                Link l = link(i);
                int p = linkPoints(l, i);
                if (p < weakestPoints) {
                    weakestPoints = p;
                    weakest = l;
                }
                allLinked &= confirmed(l);
            }
            addLink(s, weakest, items.get(0));
            if (bonus > 0) {
                s.add(bonus, "ONLY_COMBINATION_OF_PAYERS_ITEMS");
            }
            boolean oneCustomer = customers.size() == 1;
            boolean allowed = byReference
                    ? (credit == 0 ? (oneCustomer || allLinked) && weakest != Link.OTHER_CUSTOMER : allLinked)
                    : allLinked && bonus > 0;
            return new Candidate(allocations, zero, money(Math.max(0, credit)), s, allowed);
        }

        /** One item, with the reference that found it ({@code null} if found through the payer). */
        private Candidate single(OpenItemIndex.Item item, Ref ref, int uniqueBonus, boolean typo) {
            Score s = new Score();
            if (ref != null) {
                s.add(ref.points(), ref.reason());
            }
            Fit fit = fit(item);
            List<Proposal.Allocation> allocations = new ArrayList<>();
            Money writeOff = zero;
            Money credit = zero;
            switch (fit) {
                case EXACT -> {
                    s.add(Score.AMOUNT_EXACT, "AMOUNT_EXACT");
                    allocations.add(new Proposal.Allocation(item.invoiceNumber(), item.open()));
                }
                case SKONTO -> {
                    writeOff = money(item.openCents - amount);
                    s.add(Score.AMOUNT_SKONTO, "AMOUNT_SKONTO " + writeOff.toPlainString());
                    allocations.add(new Proposal.Allocation(item.invoiceNumber(), line.amount()));
                }
                case TOLERANCE -> {
                    writeOff = money(item.openCents - amount);
                    s.add(Score.AMOUNT_WITHIN_TOLERANCE, "AMOUNT_WITHIN_TOLERANCE " + writeOff.toPlainString());
                    allocations.add(new Proposal.Allocation(item.invoiceNumber(), line.amount()));
                }
                case PARTIAL -> {
                    s.add(Score.AMOUNT_PARTIAL, "AMOUNT_PARTIAL " + item.open().toPlainString());
                    if (item.skontoDueCents() == amount) {
                        s.note("SKONTO_TOO_LATE");
                    }
                    allocations.add(new Proposal.Allocation(item.invoiceNumber(), line.amount()));
                }
                case OVER -> {
                    credit = money(amount - item.openCents);
                    s.add(Score.AMOUNT_OVERPAID, "AMOUNT_OVERPAID " + credit.toPlainString());
                    allocations.add(new Proposal.Allocation(item.invoiceNumber(), item.open()));
                }
                case PAID -> {
                    s.note("INVOICE_ALREADY_PAID " + item.invoiceNumber());
                    credit = line.amount();
                }
            }
            Link link = link(item);
            addLink(s, link, item);
            if (uniqueBonus > 0) {
                s.add(uniqueBonus, "ONLY_FITTING_ITEM_OF_PAYER");
            }
            boolean fits = fit == Fit.EXACT || fit == Fit.SKONTO || fit == Fit.TOLERANCE;
            boolean allowed;
            if (fit == Fit.PAID) {
                // Paying an invoice twice is worth a person's look (refund or credit?), never automatic.
                allowed = false;
            } else if (ref == null) {
                allowed = uniqueBonus > 0 && fits && confirmed(link);
            } else if (typo) {
                allowed = fits && confirmed(link);
            } else {
                // A quoted number with the exact amount (or Skonto) stands unless the account belongs to
                // someone else; anything less than exact needs the payer too.
                allowed = fit == Fit.EXACT || fit == Fit.SKONTO ? link != Link.OTHER_CUSTOMER : confirmed(link);
            }
            return new Candidate(allocations, writeOff, credit, s, allowed);
        }

        // ---- typos ----

        private Candidate typos() {
            if (line.remittanceInfo() == null) {
                return null;
            }
            Map<OpenItemIndex.Item, Ref> found = new LinkedHashMap<>();
            for (References.Key k : References.keys(line.remittanceInfo())) {
                String written = k.text();
                if (!References.allDigits(written) || written.length() < policy.fuzzyReferenceMinDigits()
                        || written.length() > 12) {
                    continue;
                }
                for (String variant : References.typoVariants(written)) {
                    for (OpenItemIndex.Hit h : index.lookup(variant)) {
                        if (h.kind() != OpenItemIndex.KeyKind.CREDITOR_REFERENCE) {
                            String number = h.kind() == OpenItemIndex.KeyKind.INVOICE_NUMBER
                                    ? h.item().invoiceNumber() : h.item().receivable.orderNumber();
                            offer(found, h.item(), Score.REF_TYPO, "REF_TYPO " + written + " " + number);
                        }
                    }
                }
            }
            Candidate best = null;
            int allowed = 0;
            Candidate onlyAllowed = null;
            for (Map.Entry<OpenItemIndex.Item, Ref> e : found.entrySet()) {
                if (!e.getKey().isOpen()) {
                    continue;
                }
                Candidate c = single(e.getKey(), e.getValue(), 0, true);
                if (c.automaticAllowed()) {
                    allowed++;
                    onlyAllowed = c;
                }
                if (best == null || c.score().perMille() > best.score().perMille()) {
                    best = c;
                }
            }
            if (allowed == 1) {
                return onlyAllowed;
            }
            if (best != null && allowed > 1) {
                best.score().note("REF_TYPO_AMBIGUOUS " + allowed);
                return new Candidate(best.allocations(), best.writeOff(), best.customerCredit(), best.score(), false);
            }
            return best;
        }

        // ---- the payer ----

        private Candidate byPayer() {
            Set<String> customers = new LinkedHashSet<>();
            customers.addAll(ibanCustomers);
            customers.addAll(memoryCustomers);
            customers.addAll(textCustomers);
            if (customers.isEmpty()) {
                for (String c : index.customersNamedLike(payerTokens)) {
                    if (nameScore(c) >= policy.nameThresholdPerMille()) {
                        customers.add(c);
                    }
                }
            }
            if (customers.isEmpty()) {
                return null;
            }
            List<OpenItemIndex.Item> items = new ArrayList<>();
            for (String c : customers) {
                for (OpenItemIndex.Item i : index.openItemsOf(c)) {
                    if (i.receivable.open().currency().equals(line.amount().currency())) {
                        items.add(i);
                    }
                }
            }
            if (items.isEmpty()) {
                return null;
            }
            items.sort(OpenItemIndex.OLDEST_FIRST);
            List<OpenItemIndex.Item> exact = new ArrayList<>();
            List<OpenItemIndex.Item> tolerated = new ArrayList<>();
            for (OpenItemIndex.Item i : items) {
                Fit f = fit(i);
                if (f == Fit.EXACT || f == Fit.SKONTO) {
                    exact.add(i);
                } else if (f == Fit.TOLERANCE) {
                    tolerated.add(i);
                }
            }
            List<OpenItemIndex.Item> searched = items.subList(0, Math.min(items.size(), policy.subsetSumMaxItems()));
            if (exact.size() == 1) {
                // Several other items of the payer may add up to the same amount: then it is not clear.
                if (searched.size() >= 2 && !SubsetSum.find(searched.stream().mapToLong(i -> i.openCents).toArray(),
                        amount, policy.subsetSumMaxParts()).solutions().isEmpty()) {
                    Candidate c = single(exact.get(0), null, 0, false);
                    c.score().note("AMOUNT_AMBIGUOUS_WITH_COMBINATION");
                    return c;
                }
                return single(exact.get(0), null, Score.ONLY_FIT_AMONG_PAYERS_ITEMS, false);
            }
            if (exact.size() > 1) {
                Candidate c = single(exact.get(0), null, 0, false);
                c.score().note("AMOUNT_AMBIGUOUS " + exact.size());
                return c;
            }
            if (searched.size() >= 2) {
                SubsetSum.Result r = SubsetSum.find(searched.stream().mapToLong(i -> i.openCents).toArray(), amount,
                        policy.subsetSumMaxParts());
                if (!r.solutions().isEmpty()) {
                    List<OpenItemIndex.Item> picked = new ArrayList<>();
                    for (int i : r.solutions().get(0)) {
                        picked.add(searched.get(i));
                    }
                    Candidate c = combined(picked, null, r.unique() ? Score.ONLY_FIT_AMONG_PAYERS_ITEMS : 0, false);
                    if (!r.unique()) {
                        c.score().note("AMOUNT_AMBIGUOUS " + r.solutions().size());
                    }
                    return c;
                }
            }
            if (tolerated.size() == 1) {
                return single(tolerated.get(0), null, Score.ONLY_FIT_AMONG_PAYERS_ITEMS, false);
            }
            Candidate c = items.get(0).openCents > amount ? single(items.get(0), null, 0, false)
                    : oldestFirst(items, null);
            c.score().note("PAYER_HAS_NO_FITTING_ITEM");
            return c;
        }

        // ---- the amount alone ----

        private Candidate byAmount() {
            Set<OpenItemIndex.Item> items = new LinkedHashSet<>(index.withOpenAmount(amount));
            if (skontoInTime(null)) {
                items.addAll(index.withSkontoAmount(amount));
            }
            items.removeIf(i -> !i.receivable.open().currency().equals(line.amount().currency())
                    || fit(i) != Fit.EXACT && fit(i) != Fit.SKONTO);
            if (items.isEmpty()) {
                return null;
            }
            List<OpenItemIndex.Item> sorted = new ArrayList<>(items);
            sorted.sort(OpenItemIndex.OLDEST_FIRST);
            // A big bucket (many invoices of 19.99) cannot single anyone out; do not compare every name.
            if (sorted.size() > 100) {
                Candidate c = single(sorted.get(0), null, 0, false);
                c.score().note("AMOUNT_ONLY " + sorted.size());
                return c;
            }
            List<OpenItemIndex.Item> named = new ArrayList<>();
            for (OpenItemIndex.Item i : sorted) {
                if (confirmed(link(i))) {
                    named.add(i);
                }
            }
            if (named.size() == 1) {
                return single(named.get(0), null, Score.ONLY_FIT_AMONG_PAYERS_ITEMS, false);
            }
            OpenItemIndex.Item first = named.isEmpty() ? sorted.get(0) : named.get(0);
            Candidate c = single(first, null, 0, false);
            c.score().note("AMOUNT_ONLY " + sorted.size());
            return c;
        }

        // ---- evidence ----

        private boolean skontoInTime(OpenItemIndex.Item item) {
            if (item == null) {
                return true;
            }
            Receivable.Skonto sk = item.receivable.skonto();
            return sk != null && sk.until() != null && booked != null
                    && !booked.isAfter(sk.until().plusDays(policy.skontoGraceDays()));
        }

        private Fit fit(OpenItemIndex.Item item) {
            if (!item.isOpen()) {
                return Fit.PAID;
            }
            long open = item.openCents;
            if (amount == open) {
                return Fit.EXACT;
            }
            if (item.skontoDueCents() == amount && skontoInTime(item)) {
                return Fit.SKONTO;
            }
            if (amount < open && open - amount <= toleranceCents(open)) {
                return Fit.TOLERANCE;
            }
            return amount < open ? Fit.PARTIAL : Fit.OVER;
        }

        private long toleranceCents(long open) {
            long byAmount = OpenItemIndex.cents(policy.toleranceAmount());
            long byPercent = BigDecimal.valueOf(open).multiply(policy.tolerancePercent())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValue();
            return Math.min(byAmount, byPercent);
        }

        private Link link(OpenItemIndex.Item item) {
            String c = item.customerNumber();
            if (c == null) {
                return Link.NONE;
            }
            if (ibanCustomers.contains(c)) {
                return Link.IBAN;
            }
            if (memoryCustomers.contains(c)) {
                return Link.MEMORY;
            }
            if (textCustomers.contains(c)) {
                return Link.CUSTOMER_NUMBER;
            }
            if (nameScore(c) >= policy.nameThresholdPerMille()) {
                return Link.NAME;
            }
            // The account is known, but for someone else: the reference may be wrong, a person decides.
            return ibanCustomers.isEmpty() ? Link.NONE : Link.OTHER_CUSTOMER;
        }

        private int nameScore(String customerNumber) {
            return nameScores.computeIfAbsent(customerNumber,
                    c -> NameSimilarity.similarity(payerTokens, index.nameTokensOf(c)));
        }

        private boolean confirmed(Link l) {
            return l == Link.IBAN || l == Link.MEMORY || l == Link.CUSTOMER_NUMBER || l == Link.NAME;
        }

        private int linkPoints(Link l, OpenItemIndex.Item item) {
            return switch (l) {
                case IBAN -> Score.PAYER_IBAN;
                case MEMORY -> Score.PAYER_MEMORY;
                case CUSTOMER_NUMBER -> Score.PAYER_CUSTOMER_NUMBER;
                case NAME -> Score.forName(nameScore(item.customerNumber()), policy.nameThresholdPerMille());
                case NONE -> 0;
                case OTHER_CUSTOMER -> Score.PAYER_OTHER_CUSTOMER;
            };
        }

        private void addLink(Score s, Link l, OpenItemIndex.Item item) {
            int p = linkPoints(l, item);
            switch (l) {
                case IBAN -> s.add(p, "PAYER_IBAN_KNOWN");
                case MEMORY -> s.add(p, "PAYER_KNOWN_BY_NAME");
                case CUSTOMER_NUMBER -> s.add(p, "REF_CUSTOMER_NUMBER " + item.customerNumber());
                case NAME -> s.add(p, "PAYER_NAME_SIMILAR " + BigDecimal.valueOf(nameScore(item.customerNumber()), 3));
                case NONE -> s.note(payerTokens.isEmpty() ? "PAYER_UNKNOWN" : "PAYER_NOT_THE_CUSTOMER");
                case OTHER_CUSTOMER -> s.add(p, "PAYER_PAYS_FOR_OTHER_CUSTOMER");
            }
        }

        private Money money(long cents) {
            return new Money(BigDecimal.valueOf(cents, 2), line.amount().currency());
        }
    }
}
