package org.o2c.tax;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.o2c.catalog.TaxCategory;
import org.o2c.shared.Country;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * VAT determination for the invoices of a seller in Germany, and the shop's running total of EU
 * distance sales that decides between German and destination VAT for EU consumers.
 *
 * <p>Typical use by an invoice: {@link #situation} once (with the invoice's net at German VAT), then
 * {@link TaxSituation#decide} per line, {@link UnitPrice#of} for the line's net unit price,
 * {@link TaxBreakdown#shippingShares} and {@link TaxBreakdown#of} for the totals; after issuing it,
 * {@link #recordDistanceSale} when {@link TaxDecision#countsTowardsDistanceSales()}.
 */
@Service
public class Taxes {
    private final VatRates rates = VatRates.load();
    private final SpecialTerritories territories = SpecialTerritories.load();
    private final DistanceSales distanceSales;
    private final Clock clock;

    Taxes(DistanceSales distanceSales, Clock clock) {
        this.distanceSales = distanceSales;
        this.clock = clock;
    }

    /**
     * How an invoice is taxed. {@code saleNet} is the invoice's net at German VAT: an EU consumer sale
     * that takes the year's distance sales above € 10,000 already carries the destination's VAT.
     *
     * @param shipTo where the goods go; null when that is the buyer's address
     * @throws InvalidVatId when the buyer's VAT id is not in its member state's format (422)
     * @throws org.o2c.shared.Problem (422) when the seller is not in Germany, needs a VAT id it lacks, a
     *         postal code is needed to rule out a special territory, or no rate is known for the date
     */
    @Transactional(readOnly = true)
    public TaxSituation situation(ShopId shop, SellerTaxProfile seller, Party buyer, Party shipTo,
            LocalDate supplyDate, Money saleNet) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(saleNet, "saleNet");
        return VatRules.situation(rates, territories, seller, buyer, shipTo, supplyDate,
                () -> distanceSales(shop, supplyDate.getYear()), saleNet);
    }

    /**
     * The VAT of one line, with the distance sales recorded so far (without the line's own invoice; use
     * {@link #situation} when the invoice may be the one that crosses the threshold).
     */
    @Transactional(readOnly = true)
    public TaxDecision decide(ShopId shop, SellerTaxProfile seller, Party buyer, Party shipTo, TaxCategory product,
            LocalDate supplyDate) {
        return situation(shop, seller, buyer, shipTo, supplyDate, Money.zero(Money.EUR)).decide(product);
    }

    /** The VAT rate of a member state for a tax category on a day (percent, two places). */
    public BigDecimal rate(String country, TaxCategory category, LocalDate supplyDate) {
        return rates.rate(VatRules.vatCountry(country), category, supplyDate);
    }

    /**
     * Adds an issued invoice's (or credit note's, negative) net of EU distance sales to the shop's total of
     * the supply year. Idempotent per document: answers false and changes nothing when the document was
     * recorded before.
     */
    @Transactional
    public boolean recordDistanceSale(ShopId shop, String documentId, LocalDate supplyDate, String destinationCountry,
            Money net) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(supplyDate, "supplyDate");
        if (documentId == null || documentId.isBlank() || documentId.length() > 64) {
            throw new IllegalArgumentException("documentId must be 1 to 64 characters");
        }
        String destination = destinationCountry == null ? null : VatRules.vatCountry(destinationCountry);
        if (!Country.isEu(destination) || VatRules.SELLER_COUNTRY.equals(destination)) {
            throw new IllegalArgumentException(destinationCountry + " is not another EU member state");
        }
        if (!Money.EUR.equals(net.currency())) {
            throw new IllegalArgumentException("the € 10,000 threshold is counted in EUR, not " + net.currency());
        }
        return distanceSales.record(shop, documentId, supplyDate, destination, net, clock.instant());
    }

    /** The shop's EU distance sales of {@code year} so far and of the year before. */
    @Transactional(readOnly = true)
    public DistanceSalesTotals distanceSales(ShopId shop, int year) {
        return new DistanceSalesTotals(year, distanceSales.total(shop, year - 1), distanceSales.total(shop, year));
    }
}
