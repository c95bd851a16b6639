package org.o2c.banking;

import java.util.List;
import java.util.Map;
import org.o2c.shared.ShopId;

/**
 * Cash application as banking needs it, implemented by the {@code cashapp} module (banking declares it,
 * so it never depends on receivables or matching). Called inside the import's transaction.
 */
public interface PaymentMatching {

    /** Matches lines booked just now; answers each line's outcome by transaction id. */
    Map<Long, LineOutcome> match(ShopId shop, List<BankTransaction> booked);

    /** The current outcome of booked lines; a person may have accepted, split or undone since. */
    Map<Long, LineOutcome> outcomes(ShopId shop, List<Long> transactionIds);

    /**
     * Takes a booked line out of cash application because other lines now carry its money (a batch sum
     * replaced by its items). Answers false, and changes nothing, when money of the line has already been
     * applied to invoices: then the line stays as it is.
     */
    boolean withdraw(ShopId shop, long transactionId, String reason);
}
