package org.o2c.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.o2c.catalog.TaxCategory;

/**
 * Where and how one invoice is taxed: decided once from seller, buyer, destination and supply date (and,
 * for EU consumers, the distance-sales threshold), then asked for the VAT of each line's product.
 */
public final class TaxSituation {

    /** Invoice note and exemption reason text for a § 19 UStG small business (reference §2.1). */
    public static final String SMALL_BUSINESS_NOTE = "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet";
    /** Invoice note for a tax-free intra-community supply (reference §1.3). */
    public static final String INTRA_COMMUNITY_NOTE =
            "Steuerfreie innergemeinschaftliche Lieferung gemäß § 4 Nr. 1b i. V. m. § 6a UStG";
    /** Invoice note for a tax-free export. */
    public static final String EXPORT_NOTE = "Steuerfreie Ausfuhrlieferung gemäß § 4 Nr. 1a i. V. m. § 6 UStG";
    /** CEF VATEX codes (BT-121) for K and G; the list has none for § 19 UStG. */
    public static final String VATEX_INTRA_COMMUNITY = "VATEX-EU-IC";
    public static final String VATEX_EXPORT = "VATEX-EU-G";

    /** How the lines of this invoice are taxed. */
    enum Treatment { TAXED, SMALL_BUSINESS, INTRA_COMMUNITY, EXPORT }

    private final VatRates rates;
    private final Supply supply;
    private final Treatment treatment;
    private final String taxCountry;
    private final LocalDate supplyDate;
    private final boolean smallBusinessPrices;
    private final String reason;

    TaxSituation(VatRates rates, Supply supply, Treatment treatment, String taxCountry, LocalDate supplyDate,
            boolean smallBusinessPrices, String reason) {
        this.rates = Objects.requireNonNull(rates);
        this.supply = supply;
        this.treatment = treatment;
        this.taxCountry = taxCountry;
        this.supplyDate = supplyDate;
        this.smallBusinessPrices = smallBusinessPrices;
        this.reason = reason;
    }

    /** The VAT of a line with a product of this tax category. */
    public TaxDecision decide(TaxCategory product) {
        Objects.requireNonNull(product, "product");
        // A small business's catalog prices contain no VAT; everyone else's contain German VAT.
        BigDecimal catalogRate = smallBusinessPrices ? BigDecimal.ZERO.setScale(2)
                : rates.rate(VatRules.SELLER_COUNTRY, product, supplyDate);
        BigDecimal none = BigDecimal.ZERO.setScale(2);
        return switch (treatment) {
            case TAXED -> {
                BigDecimal rate = rates.rate(taxCountry, product, supplyDate);
                yield new TaxDecision(rate.signum() == 0 ? VatCategory.Z : VatCategory.S, rate, taxCountry, null, null,
                        supply, catalogRate);
            }
            case SMALL_BUSINESS -> new TaxDecision(VatCategory.E, none, taxCountry, SMALL_BUSINESS_NOTE, null, supply,
                    catalogRate);
            case INTRA_COMMUNITY -> new TaxDecision(VatCategory.K, none, taxCountry, INTRA_COMMUNITY_NOTE,
                    VATEX_INTRA_COMMUNITY, supply, catalogRate);
            case EXPORT -> new TaxDecision(VatCategory.G, none, taxCountry, EXPORT_NOTE, VATEX_EXPORT, supply,
                    catalogRate);
        };
    }

    public Supply supply() {
        return supply;
    }

    /** The country whose VAT law taxes the invoice (DE also for exempt supplies). */
    public String taxCountry() {
        return taxCountry;
    }

    public LocalDate supplyDate() {
        return supplyDate;
    }

    /** One sentence that says why, for the audit trail and for the shop owner. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return supply + " taxed in " + taxCountry + " (" + treatment + "): " + reason;
    }
}
