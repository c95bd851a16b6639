package org.o2c.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.o2c.shared.Money;

/**
 * An invoice's VAT breakdown (EN 16931 BG-23): one group per VAT category and rate, whose tax is the
 * group's taxable amount times the rate, rounded once (HALF_UP to cents by {@link Money#rounded()}) — never
 * the sum of rounded line taxes.
 *
 * @param groups ordered by category (S, Z, E, K, G), then by falling rate
 * @param taxableAmount the sum of the groups' taxable amounts (BT-109 when there are no allowances)
 * @param taxAmount the sum of the groups' tax (BT-110)
 * @param grossAmount taxable amount plus tax (BT-112)
 */
public record TaxBreakdown(List<Group> groups, Money taxableAmount, Money taxAmount, Money grossAmount) {

    /** One invoice line (or shipping share) as the breakdown sees it: its net amount and its VAT. */
    public record Line(Money net, TaxDecision tax) {
        public Line {
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(tax, "tax");
        }
    }

    /**
     * One VAT breakdown group: BT-116 taxable amount, BT-117 tax amount, BT-118 category, BT-119 rate,
     * BT-120 exemption reason text and BT-121 exemption reason code (both null for S and Z).
     */
    public record Group(VatCategory category, BigDecimal ratePercent, Money taxableAmount, Money taxAmount,
            String exemptionReason, String exemptionReasonCode) {}

    public TaxBreakdown {
        groups = List.copyOf(groups);
    }

    /** Groups the lines by category and rate; line nets are the invoice's line amounts (two places). */
    public static TaxBreakdown of(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        Map<Key, List<Line>> byGroup = group(lines);
        List<Group> groups = new ArrayList<>();
        Money zero = Money.zero(lines.get(0).net().currency());
        Money taxable = zero;
        Money tax = zero;
        for (var e : byGroup.entrySet()) {
            Money groupTaxable = e.getValue().stream().map(Line::net).reduce(zero, Money::add).rounded();
            Money groupTax = groupTaxable.times(e.getKey().rate().movePointLeft(2)).rounded();
            TaxDecision first = e.getValue().get(0).tax();
            groups.add(new Group(e.getKey().category(), first.ratePercent(), groupTaxable, groupTax,
                    first.legalNote(), first.exemptionReasonCode()));
            taxable = taxable.add(groupTaxable);
            tax = tax.add(groupTax);
        }
        return new TaxBreakdown(groups, taxable, tax, taxable.add(tax));
    }

    /**
     * Splits a shipping charge over the goods' VAT groups in proportion to their net values, so shipping
     * follows the VAT of the goods it carries. Each share is rounded to cents and the last (largest) group
     * takes what is left, so the shares add up to {@code shipping} exactly. Pass the net shipping to get
     * net shares for {@link #of}; a gross shipping price can be split the same way and each share turned
     * into net with {@link UnitPrice#of}. With goods worth nothing, the group with the highest rate carries
     * all of it. Shipping on its own (no goods) is not split: decide it as a STANDARD line.
     */
    public static List<Line> shippingShares(Money shipping, List<Line> goods) {
        Objects.requireNonNull(shipping, "shipping");
        if (goods.isEmpty()) {
            throw new IllegalArgumentException("shipping follows the goods: there are none");
        }
        Map<Key, List<Line>> byGroup = group(goods);
        Money zero = Money.zero(shipping.currency());
        List<Map.Entry<Key, Money>> values = new ArrayList<>();
        for (var e : byGroup.entrySet()) {
            values.add(Map.entry(e.getKey(), e.getValue().stream().map(Line::net).reduce(zero, Money::add)));
        }
        // Ascending by value, the largest last, so the largest group absorbs the rounding remainder.
        Comparator<Map.Entry<Key, Money>> byValue = Comparator.comparing(Map.Entry::getValue);
        values.sort(byValue.thenComparing(Map.Entry::getKey, Key.ORDER.reversed()));
        Money total = values.stream().map(Map.Entry::getValue).reduce(zero, Money::add);
        List<Line> shares = new ArrayList<>();
        if (total.isZero()) {
            Key highest = values.stream().map(Map.Entry::getKey)
                    .max(Comparator.comparing(Key::rate)).orElseThrow();
            shares.add(new Line(shipping, byGroup.get(highest).get(0).tax()));
            return shares;
        }
        Money left = shipping;
        for (int i = 0; i < values.size(); i++) {
            Key key = values.get(i).getKey();
            Money share = i == values.size() - 1 ? left
                    : shipping.times(values.get(i).getValue().amount().divide(total.amount(), 10, RoundingMode.HALF_UP))
                            .rounded();
            left = left.subtract(share);
            shares.add(new Line(share, byGroup.get(key).get(0).tax()));
        }
        return shares;
    }

    private record Key(VatCategory category, BigDecimal rate) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::category)
                .thenComparing(Key::rate, Comparator.reverseOrder());

        static Key of(TaxDecision tax) {
            return new Key(tax.category(), tax.ratePercent());
        }
    }

    private static Map<Key, List<Line>> group(List<Line> lines) {
        // Ordered by the comparator, which also makes 19 and 19.00 one group.
        Map<Key, List<Line>> byGroup = new TreeMap<>(Key.ORDER);
        for (Line line : lines) {
            byGroup.computeIfAbsent(Key.of(line.tax()), k -> new ArrayList<>()).add(line);
        }
        return byGroup;
    }
}
