package org.o2c.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.o2c.catalog.TaxCategory.STANDARD;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;
import org.o2c.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A shop's EU distance sales add up per calendar year, each issued document once, and decide when its
 * consumers abroad start paying their own country's VAT (§ 3c Abs. 4 UStG).
 */
class DistanceSalesIT extends IntegrationTest {
    static final SellerTaxProfile SELLER = new SellerTaxProfile("DE", "DE123456789", false, false);
    static final Party PARIS = Party.consumer("FR", "75001");

    @Autowired
    Taxes taxes;

    ShopId shop;

    @BeforeEach
    void ownShop() {
        shop = new ShopId(newShop("distance-sales").shopId);
    }

    @Test
    void eachDocumentCountsOnceHoweverOftenItIsRecorded() {
        assertThat(taxes.recordDistanceSale(shop, "RE-2026-0001", day("2026-03-02"), "FR", eur("400.00"))).isTrue();
        // The invoicing event arrives again (at least once delivery), even with another amount: nothing changes.
        assertThat(taxes.recordDistanceSale(shop, "RE-2026-0001", day("2026-03-02"), "FR", eur("400.00"))).isFalse();
        assertThat(taxes.recordDistanceSale(shop, "RE-2026-0001", day("2026-03-03"), "AT", eur("999.00"))).isFalse();
        assertThat(taxes.recordDistanceSale(shop, "RE-2026-0002", day("2026-03-05"), "AT", eur("250.50"))).isTrue();

        assertThat(taxes.distanceSales(shop, 2026).currentYear()).isEqualTo(eur("650.50"));
    }

