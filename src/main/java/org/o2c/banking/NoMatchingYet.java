package org.o2c.banking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.ShopId;
import org.springframework.stereotype.Component;

/**
 * Stands in until the {@code cashapp} module provides the real {@link PaymentMatching}: every line stays
 * unmatched. cashapp replaces it; delete this class when both are merged.
 */
@Component
class NoMatchingYet implements PaymentMatching {

    @Override
    public Map<Long, LineOutcome> match(ShopId shop, List<BankTransaction> booked) {
        return outcomes(shop, booked.stream().map(BankTransaction::id).toList());
    }

    @Override
    public Map<Long, LineOutcome> outcomes(ShopId shop, List<Long> transactionIds) {
        Map<Long, LineOutcome> all = new HashMap<>();
        transactionIds.forEach(id -> all.put(id, LineOutcome.unmatched()));
        return all;
    }
}
