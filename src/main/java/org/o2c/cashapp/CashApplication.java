package org.o2c.cashapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.o2c.audit.AuditLog;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.LineOutcome;
import org.o2c.banking.LineStatus;
import org.o2c.banking.PaymentMatching;
import org.o2c.banking.TransactionKind;
import org.o2c.receivables.OpenItem;
import org.o2c.receivables.Receivables;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.o2c.shared.ValuesList;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cash application: matches booked bank lines against open items, applies what the matcher is sure of
 * (in the import's transaction), keeps suggestions with their reasons for a person, and carries out
 * people's decisions: accept, split by hand, ignore, undo. Every decision is audited; a person's
 * decision teaches o2c which customer pays from the line's IBAN.
 */
@Service
public class CashApplication implements PaymentMatching {

    /** An amount for one invoice (or imported open item), by its number. */
    public record Allocation(String invoiceNumber, Money amount) {}

    /** One bank line as cash application sees it, with the best proposal and its reasons. */
    public record Line(long transactionId, long statementId, LocalDate bookingDate, Money amount,
            CreditDebit creditDebit, TransactionKind kind, String counterpartyName, String counterpartyIban,
            String remittanceInfo, String endToEndId, LineStatus status, String decidedBy, BigDecimal confidence,
            List<Allocation> proposed, Money proposedWriteOff, Money proposedCredit, List<String> reasons,
            List<Allocation> allocations, String note) {

        public boolean hasProposal() {
            return !proposed.isEmpty();
        }
    }

    /** The automatic match rate of incoming payments booked from {@code from} on. */
    public record MatchRate(LocalDate from, long lines, long automaticLines, Money value, Money automaticValue,
            long byPerson, long waiting, List<ReasonRate> byReason) {

        public BigDecimal linePercent() {
            return percent(automaticLines, lines);
        }

        public BigDecimal valuePercent() {
            return value.isZero() ? null
                    : automaticValue.amount().multiply(BigDecimal.valueOf(100)).divide(value.amount(), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * How many lines and how much money were applied automatically for one kind of reason, and their
     * shares of all incoming lines and value (the shares of all reasons add up to the match rate).
     */
    public record ReasonRate(String reason, long lines, Money value, BigDecimal linePercent, BigDecimal valuePercent) {}

    record StoredProposal(List<Allocation> allocations, String writeOff, String customerCredit, List<String> reasons) {}

    private static final String PERSON = "PERSON";
    private static final String AUTOMATIC = "AUTOMATIC";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Receivables receivables;
    private final MatchingSettings settings;
    private final AuditLog audit;
    private final JsonMapper json;
    private final NamedParameterJdbcTemplate batch;

    CashApplication(JdbcClient jdbc, Clock clock, Receivables receivables, MatchingSettings settings, AuditLog audit,
            JsonMapper json, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.receivables = receivables;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
    }

    // ---- the port banking calls while importing ----

    @Override
    @Transactional
    public Map<Long, LineOutcome> match(ShopId shop, List<BankTransaction> booked) {
        Map<Long, LineOutcome> out = new LinkedHashMap<>();
        if (booked.isEmpty()) {
            return out;
        }
        MatchingSession session = session(shop);
        CashApplicationSettings current = settings.current(shop);
        Matcher matcher = new Matcher(current.policy());
        Set<Long> seen = knownIds(shop, booked);
        LineRows rows = new LineRows(batch, json, clock, receivables.batch(shop));
        List<Automatic> automatic = new ArrayList<>();
        for (BankTransaction line : booked) {
            boolean known = !seen.add(line.id());
            if (known || pullsBack(line)) {
                // What is known, and the original of a pull-back, is read from the database: write first.
                book(automatic, session, rows, out);
                rows.flush();
            }
            if (known) {
                out.putAll(outcomes(shop, List.of(line.id())));
                continue;
            }
            out.put(line.id(), decide(shop, line, matcher, current, session, rows, automatic));
        }
        book(automatic, session, rows, out);
        rows.flush();
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, LineOutcome> outcomes(ShopId shop, List<Long> transactionIds) {
        // One query per chunk, not per line: a statement's transaction list may hold thousands of lines.
        Map<Long, LineOutcome> found = new HashMap<>();
        for (int from = 0; from < transactionIds.size(); from += 1000) {
            List<Long> chunk = transactionIds.subList(from, Math.min(from + 1000, transactionIds.size()));
            jdbc.sql("SELECT * FROM cashapp_lines WHERE shop_id = :shop AND transaction_id IN (:ids)")
                    .param("shop", shop.value()).param("ids", chunk).query(this::line).list()
                    .forEach(l -> found.put(l.transactionId(), outcome(l)));
        }
        Map<Long, LineOutcome> out = new LinkedHashMap<>();
        for (Long id : transactionIds) {
            out.put(id, found.getOrDefault(id, LineOutcome.unmatched()));
        }
        return out;
    }

    @Override
    @Transactional
    public boolean withdraw(ShopId shop, long transactionId, String reason) {
        // Only a line none of whose money was applied may go; the condition in the UPDATE decides atomically.
        int changed = jdbc.sql("UPDATE cashapp_lines SET status = 'IGNORED', decided_by = :by, note = :note,"
                        + " updated_at = :at WHERE shop_id = :shop AND transaction_id = :id"
                        + " AND application_id IS NULL AND status <> 'MATCHED'")
                .param("by", AUTOMATIC).param("note", cut(reason, 500)).param("at", Timestamp.from(clock.instant()))
                .param("shop", shop.value()).param("id", transactionId).update();
        if (changed > 0) {
            audit.record(shop, "cash-application.withdrawn", "bank-transaction", String.valueOf(transactionId), reason,
                    Map.of());
            return true;
        }
        return !known(shop, transactionId);
    }

    private LineOutcome decide(ShopId shop, BankTransaction line, Matcher matcher, CashApplicationSettings current,
            MatchingSession session, LineRows rows, List<Automatic> automatic) {
        if (line.direction() == CreditDebit.DBIT) {
            return debit(shop, line, session, rows);
        }
        if (line.kind() == TransactionKind.PAYOUT || line.kind() == TransactionKind.FEE) {
            rows.add(shop, line, LineStatus.IGNORED, AUTOMATIC, null, null, null,
                    line.kind() == TransactionKind.PAYOUT ? "PSP payout: settled by its own breakdown" : "fee");
            return new LineOutcome(LineStatus.IGNORED, null, List.of());
        }
        Proposal proposal = matcher.match(line, session.index, session.payers);
        StoredProposal stored = stored(proposal);
        String reasonKey = proposal.reasons() == null || proposal.reasons().isEmpty() ? null
                : reasonKey(proposal.reasons().get(0));
        if (proposal.band() == Proposal.Band.AUTOMATIC && fits(proposal, line, session.open, session.items)) {
            Receivables.Payment payment = payment(line, stored, session.items, "matched automatically: "
                    + String.join("; ", proposal.reasons()), writeOffAccount(current, stored.reasons()));
            // Booked with the next run of automatic lines; later lines already see what it leaves open.
            session.booked(payment);
            automatic.add(new Automatic(shop, line, proposal, stored, reasonKey, payment));
            return new LineOutcome(LineStatus.MATCHED, proposal.confidence(), List.of());
        }
        if (proposal.band() != Proposal.Band.UNMATCHED && !stored.allocations().isEmpty()) {
            rows.add(shop, line, LineStatus.SUGGESTED, null, proposal.confidence(), reasonKey, stored, null);
            return new LineOutcome(LineStatus.SUGGESTED, proposal.confidence(), List.of());
        }
        rows.add(shop, line, LineStatus.UNMATCHED, null, null, reasonKey, stored, null);
        return LineOutcome.unmatched();
    }

    /** A line the matcher is sure of, waiting to be booked with the others of its run. */
    private record Automatic(ShopId shop, BankTransaction line, Proposal proposal, StoredProposal stored,
            String reasonKey, Receivables.Payment payment) {}

    /**
     * Books the waiting automatic lines in one go. A payment receivables refuses (another import or a
     * person is paying the same invoice right now, or just did) becomes a suggestion for a person.
     */
    private void book(List<Automatic> automatic, MatchingSession session, LineRows rows, Map<Long, LineOutcome> out) {
        if (automatic.isEmpty()) {
            return;
        }
        List<Receivables.Attempt> attempts = rows.payments()
                .applyAllIfFree(automatic.stream().map(Automatic::payment).toList());
        for (int i = 0; i < automatic.size(); i++) {
            Automatic a = automatic.get(i);
            Receivables.Attempt attempt = attempts.get(i);
            if (attempt.booked()) {
                List<Allocation> applied = allocations(a.payment());
                rows.add(a.shop(), a.line(), LineStatus.MATCHED, AUTOMATIC, a.proposal().confidence(), a.reasonKey(),
                        a.stored(), null).booked(attempt.application(), allocationsJson(applied));
                out.put(a.line().id(), new LineOutcome(LineStatus.MATCHED, a.proposal().confidence(), banking(applied)));
            } else {
                session.refused(a.payment());
                rows.add(a.shop(), a.line(), LineStatus.SUGGESTED, null, a.proposal().confidence(), a.reasonKey(),
                        a.stored(), "not applied automatically: " + attempt.refusal());
                out.put(a.line().id(), new LineOutcome(LineStatus.SUGGESTED, a.proposal().confidence(), List.of()));
            }
        }
        automatic.clear();
    }

    private static boolean pullsBack(BankTransaction line) {
        return line.direction() == CreditDebit.DBIT
                && (line.kind() == TransactionKind.CHARGEBACK || line.returnReason() != null);
    }

    /**
     * Money going out. A chargeback or a returned direct debit reopens what its original payment paid;
     * refunds, fees and the rest are classified and left alone.
     */
    private LineOutcome debit(ShopId shop, BankTransaction line, MatchingSession session, LineRows rows) {
        if (!pullsBack(line)) {
            rows.add(shop, line, LineStatus.IGNORED, AUTOMATIC, null, null, null,
                    "outgoing " + line.kind().name().toLowerCase(java.util.Locale.ROOT));
            return new LineOutcome(LineStatus.IGNORED, null, List.of());
        }
        Optional<Line> original = originalOf(shop, line);
        if (original.isEmpty() || original.get().allocations().isEmpty()) {
            rows.add(shop, line, LineStatus.UNMATCHED, null, null, "chargeback", null,
                    "chargeback" + (line.returnReason() == null ? "" : " " + line.returnReason())
                            + ": the payment it pulls back was not found");
            return LineOutcome.unmatched();
        }
        List<Receivables.Allocation> reopen = new ArrayList<>();
        Money left = line.amount();
        for (Allocation a : original.get().allocations()) {
            Money take = a.amount().compareTo(left) < 0 ? a.amount() : left;
            if (take.amount().signum() > 0) {
                reopen.add(new Receivables.Allocation(a.invoiceNumber(), take));
                left = left.subtract(take);
            }
        }
        String why = "chargeback" + (line.returnReason() == null ? "" : " " + line.returnReason())
                + " of bank line " + original.get().transactionId();
        long application = receivables.reopen(shop, source(line.id()), reopen, why);
        // The reopened items are owed again: later lines of this import may pay them.
        for (Receivables.Allocation a : reopen) {
            receivables.find(shop, a.itemNumber()).ifPresent(session::refresh);
        }
        List<Allocation> reopened = reopen.stream().map(a -> new Allocation(a.itemNumber(), a.amount())).toList();
        rows.add(shop, line, LineStatus.MATCHED, AUTOMATIC, BigDecimal.ONE, "chargeback", null, why)
                .booked(application, allocationsJson(reopened)).pullsBack(original.get().transactionId());
        return new LineOutcome(LineStatus.MATCHED, BigDecimal.ONE, banking(reopened));
    }

    /** The payment a pull-back refers to: same end-to-end id or mandate, else same payer IBAN and amount. */
    private Optional<Line> originalOf(ShopId shop, BankTransaction line) {
        String where;
        Map<String, Object> params = new HashMap<>();
        if (line.endToEndId() != null && !line.endToEndId().isBlank() && !"NOTPROVIDED".equals(line.endToEndId())) {
            where = "end_to_end_id = :e2e";
            params.put("e2e", line.endToEndId());
        } else if (line.mandateReference() != null && !line.mandateReference().isBlank()) {
            where = "mandate_reference = :mandate AND amount = :amount";
            params.put("mandate", line.mandateReference());
            params.put("amount", line.amount().amount());
        } else if (line.counterpartyIban() != null) {
            where = "counterparty_iban = :iban AND amount = :amount";
            params.put("iban", line.counterpartyIban());
            params.put("amount", line.amount().amount());
        } else {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM cashapp_lines WHERE shop_id = :shop AND credit_debit = 'CRDT'"
                        + " AND status = 'MATCHED' AND application_id IS NOT NULL AND " + where
                        + " ORDER BY booking_date DESC, transaction_id DESC LIMIT 1")
                .param("shop", shop.value()).params(params).query(this::line).optional();
    }

    // ---- people's decisions ----

    /** Lines waiting for a person (suggested or unmatched), booked on {@code day} (all days when null). */
    @Transactional(readOnly = true)
    public List<Line> queue(ShopId shop, LocalDate day, String search, int limit) {
        String like = search == null || search.isBlank() ? null
                : "%" + search.strip().toLowerCase(java.util.Locale.ROOT) + "%";
        return jdbc.sql("SELECT * FROM cashapp_lines WHERE shop_id = :shop AND status IN ('SUGGESTED', 'UNMATCHED')"
                        + (day == null ? "" : " AND booking_date = :day")
                        + (like == null ? "" : " AND (LOWER(counterparty_name) LIKE :q OR LOWER(remittance) LIKE :q"
                        + " OR LOWER(counterparty_iban) LIKE :q OR CAST(amount AS VARCHAR(30)) LIKE :q)")
                        + " ORDER BY booking_date DESC, confidence DESC NULLS LAST, transaction_id LIMIT :limit")
                .param("shop", shop.value()).param("day", day).param("q", like).param("limit", limit)
                .query(this::line).list();
    }

    /** How many lines wait for a person, of any day: what the queue shows. */
    @Transactional(readOnly = true)
    public long waiting(ShopId shop) {
        return jdbc.sql("SELECT COUNT(*) FROM cashapp_lines WHERE shop_id = :shop AND status IN ('SUGGESTED', 'UNMATCHED')")
                .param("shop", shop.value()).query(Long.class).single();
    }

    /** Lines decided lately (matched or ignored), newest first: where undo is offered. */
    @Transactional(readOnly = true)
    public List<Line> decided(ShopId shop, int limit) {
        return jdbc.sql("SELECT * FROM cashapp_lines WHERE shop_id = :shop AND status IN ('MATCHED', 'IGNORED')"
                        + " ORDER BY updated_at DESC, transaction_id DESC LIMIT :limit")
                .param("shop", shop.value()).param("limit", limit).query(this::line).list();
    }

    @Transactional(readOnly = true)
    public Line get(ShopId shop, long transactionId) {
        return find(shop, transactionId).orElseThrow(() -> Problem.notFound("bank line " + transactionId));
    }

    /** Applies the stored suggestion as it stands. */
    @Transactional
    public Line accept(ShopId shop, long transactionId) {
        Line line = lockWaiting(shop, transactionId);
        if (!line.hasProposal()) {
            throw Problem.conflict("nothing-to-accept", "No suggestion", "bank line " + transactionId
                    + " has no suggestion; split it by hand");
        }
        StoredProposal p = new StoredProposal(line.proposed(), line.proposedWriteOff().toPlainString(),
                line.proposedCredit().toPlainString(), line.reasons());
        Map<String, OpenItem> items = new HashMap<>();
        for (Allocation a : line.proposed()) {
            receivables.find(shop, a.invoiceNumber()).ifPresent(i -> items.put(i.number(), i));
        }
        Receivables.Payment payment = payment(line, p, items, "suggestion accepted",
                writeOffAccount(settings.current(shop), line.reasons()));
        long application = receivables.apply(shop, payment);
        return decidedByPerson(shop, line, application, allocations(payment), "cash-application.accepted");
    }

    /**
     * Applies the line by hand over several invoices; {@code writeOff} (may be null) settles the last one's
     * small difference. What is left of the line stays with the first invoice's customer as credit.
     */
    @Transactional
    public Line split(ShopId shop, long transactionId, List<Allocation> allocations, Money writeOff, String reason) {
        Line line = lockWaiting(shop, transactionId);
        if (allocations == null || allocations.isEmpty()) {
            throw Problem.invalid("allocations", "name at least one invoice and amount");
        }
        Money sum = Money.zero(line.amount().currency());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            Allocation a = allocations.get(i);
            if (a.amount() == null || !a.amount().currency().equals(sum.currency())) {
                errors.add(new Problem.FieldError("allocations[" + i + "].amount", "must be in " + sum.currency()));
            } else {
                sum = sum.add(a.amount());
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (sum.compareTo(line.amount()) > 0) {
            throw Problem.invalid("allocations", "the amounts (" + sum.toPlainString() + ") exceed the payment ("
                    + line.amount().toPlainString() + ")");
        }
        String firstCustomer = receivables.find(shop, allocations.get(0).invoiceNumber())
                .map(OpenItem::customerNumber).orElse(null);
        CashApplicationSettings current = settings.current(shop);
        String account = writeOff == null || writeOff.isZero() ? null
                : receivables.find(shop, allocations.get(allocations.size() - 1).invoiceNumber())
                        .filter(item -> isSkonto(item, writeOff)).map(item -> current.skontoAccount())
                        .orElse(current.differenceAccount());
        Money rest = line.amount().subtract(sum);
        List<Receivables.Allocation> off = writeOff == null || writeOff.isZero() ? List.of()
                : List.of(new Receivables.Allocation(allocations.get(allocations.size() - 1).invoiceNumber(), writeOff));
        Receivables.Payment payment = new Receivables.Payment(source(transactionId),
                allocations.stream().map(a -> new Receivables.Allocation(a.invoiceNumber(), a.amount())).toList(), off,
                rest.isZero() ? null : rest, firstCustomer,
                reason == null || reason.isBlank() ? "split by hand" : reason, account);
        long application = receivables.apply(shop, payment);
        return decidedByPerson(shop, line, application, allocations(payment), "cash-application.split");
    }

    /** Takes a line out of the queue without applying it (a private transfer, a duplicate, ...). */
    @Transactional
    public Line ignore(ShopId shop, long transactionId, String reason) {
        Line line = lockUndecided(shop, transactionId);
        update(shop, transactionId, LineStatus.IGNORED, PERSON, null, null, reason);
        audit.record(shop, "cash-application.ignored", "bank-transaction", String.valueOf(transactionId), reason,
                Map.of("amount", line.amount().toPlainString()));
        return get(shop, transactionId);
    }

    /**
     * Undoes whatever was decided for a line: an application is reversed in receivables (new postings,
     * never a delete) and the line waits for a person again.
     */
    @Transactional
    public Line undo(ShopId shop, long transactionId, String reason) {
        Line line = lock(shop, transactionId);
        if (line.status() != LineStatus.MATCHED && line.status() != LineStatus.IGNORED) {
            throw Problem.conflict("nothing-to-undo", "Nothing to undo", "bank line " + transactionId + " is "
                    + line.status());
        }
        Long pulledBackBy = jdbc.sql("SELECT MIN(transaction_id) FROM cashapp_lines WHERE shop_id = :shop"
                        + " AND pulls_back = :id AND status = 'MATCHED'")
                .param("shop", shop.value()).param("id", transactionId).query(Long.class).optional().orElse(null);
        if (pulledBackBy != null) {
            // Undoing the payment while its chargeback stands would open the invoice twice.
            throw Problem.conflict("pulled-back", "Pulled back", "bank line " + transactionId
                    + " was pulled back by bank line " + pulledBackBy + "; undo that one first");
        }
        Long application = jdbc.sql("SELECT application_id FROM cashapp_lines WHERE shop_id = :shop AND transaction_id = :id")
                .param("shop", shop.value()).param("id", transactionId).query(Long.class).optional().orElse(null);
        String why = reason == null || reason.isBlank() ? "undone" : reason;
        if (application != null) {
            receivables.reverse(shop, application, why);
        }
        LineStatus back = line.hasProposal() ? LineStatus.SUGGESTED : LineStatus.UNMATCHED;
        update(shop, transactionId, back, null, null, null, why);
        audit.record(shop, "cash-application.undone", "bank-transaction", String.valueOf(transactionId), why,
                Map.of("was", line.status().name(), "allocations", describe(line.allocations())));
        return get(shop, transactionId);
    }

    /**
     * The automatic match rate of incoming payments booked in the last {@code days} days, counted in the
     * database (a month can hold many thousand lines). Value is in the shop's most used currency.
     */
    @Transactional(readOnly = true)
    public MatchRate matchRate(ShopId shop, int days) {
        LocalDate from = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE)).minusDays(days);
        record Group(String status, String decidedBy, String reason, Currency currency, long lines, BigDecimal value) {}
        List<Group> groups = jdbc.sql("""
                SELECT status, decided_by, reason_key, currency, COUNT(*) AS n, SUM(amount) AS v FROM cashapp_lines
                WHERE shop_id = :shop AND booking_date >= :from AND credit_debit = 'CRDT' AND kind NOT IN ('PAYOUT', 'FEE')
                GROUP BY status, decided_by, reason_key, currency""")
                .param("shop", shop.value()).param("from", from)
                .query((rs, i) -> new Group(rs.getString("status"), rs.getString("decided_by"), rs.getString("reason_key"),
                        Currency.getInstance(rs.getString("currency").trim()), rs.getLong("n"), rs.getBigDecimal("v")))
                .list();
        Map<Currency, Long> perCurrency = new HashMap<>();
        groups.forEach(g -> perCurrency.merge(g.currency(), g.lines(), Long::sum));
        Currency currency = perCurrency.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Money.EUR);
        Map<String, Money> reasonValue = new LinkedHashMap<>();
        Map<String, Long> reasonCount = new LinkedHashMap<>();
        Money value = Money.zero(currency);
        Money automaticValue = Money.zero(currency);
        long lines = 0, automatic = 0, person = 0, waiting = 0;
        for (Group g : groups) {
            if (!g.currency().equals(currency)) {
                continue;
            }
            Money v = Money.of(g.value(), currency);
            lines += g.lines();
            value = value.add(v);
            if (LineStatus.MATCHED.name().equals(g.status()) && AUTOMATIC.equals(g.decidedBy())) {
                automatic += g.lines();
                automaticValue = automaticValue.add(v);
                String key = g.reason() == null ? "other" : g.reason();
                reasonCount.merge(key, g.lines(), Long::sum);
                reasonValue.merge(key, v, Money::add);
            } else if (PERSON.equals(g.decidedBy())) {
                person += g.lines();
            } else if (LineStatus.SUGGESTED.name().equals(g.status()) || LineStatus.UNMATCHED.name().equals(g.status())) {
                waiting += g.lines();
            }
        }
        long allLines = lines;
        Money allValue = value;
        List<ReasonRate> byReason = reasonCount.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> {
                    Money v = reasonValue.get(e.getKey()).rounded();
                    return new ReasonRate(e.getKey(), e.getValue(), v, percent(e.getValue(), allLines),
                            allValue.isZero() ? null : v.amount().multiply(BigDecimal.valueOf(100))
                                    .divide(allValue.amount(), 1, RoundingMode.HALF_UP));
                }).toList();
        return new MatchRate(from, lines, automatic, value.rounded(), automaticValue.rounded(), person, waiting, byReason);
    }

    // ---- internals ----

    private Line decidedByPerson(ShopId shop, Line line, long application, List<Allocation> applied, String action) {
        booked(shop, line.transactionId(), application, applied, LineStatus.MATCHED, PERSON);
        Set<String> taught = new LinkedHashSet<>();
        if (line.counterpartyIban() != null) {
            for (Allocation a : applied) {
                receivables.find(shop, a.invoiceNumber()).map(OpenItem::customerNumber).ifPresent(c -> {
                    if (receivables.rememberPayer(shop, line.counterpartyIban(), c, source(line.transactionId()))) {
                        taught.add(c);
                    }
                });
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("allocations", describe(applied));
        details.put("application", application);
        if (!taught.isEmpty()) {
            details.put("payerLearned", line.counterpartyIban() + " -> " + String.join(", ", taught));
        }
        audit.record(shop, action, "bank-transaction", String.valueOf(line.transactionId()), null, details);
        return get(shop, line.transactionId());
    }

    /** Whether an automatic proposal still fits what is open now (an earlier line of the file may have paid it). */
    private static boolean fits(Proposal p, BankTransaction line, Map<String, Money> open, Map<String, OpenItem> items) {
        if (p.allocations() == null || p.allocations().isEmpty()) {
            return false;
        }
        // Whatever receivables would refuse must not reach it here: a refusal would roll back the whole import.
        for (Proposal.Allocation a : p.allocations()) {
            Money left = open.get(a.invoiceNumber());
            if (left == null || !left.currency().equals(line.amount().currency())) {
                return false;
            }
        }
        if (p.writeOff() != null && (p.writeOff().isNegative() || !p.writeOff().currency().equals(line.amount().currency()))
                || p.customerCredit() != null && !p.customerCredit().currency().equals(line.amount().currency())) {
            return false;
        }
        if (p.customerCredit() != null && !p.customerCredit().isZero()
                && (p.customerCredit().isNegative() || items.get(p.allocations().get(0).invoiceNumber()).customerNumber() == null)) {
            return false;
        }
        Map<String, Money> wanted = new HashMap<>();
        Money total = Money.zero(line.amount().currency());
        for (Proposal.Allocation a : p.allocations()) {
            if (!open.containsKey(a.invoiceNumber()) || a.amount().amount().signum() <= 0
                    || a.amount().amount().stripTrailingZeros().scale() > 2
                    || !a.amount().currency().equals(total.currency())) {
                return false;
            }
            wanted.merge(a.invoiceNumber(), a.amount(), Money::add);
            total = total.add(a.amount());
        }
        if (p.writeOff() != null && !p.writeOff().isZero()) {
            String last = p.allocations().get(p.allocations().size() - 1).invoiceNumber();
            wanted.merge(last, p.writeOff(), Money::add);
        }
        if (p.customerCredit() != null) {
            total = total.add(p.customerCredit());
        }
        if (total.compareTo(line.amount()) != 0) {
            return false;
        }
        return wanted.entrySet().stream().allMatch(e -> e.getValue().compareTo(open.get(e.getKey())) <= 0);
    }

    private Receivables.Payment payment(Line line, StoredProposal p, Map<String, OpenItem> items, String reason,
            String writeOffAccount) {
        return payment(line.transactionId(), line.amount().currency(), p, items, reason, writeOffAccount);
    }

    private Receivables.Payment payment(BankTransaction line, StoredProposal p, Map<String, OpenItem> items,
            String reason, String writeOffAccount) {
        return payment(line.id(), line.amount().currency(), p, items, reason, writeOffAccount);
    }

    private static Receivables.Payment payment(long transactionId, Currency currency, StoredProposal p,
            Map<String, OpenItem> items, String reason, String writeOffAccount) {
        List<Receivables.Allocation> applied = p.allocations().stream()
                .map(a -> new Receivables.Allocation(a.invoiceNumber(), a.amount())).toList();
        Money writeOff = money(p.writeOff(), currency);
        List<Receivables.Allocation> off = writeOff.isZero() ? List.of()
                : List.of(new Receivables.Allocation(applied.get(applied.size() - 1).itemNumber(), writeOff));
        Money credit = money(p.customerCredit(), currency);
        String customer = applied.isEmpty() ? null : Optional.ofNullable(items.get(applied.get(0).itemNumber()))
                .map(OpenItem::customerNumber).orElse(null);
        return new Receivables.Payment(source(transactionId), applied, off, credit.isZero() ? null : credit, customer,
                reason, off.isEmpty() ? null : writeOffAccount);
    }

    /** Skonto taken goes to the Skonto account, any other accepted difference to the difference account. */
    static String writeOffAccount(CashApplicationSettings settings, List<String> reasons) {
        boolean skonto = reasons != null && reasons.stream().anyMatch(r -> r.startsWith("AMOUNT_SKONTO"));
        return skonto ? settings.skontoAccount() : settings.differenceAccount();
    }

    /** Whether a hand-made write-off is exactly the Skonto the item's terms grant. */
    private static boolean isSkonto(OpenItem item, Money writeOff) {
        if (item.skontoPercent() == null || item.skontoPercent().signum() <= 0) {
            return false;
        }
        // As the matcher reckons it: the amount due with Skonto is rounded, the discount is the rest.
        BigDecimal due = item.gross().amount().multiply(BigDecimal.valueOf(100).subtract(item.skontoPercent()))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return item.gross().subtract(Money.of(due, item.gross().currency())).compareTo(writeOff) == 0;
    }

    private static List<Allocation> allocations(Receivables.Payment payment) {
        Map<String, Money> perItem = new LinkedHashMap<>();
        for (Receivables.Allocation a : payment.applied()) {
            perItem.merge(a.itemNumber(), a.amount(), Money::add);
        }
        return perItem.entrySet().stream().map(e -> new Allocation(e.getKey(), e.getValue())).toList();
    }

    private static String source(long transactionId) {
        return "bank-transaction:" + transactionId;
    }

    private static Money money(String amount, Currency currency) {
        return amount == null ? Money.zero(currency) : Money.of(new BigDecimal(amount), currency);
    }

    /**
     * What the KPI groups by: the matcher's reason code (the first word of {@code REF_INVOICE_NUMBER RE-…}),
     * or for a reason written in words the part before ':'.
     */
    static String reasonKey(String reason) {
        String first = reason.strip().split("\\s+", 2)[0];
        if (first.matches("[A-Z][A-Z0-9_]+")) {
            return first;
        }
        int colon = reason.indexOf(':');
        String key = (colon > 0 ? reason.substring(0, colon) : reason).strip();
        return key.length() > 120 ? key.substring(0, 120) : key;
    }

    private static StoredProposal stored(Proposal p) {
        Currency none = Money.EUR;
        return new StoredProposal(p.allocations() == null ? List.of()
                : p.allocations().stream().map(a -> new Allocation(a.invoiceNumber(), a.amount())).toList(),
                p.writeOff() == null ? Money.zero(none).toPlainString() : p.writeOff().toPlainString(),
                p.customerCredit() == null ? Money.zero(none).toPlainString() : p.customerCredit().toPlainString(),
                p.reasons() == null ? List.of() : p.reasons());
    }

    private String allocationsJson(List<Allocation> applied) {
        return json.writeValueAsString(applied.stream()
                .map(a -> Map.of("invoiceNumber", a.invoiceNumber(), "amount", a.amount().toPlainString())).toList());
    }

    /** The lines of {@code booked} cash application has seen before (through the primary key). */
    private Set<Long> knownIds(ShopId shop, List<BankTransaction> booked) {
        Set<Long> known = new HashSet<>();
        for (int from = 0; from < booked.size(); from += 1000) {
            ValuesList v = ValuesList.of(booked.subList(from, Math.min(from + 1000, booked.size())).stream()
                    .map(BankTransaction::id).toList(), "BIGINT");
            known.addAll(jdbc.sql("SELECT l.transaction_id FROM cashapp_lines l JOIN " + v.table()
                            + " ON l.transaction_id = q.v WHERE l.shop_id = :shop")
                    .params(v.params()).param("shop", shop.value()).query(Long.class).list());
        }
        return known;
    }

    /**
     * The import's matching session: built on the first call in a transaction and kept until it ends, so
     * the open items are read once per import, not once per chunk of lines.
     */
    private MatchingSession session(ShopId shop) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new MatchingSession(receivables.openItems(shop));
        }
        SessionKey key = new SessionKey(this, shop);
        MatchingSession session = (MatchingSession) TransactionSynchronizationManager.getResource(key);
        if (session == null) {
            session = new MatchingSession(receivables.openItems(shop));
            TransactionSynchronizationManager.bindResource(key, session);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return session;
    }

    /** The key a session is bound to the transaction under: one per shop and cash application. */
    private record SessionKey(CashApplication owner, ShopId shop) {}

    private boolean known(ShopId shop, long transactionId) {
        return jdbc.sql("SELECT COUNT(*) FROM cashapp_lines WHERE shop_id = :shop AND transaction_id = :id")
                .param("shop", shop.value()).param("id", transactionId).query(Integer.class).single() > 0;
    }

    private Optional<Line> find(ShopId shop, long transactionId) {
        return jdbc.sql("SELECT * FROM cashapp_lines WHERE shop_id = :shop AND transaction_id = :id")
                .param("shop", shop.value()).param("id", transactionId).query(this::line).optional();
    }

    private Line lock(ShopId shop, long transactionId) {
        jdbc.sql("SELECT transaction_id FROM cashapp_lines WHERE shop_id = :shop AND transaction_id = :id FOR UPDATE")
                .param("shop", shop.value()).param("id", transactionId).query(Long.class).optional()
                .orElseThrow(() -> Problem.notFound("bank line " + transactionId));
        return get(shop, transactionId);
    }

    private Line lockWaiting(ShopId shop, long transactionId) {
        Line line = lockUndecided(shop, transactionId);
        if (line.creditDebit() != CreditDebit.CRDT) {
            throw Problem.conflict("not-a-payment", "Not a payment", "bank line " + transactionId
                    + " is money going out; only incoming payments are applied to invoices");
        }
        return line;
    }

    private Line lockUndecided(ShopId shop, long transactionId) {
        Line line = lock(shop, transactionId);
        if (line.status() != LineStatus.SUGGESTED && line.status() != LineStatus.UNMATCHED) {
            throw Problem.conflict("line-decided", "Already decided", "bank line " + transactionId + " is "
                    + line.status() + "; undo it first");
        }
        return line;
    }

    private void booked(ShopId shop, long transactionId, long application, List<Allocation> applied, LineStatus status,
            String decidedBy) {
        jdbc.sql("""
                UPDATE cashapp_lines SET status = :status, decided_by = :by, application_id = :a, allocations = :alloc,
                    updated_at = :at WHERE shop_id = :shop AND transaction_id = :id""")
                .param("status", status.name()).param("by", decidedBy).param("a", application)
                .param("alloc", allocationsJson(applied))
                .param("at", Timestamp.from(clock.instant())).param("shop", shop.value()).param("id", transactionId)
                .update();
    }

    private void update(ShopId shop, long transactionId, LineStatus status, String decidedBy, Long application,
            String allocations, String note) {
        jdbc.sql("""
                UPDATE cashapp_lines SET status = :status, decided_by = :by, application_id = :a, allocations = :alloc,
                    note = :note, updated_at = :at WHERE shop_id = :shop AND transaction_id = :id""")
                .param("status", status.name()).param("by", decidedBy).param("a", application).param("alloc", allocations)
                .param("note", cut(note, 500)).param("at", Timestamp.from(clock.instant())).param("shop", shop.value())
                .param("id", transactionId).update();
    }

    private Line line(ResultSet rs, int i) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        String proposalJson = rs.getString("proposal");
        StoredProposal p = proposalJson == null ? null : json.readValue(proposalJson, StoredProposal.class);
        String allocationsJson = rs.getString("allocations");
        List<Allocation> applied = allocationsJson == null ? List.of()
                : json.readValue(allocationsJson, new TypeReference<List<Map<String, String>>>() {}).stream()
                        .map(m -> new Allocation(m.get("invoiceNumber"), Money.of(new BigDecimal(m.get("amount")), currency)))
                        .toList();
        return new Line(rs.getLong("transaction_id"), rs.getLong("statement_id"), rs.getDate("booking_date").toLocalDate(),
                Money.of(rs.getBigDecimal("amount"), currency), CreditDebit.valueOf(rs.getString("credit_debit")),
                TransactionKind.valueOf(rs.getString("kind")), rs.getString("counterparty_name"),
                rs.getString("counterparty_iban"), rs.getString("remittance"), rs.getString("end_to_end_id"),
                LineStatus.valueOf(rs.getString("status")), rs.getString("decided_by"), rs.getBigDecimal("confidence"),
                p == null ? List.of() : p.allocations().stream()
                        .map(a -> new Allocation(a.invoiceNumber(), Money.of(a.amount().amount(), currency))).toList(),
                money(p == null ? null : p.writeOff(), currency), money(p == null ? null : p.customerCredit(), currency),
                p == null ? List.of() : p.reasons(), applied, rs.getString("note"));
    }

    private static LineOutcome outcome(Line l) {
        return new LineOutcome(l.status(), l.confidence(), l.status() == LineStatus.MATCHED ? banking(l.allocations())
                : List.of());
    }

    private static List<LineOutcome.Allocation> banking(List<Allocation> list) {
        return list.stream().map(a -> new LineOutcome.Allocation(a.invoiceNumber(), a.amount())).toList();
    }

    private static List<String> describe(List<Allocation> list) {
        return list.stream().map(a -> a.invoiceNumber() + " " + a.amount().toPlainString()).toList();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
