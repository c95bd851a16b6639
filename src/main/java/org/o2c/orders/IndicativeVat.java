package org.o2c.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.o2c.shared.Money;

/**
 * The VAT contained in an order's gross prices at the seller's (German) rates, per rate group
 * with shipping split in proportion to the goods' values (EN 16931: tax per rate group, rounded
 * once). Order totals are what the buyer saw at checkout; the invoice determines the final VAT
 * (destination country, reverse charge, export, § 19 UStG).
 */
final class IndicativeVat {
    /** German rates since 2007 (§ 12 UStG): 19 % standard, 7 % reduced. */
    static final Map<String, BigDecimal> GERMAN_RATES = Map.of(
            "STANDARD", new BigDecimal("19.00"), "REDUCED", new BigDecimal("7.00"), "ZERO", new BigDecimal("0.00"));

    private IndicativeVat() {}

    static BigDecimal rate(String taxCategory) {
        return GERMAN_RATES.get(taxCategory);
    }

    /** Gross per rate group (goods plus their share of shipping) → net, tax and gross of the order. */
    static Order.Totals totals(Map<BigDecimal, Money> goodsGrossByRate, Money shipping) {
        Money goods = goodsGrossByRate.values().stream().reduce(Money::add).orElse(Money.zero(shipping.currency()));
        Map<BigDecimal, Money> grossByRate = new TreeMap<>(goodsGrossByRate);
        if (!shipping.isZero()) {
            if (goods.isZero()) {
                grossByRate.merge(rate("STANDARD"), shipping, Money::add);
            } else {
                List<BigDecimal> rates = new ArrayList<>(grossByRate.keySet());
                Money left = shipping;
                for (int i = 0; i < rates.size(); i++) {
                    BigDecimal r = rates.get(i);
                    Money share = i == rates.size() - 1 ? left
                            : shipping.times(goodsGrossByRate.get(r).amount().divide(goods.amount(), 10, RoundingMode.HALF_UP)).rounded();
                    left = left.subtract(share);
                    grossByRate.merge(r, share, Money::add);
                }
            }
        }
        Money tax = Money.zero(shipping.currency());
        Money gross = Money.zero(shipping.currency());
        for (var e : grossByRate.entrySet()) {
            Money groupGross = e.getValue().rounded();
            tax = tax.add(groupGross.taxContainedAt(e.getKey()));
            gross = gross.add(groupGross);
        }
        return new Order.Totals(gross.subtract(tax).rounded(), tax.rounded(), gross.rounded());
    }
}
