package org.o2c.tax;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.o2c.shared.Money;

/** Sellers, buyers and totals for the VAT rules, with the bundled rate and territory tables. */
final class TaxFixture {
    static final VatRates RATES = VatRates.load();
    static final SpecialTerritories TERRITORIES = SpecialTerritories.load();

    static final SellerTaxProfile SELLER = new SellerTaxProfile("DE", "DE123456789", false, false);
    static final SellerTaxProfile OSS_SELLER = new SellerTaxProfile("DE", "DE123456789", false, true);
    static final SellerTaxProfile SMALL_BUSINESS = new SellerTaxProfile("DE", null, true, false);

    private TaxFixture() {}

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** Distance sales of the supply year so far and of the year before. */
    static Supplier<DistanceSalesTotals> sales(int year, String previousYear, String currentYear) {
        return () -> new DistanceSalesTotals(year, eur(previousYear), eur(currentYear));
    }

    /** A shop that has not sold to EU consumers yet. */
    static Supplier<DistanceSalesTotals> noSales(LocalDate date) {
        return sales(date.getYear(), "0.00", "0.00");
    }

    /** For sales where the threshold must not matter: fails when asked. */
    static Supplier<DistanceSalesTotals> notAsked() {
        return () -> {
            throw new AssertionError("the distance-sales totals were asked for");
        };
    }

    static TaxSituation situation(SellerTaxProfile seller, Party buyer, LocalDate date,
            Supplier<DistanceSalesTotals> totals, Money saleNet) {
        return VatRules.situation(RATES, TERRITORIES, seller, buyer, null, date, totals, saleNet);
    }

    static TaxSituation situation(SellerTaxProfile seller, Party buyer, LocalDate date) {
        return situation(seller, buyer, date, noSales(date), eur("0.00"));
    }
}
