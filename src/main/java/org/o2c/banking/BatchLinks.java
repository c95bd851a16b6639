package org.o2c.banking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.o2c.audit.AuditLog;
import org.o2c.shared.ShopId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the money of a bank batch from counting twice when it arrives both as one sum (the lump in the
 * camt.053) and as its items (the camt.054 breakdown), in whichever order. The items are what count, since
 * each can be matched to an invoice: a lump whose items are booked is recorded as covered; items arriving
 * after their lump supersede it unless cash application has already applied the lump, in which case the
 * lump stays and the items are recorded as covered. A booked line is never deleted, only marked.
 */
final class BatchLinks {

    /** {@code BOOKED} counts; {@code COVERED} was recorded but its money is booked by other lines; {@code SUPERSEDED} was booked and replaced. */
    enum State { BOOKED, COVERED, SUPERSEDED }

    /**
     * What to do with one batch line. {@code supersededLump} is the id of the lump this decision took out
     * (0 when none), {@code supersededIn} the statement that lump was booked from.
     */
    record Decision(State state, String note, long supersededLump, long supersededIn) {

        static Decision book() {
            return new Decision(State.BOOKED, null, 0, 0);
        }
    }

    private record Found(long id, long statementId, long count) {}

    private static final int REMEMBERED_BATCHES = 256;

    private final JdbcClient jdbc;
    private final PaymentMatching matching;
    private final AuditLog audit;

    BatchLinks(JdbcClient jdbc, PaymentMatching matching, AuditLog audit) {
        this.jdbc = jdbc;
        this.matching = matching;
        this.audit = audit;
    }

    Decisions decisions(ShopId shop, long statementId) {
        return new Decisions(shop, statementId);
    }

    /** The decisions of one import; items of a batch share their batch's decision, taken at its first item. */
    final class Decisions {
        private final ShopId shop;
        private final long statementId;
        private final Map<String, Decision> items = new Lru<>(REMEMBERED_BATCHES);

        private Decisions(ShopId shop, long statementId) {
            this.shop = shop;
            this.statementId = statementId;
        }

        /** True when the line's decision needs nothing from the database. */
        boolean known(ParsedLine l) {
            return l.batch().role() == BatchLink.Role.ITEM && items.containsKey(key(l));
        }

        Decision decide(ParsedLine l) {
            BatchLink b = l.batch();
            if (b.role() == BatchLink.Role.LUMP) {
                return lump(l);
            }
            String key = key(l);
            Decision remembered = items.get(key);
            if (remembered != null) {
                return new Decision(remembered.state(), remembered.note(), 0, 0);
            }
            Decision d = item(l);
            items.put(key, d);
            return d;
        }

        private Decision lump(ParsedLine l) {
            Optional<Found> booked = find(l, BatchLink.Role.ITEM);
            if (booked.isEmpty()) {
                return Decision.book();
            }
            Found f = booked.get();
            return new Decision(State.COVERED, "covered by the " + f.count() + " items of its batch breakdown booked"
                    + " from statement " + f.statementId() + "; the sum is not counted again", 0, 0);
        }

        private Decision item(ParsedLine l) {
            Optional<Found> lump = find(l, BatchLink.Role.LUMP);
            if (lump.isEmpty()) {
                return Decision.book();
            }
            long lumpId = lump.get().id();
            String why = "superseded by the items of its batch breakdown in statement " + statementId;
            if (matching.withdraw(shop, lumpId, why)) {
                jdbc.sql("UPDATE bank_transactions SET booking_state = 'SUPERSEDED', booking_note = :note"
                                + " WHERE shop_id = :shop AND id = :id AND booking_state = 'BOOKED'")
                        .param("note", why).param("shop", shop.value()).param("id", lumpId).update();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("statement", statementId);
                details.put("batch", describe(l.batch()));
                audit.record(shop, "bank-transaction.superseded", "bank-transaction", Long.toString(lumpId), why,
                        details);
                return new Decision(State.BOOKED, "item of batch " + describe(l.batch()) + "; replaces lump line "
                        + lumpId, lumpId, lump.get().statementId());
            }
            return new Decision(State.COVERED, "covered: the lump line " + lumpId + " of this batch (statement "
                    + lump.get().statementId() + ") was already applied in cash application, so the item is not"
                    + " counted again", 0, 0);
        }

        /** The earliest counting line of the other role in the same batch: same reference or id, same total. */
        private Optional<Found> find(ParsedLine l, BatchLink.Role role) {
            BatchLink b = l.batch();
            String keys = b.entryRef() != null && b.batchId() != null ? "(batch_ref = :ref OR batch_id = :bid)"
                    : b.entryRef() != null ? "batch_ref = :ref" : "batch_id = :bid";
            var q = jdbc.sql("SELECT MIN(id) AS id, MIN(statement_id) AS statement_id, COUNT(*) AS n"
                            + " FROM bank_transactions WHERE shop_id = :shop AND batch_role = :role"
                            + " AND booking_state = 'BOOKED' AND currency = :currency AND batch_total = :total AND "
                            + keys)
                    .param("shop", shop.value()).param("role", role.name())
                    .param("currency", l.currency().getCurrencyCode()).param("total", b.total());
            if (b.entryRef() != null) {
                q = q.param("ref", b.entryRef());
            }
            if (b.batchId() != null) {
                q = q.param("bid", b.batchId());
            }
            Found f = q.query((rs, n) -> new Found(rs.getLong("id"), rs.getLong("statement_id"), rs.getLong("n")))
                    .single();
            return f.count() == 0 ? Optional.empty() : Optional.of(f);
        }
    }

    private static String key(ParsedLine l) {
        BatchLink b = l.batch();
        return b.entryRef() + "|" + b.batchId() + "|" + b.total().toPlainString() + "|"
                + l.currency().getCurrencyCode();
    }

    private static String describe(BatchLink b) {
        return b.batchId() != null ? b.batchId() : b.entryRef();
    }
}
