package org.o2c.tax;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.o2c.shared.Country;
import org.o2c.shared.Money;
import org.o2c.shared.Problem;
import org.o2c.tax.TaxSituation.Treatment;

/**
 * Which VAT applies to a sale by a seller in Germany (shared/reference/tax-and-law.md §1.1–1.4, §2.1):
 * <ol>
 * <li>outside the EU VAT area (third countries and special territories) → tax-free export;</li>
 * <li>to Germany → German VAT;</li>
 * <li>to a business in another member state that used its valid foreign VAT id → tax-free
 * intra-community supply;</li>
 * <li>to a consumer in another member state → the destination's VAT with OSS or above the € 10,000
 * threshold (previous or current year), German VAT otherwise;</li>
 * </ol>
 * and a § 19 UStG small business charges no VAT on whatever is taxed in Germany.
 */
final class VatRules {
    static final String SELLER_COUNTRY = "DE";

    private VatRules() {}

    /**
     * @param totals the shop's distance-sales totals of the supply year; only asked for a consumer in
     *        another member state when the shop does not use OSS
     * @param saleNet this invoice's net as it would be at German VAT: the sale that crosses the threshold
     *        already carries the destination's VAT
     */
    static TaxSituation situation(VatRates rates, SpecialTerritories territories, SellerTaxProfile seller,
            Party buyer, Party shipTo, LocalDate supplyDate, Supplier<DistanceSalesTotals> totals, Money saleNet) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(supplyDate, "supplyDate");
        if (!SELLER_COUNTRY.equals(seller.country())) {
            throw Problem.invalid("seller.country", "o2c determines VAT for sellers established in Germany only");
        }
        Party destination = shipTo != null ? shipTo : buyer;
        String country = vatCountry(destination.country());
        boolean small = seller.smallBusiness();

        // A VAT id that is there must be right, whatever the destination: the caller shows the problem.
        VatIdCheck vatId = null;
        if (buyer.hasVatId()) {
            vatId = VatIds.check(buyer.vatId());
            if (!vatId.valid()) {
                throw new InvalidVatId("buyer.vatId", vatId);
            }
        }

        if (!Country.isEu(country)) {
            return exempt(rates, Supply.EXPORT, Treatment.EXPORT, supplyDate, small,
                    "delivery to " + country + ", outside the EU");
        }
        if (territories.hasTerritories(country) && destination.postalCode() == null) {
            throw Problem.invalid(shipTo != null ? "shipTo.postalCode" : "buyer.postalCode",
                    "is needed to tell whether the address in " + country + " lies inside the EU VAT area");
        }
        Optional<String> territory = territories.outsideVatArea(country, destination.postalCode());
        if (territory.isPresent()) {
            return exempt(rates, Supply.EXPORT, Treatment.EXPORT, supplyDate, small,
                    "delivery to " + territory.get() + " (" + country + "), outside the EU VAT area");
        }
        if (SELLER_COUNTRY.equals(country)) {
            return germanVat(rates, Supply.DOMESTIC, supplyDate, small, "delivery within Germany");
        }
        if (vatId != null && !SELLER_COUNTRY.equals(vatId.country())) {
            if (small) {
                // A small business makes no tax-free intra-community supplies (§ 19 UStG excludes § 4 Nr. 1b);
                // the sale is taxed in Germany and exempt there under § 19.
                return germanVat(rates, Supply.DOMESTIC, supplyDate, true,
                        "business in " + country + " with VAT id " + vatId.normalized() + "; small business");
            }
            if (seller.vatId() == null) {
                throw Problem.invalid("seller.vatId", "a tax-free intra-community supply needs the seller's own "
                        + "VAT id (USt-IdNr.) on the invoice (§ 14a Abs. 3 UStG); add it to the company settings");
            }
            return exempt(rates, Supply.INTRA_COMMUNITY_SUPPLY, Treatment.INTRA_COMMUNITY, supplyDate, false,
                    "business in " + country + " with VAT id " + vatId.normalized());
        }
        if (vatId != null) {
            // A business that buys with its German VAT id: not a distance sale, taxed where the goods leave.
            return germanVat(rates, Supply.DOMESTIC, supplyDate, small,
                    "business in " + country + " that used the German VAT id " + vatId.normalized());
        }
        if (seller.ossEnabled()) {
            return foreignVat(rates, country, supplyDate, small, "consumer in " + country + "; the shop uses OSS");
        }
        DistanceSalesTotals t = totals.get();
        if (t.exceededWith(saleNet)) {
            return foreignVat(rates, country, supplyDate, small, "consumer in " + country
                    + "; EU distance sales above € 10,000 (" + t.year() + ": " + t.currentYear().toPlainString()
                    + " before this sale, " + (t.year() - 1) + ": " + t.previousYear().toPlainString() + ")");
        }
        return germanVat(rates, Supply.EU_DISTANCE_SALE, supplyDate, small, "consumer in " + country
                + "; EU distance sales within € 10,000 (" + t.year() + ": " + t.currentYear().toPlainString()
                + ", " + (t.year() - 1) + ": " + t.previousYear().toPlainString() + ")");
    }

    /** Monaco belongs to the French VAT area (Art. 7 Directive 2006/112/EC). */
    static String vatCountry(String country) {
        return "MC".equals(country) ? "FR" : country;
    }

    private static TaxSituation germanVat(VatRates rates, Supply supply, LocalDate date, boolean small, String why) {
        return small
                ? new TaxSituation(rates, supply, Treatment.SMALL_BUSINESS, SELLER_COUNTRY, date, true,
                        why + ": § 19 UStG, no VAT")
                : new TaxSituation(rates, supply, Treatment.TAXED, SELLER_COUNTRY, date, false, why + ": German VAT");
    }

    private static TaxSituation foreignVat(VatRates rates, String country, LocalDate date, boolean small, String why) {
        // § 19 UStG exempts only sales taxed in Germany; here the place of supply is the destination.
        return new TaxSituation(rates, Supply.EU_DISTANCE_SALE, Treatment.TAXED, country, date, small,
                why + ": VAT of " + country);
    }

    private static TaxSituation exempt(VatRates rates, Supply supply, Treatment treatment, LocalDate date,
            boolean small, String why) {
        return small
                ? new TaxSituation(rates, supply, Treatment.SMALL_BUSINESS, SELLER_COUNTRY, date, true,
                        why + ": § 19 UStG, no VAT")
                : new TaxSituation(rates, supply, treatment, SELLER_COUNTRY, date, false, why + ": tax-free");
    }
}
