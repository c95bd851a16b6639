package org.o2c.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.o2c.shared.Money;

/**
 * A line's unit price: net (what the invoice line carries, BT-146) and gross (what the buyer pays per
 * unit), both to four places as unit prices are stored (NUMERIC(19,4)). Document amounts are rounded
 * later, by {@link Money#rounded()}, per line and per rate group.
 */
public record UnitPrice(Money net, Money gross) {

    /** Unit prices keep four places; amounts on documents are rounded to cents by Money. */
    public static final int SCALE = 4;

    /**
     * Turns the shop's catalog price (gross, with German VAT; without VAT for a § 19 UStG small business)
     * into the line's unit price:
     * <ul>
     * <li>taxed at the catalog's own rate (Germany, § 19): the catalog price is the gross;</li>
     * <li>tax-free intra-community supply or export: the German net, no VAT on top;</li>
     * <li>another country's VAT (OSS): {@link OssPricing#SAME_GROSS} keeps the gross and takes the net out
     * at the destination rate; {@link OssPricing#SAME_NET} keeps the German net and adds the destination
     * VAT.</li>
     * </ul>
     */
    public static UnitPrice of(Money catalogGross, TaxDecision tax, OssPricing pricing) {
        Objects.requireNonNull(catalogGross, "catalogGross");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(pricing, "pricing");
        Money catalogNet = net(catalogGross, tax.catalogRatePercent());
        if (tax.category() == VatCategory.K || tax.category() == VatCategory.G) {
            return new UnitPrice(catalogNet, catalogNet);
        }
        if (tax.ratePercent().compareTo(tax.catalogRatePercent()) == 0) {
            return new UnitPrice(catalogNet, scaled(catalogGross.amount(), catalogGross));
        }
        return switch (pricing) {
            case SAME_GROSS -> new UnitPrice(net(catalogGross, tax.ratePercent()),
                    scaled(catalogGross.amount(), catalogGross));
            case SAME_NET -> new UnitPrice(catalogNet, scaled(catalogNet.amount()
                    .multiply(BigDecimal.ONE.add(tax.ratePercent().movePointLeft(2))), catalogGross));
        };
    }

    private static Money net(Money gross, BigDecimal ratePercent) {
        BigDecimal net = gross.amount().divide(BigDecimal.ONE.add(ratePercent.movePointLeft(2)), SCALE,
                RoundingMode.HALF_UP);
        return Money.of(net, gross.currency());
    }

    private static Money scaled(BigDecimal amount, Money like) {
        return Money.of(amount.setScale(SCALE, RoundingMode.HALF_UP), like.currency());
    }
}
