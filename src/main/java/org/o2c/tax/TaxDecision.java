package org.o2c.tax;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The VAT of one invoice line.
 *
 * @param category EN 16931 VAT category (BT-151)
 * @param ratePercent the rate charged (BT-152), 0 for Z, E, K and G
 * @param taxCountry whose VAT law applies: the destination for OSS sales, otherwise DE
 * @param legalNote the note the invoice must carry, also the exemption reason text (BT-120); null for S and Z
 * @param exemptionReasonCode CEF VATEX code (BT-121): VATEX-EU-IC for K, VATEX-EU-G for G; null otherwise
 *        (the VATEX list has no code for § 19 UStG, so E carries the text only — XRechnung spec 13.3)
 * @param supply the kind of supply, which decides the invoice's obligations and the threshold
 * @param catalogRatePercent the German VAT contained in the shop's gross catalog price of this product
 *        (0 for a § 19 UStG small business, whose prices contain none); turns catalog prices into net prices
 */
public record TaxDecision(VatCategory category, BigDecimal ratePercent, String taxCountry, String legalNote,
        String exemptionReasonCode, Supply supply, BigDecimal catalogRatePercent) {

    public TaxDecision {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(taxCountry, "taxCountry");
        Objects.requireNonNull(supply, "supply");
        Objects.requireNonNull(catalogRatePercent, "catalogRatePercent");
    }

    /** § 14a Abs. 3 UStG: a tax-free intra-community supply shows the seller's and the buyer's VAT ids. */
    public boolean requiresBothVatIds() {
        return category == VatCategory.K;
    }

    /** Whether the invoice's net goes into the EU distance-sales total (§ 3c Abs. 4 UStG). */
    public boolean countsTowardsDistanceSales() {
        return supply == Supply.EU_DISTANCE_SALE;
    }

    /** Whether another member state's VAT applies (declared in the OSS return or a local registration). */
    public boolean foreignVat() {
        return !"DE".equals(taxCountry);
    }
}