    @Test
    void theSameDocumentRecordedConcurrentlyCountsOnce() throws Exception {
        Callable<Boolean> record = () -> taxes.recordDistanceSale(shop, "RE-2026-0100", day("2026-05-01"), "NL",
                eur("120.00"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(List.of(record, record, record, record));
            long inserted = 0;
            for (Future<Boolean> f : results) {
                inserted += f.get() ? 1 : 0;
            }
            assertThat(inserted).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(taxes.distanceSales(shop, 2026).currentYear()).isEqualTo(eur("120.00"));
    }

    @Test
    void totalsArePerShop() {
        ShopId other = new ShopId(newShop("distance-sales-other").shopId);
        taxes.recordDistanceSale(shop, "RE-1", day("2026-02-01"), "FR", eur("100.00"));
        // Document ids are unique per shop only: another shop's RE-1 is its own sale.
        assertThat(taxes.recordDistanceSale(other, "RE-1", day("2026-02-01"), "FR", eur("7000.00"))).isTrue();

        assertThat(taxes.distanceSales(shop, 2026).currentYear()).isEqualTo(eur("100.00"));
        assertThat(taxes.distanceSales(other, 2026).currentYear()).isEqualTo(eur("7000.00"));
    }

    @Test
    void totalsArePerCalendarYearOfTheSupplyAndTheYearBeforeIsShownToo() {
        taxes.recordDistanceSale(shop, "RE-2025-0099", day("2025-12-31"), "IT", eur("3000.00"));
        taxes.recordDistanceSale(shop, "RE-2026-0001", day("2026-01-01"), "IT", eur("200.00"));
        taxes.recordDistanceSale(shop, "RE-2024-0001", day("2024-06-30"), "IT", eur("50.00"));

        DistanceSalesTotals t2026 = taxes.distanceSales(shop, 2026);
        assertThat(t2026.year()).isEqualTo(2026);
        assertThat(t2026.currentYear()).isEqualTo(eur("200.00"));
        assertThat(t2026.previousYear()).isEqualTo(eur("3000.00"));
        assertThat(taxes.distanceSales(shop, 2025).previousYear()).isEqualTo(eur("50.00"));
        assertThat(taxes.distanceSales(shop, 2027).currentYear()).isEqualTo(eur("0.00"));
    }

    @Test
    void aCreditNoteLowersTheTotal() {
        taxes.recordDistanceSale(shop, "RE-2026-0007", day("2026-04-01"), "BE", eur("500.00"));
        taxes.recordDistanceSale(shop, "GS-2026-0001", day("2026-04-10"), "BE", eur("-120.00"));

        assertThat(taxes.distanceSales(shop, 2026).currentYear()).isEqualTo(eur("380.00"));
    }

    @Test
    void theSaleThatCrossesTheThresholdAndEveryLaterOneCarryTheDestinationsVat() {
        taxes.recordDistanceSale(shop, "RE-2026-0001", day("2026-06-01"), "AT", eur("9950.00"));

        // Without this invoice the shop is within € 10,000: German VAT …
        TaxDecision before = taxes.decide(shop, SELLER, PARIS, null, STANDARD, day("2026-06-02"));
        assertThat(before.taxCountry()).isEqualTo("DE");
        assertThat(before.ratePercent()).isEqualByComparingTo("19");
        assertThat(before.countsTowardsDistanceSales()).isTrue();
        // … a 100.00 invoice takes it to 10,050.00: that invoice is taxed in France.
        TaxSituation crossing = taxes.situation(shop, SELLER, PARIS, null, day("2026-06-02"), eur("100.00"));
        assertThat(crossing.taxCountry()).isEqualTo("FR");
        assertThat(crossing.decide(STANDARD).ratePercent()).isEqualByComparingTo("20");
        taxes.recordDistanceSale(shop, "RE-2026-0002", day("2026-06-02"), "FR", eur("100.00"));

        TaxDecision later = taxes.decide(shop, SELLER, Party.consumer("IT", "00144"), null, STANDARD, day("2026-06-03"));
        assertThat(later.taxCountry()).isEqualTo("IT");
        assertThat(later.ratePercent()).isEqualByComparingTo("22");
    }

    @Test
    void aboveTheThresholdLastYearTheNewYearStartsWithTheDestinationsVat() {
        taxes.recordDistanceSale(shop, "RE-2025-0500", day("2025-11-30"), "FR", eur("10000.01"));

        TaxDecision firstSale = taxes.decide(shop, SELLER, PARIS, null, STANDARD, day("2026-01-02"));

        assertThat(firstSale.taxCountry()).isEqualTo("FR");
        assertThat(firstSale.ratePercent()).isEqualByComparingTo("20");
        // The year after that counts 2026 (0.00) and 2027: German VAT again.
        assertThat(taxes.decide(shop, SELLER, PARIS, null, STANDARD, day("2027-01-04")).taxCountry()).isEqualTo("DE");
    }

    @Test
    void withOssTheDestinationsVatAppliesFromTheFirstEuro() {
        SellerTaxProfile oss = new SellerTaxProfile("DE", "DE123456789", false, true);

        TaxDecision d = taxes.decide(shop, oss, PARIS, null, STANDARD, day("2026-06-02"));

        assertThat(d.taxCountry()).isEqualTo("FR");
        assertThat(taxes.distanceSales(shop, 2026).currentYear()).isEqualTo(eur("0.00"));
    }

    @Test
    void onlyEuroDistanceSalesToOtherMemberStatesAreRecorded() {
        assertThatThrownBy(() -> taxes.recordDistanceSale(shop, "X-1", day("2026-01-05"), "DE", eur("1.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> taxes.recordDistanceSale(shop, "X-2", day("2026-01-05"), "CH", eur("1.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> taxes.recordDistanceSale(shop, "X-3", day("2026-01-05"), "FR", Money.of("1.00", "PLN")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> taxes.recordDistanceSale(shop, " ", day("2026-01-05"), "FR", eur("1.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(taxes.distanceSales(shop, 2026).currentYear()).isEqualTo(eur("0.00"));
    }

    @Test
    void theRateTableIsLoadedAtStartUp() {
        assertThat(taxes.rate("EE", STANDARD, day("2025-07-01"))).isEqualByComparingTo("24");
        assertThat(taxes.rate("MC", STANDARD, day("2026-01-01"))).isEqualByComparingTo("20");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
