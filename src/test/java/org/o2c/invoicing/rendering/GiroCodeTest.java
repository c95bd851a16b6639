package org.o2c.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceDocument.Party;

/** The EPC QR payload (EPC069-12 v002) and when there is none. */
class GiroCodeTest {

    @Test
    void anInvoiceWithAnAmountDueInEurosGetsAPayload() {
        assertThat(GiroCode.payload(InvoiceFixture.domesticMixed())).hasValue(
                "BCD\n002\n1\nSCT\nCOBADEFFXXX\nKaffeerösterei Sonnenschein GmbH\nDE89370400440532013000\n"
                        + "EUR105.50\n\n\nRE-2026-00042");
    }

    @Test
    void withoutBicTheLineStaysEmptyAndAPersonsNameIsTheBeneficiary() {
        // Version 002 needs no BIC inside the EEA; the § 19 seller is a person without a company.
        String payload = GiroCode.payload(InvoiceFixture.smallBusiness()).orElseThrow();

        assertThat(payload.split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "", "Jana Lind",
                "DE02120300000000202051", "EUR62.40", "", "", "2026-017");
    }

    @Test
    void noPayloadForCreditNotesPaidInvoicesOtherCurrenciesOrWithoutIban() {
        InvoiceDocument domestic = InvoiceFixture.domesticMixed();
        Party s = domestic.seller();
        Party noIban = new Party(s.name(), s.company(), s.address(), s.vatId(), s.taxNumber(), s.email(), s.phone(),
                null, null, null);

        assertThat(GiroCode.payload(InvoiceFixture.creditNoteForPart())).isEmpty();
        assertThat(GiroCode.payload(InvoiceFixture.exportCh())).isEmpty();
        assertThat(GiroCode.payload(withSeller(domestic, noIban))).isEmpty();
        assertThat(GiroCode.payload(withCurrency(domestic, "CHF"))).isEmpty();
    }

    @Test
    void recognisesIso11649CreditorReferences() {
        assertThat(GiroCode.isCreditorReference("RF18539007547034")).isTrue();
        assertThat(GiroCode.isCreditorReference("RF18 5390 0754 7034")).isTrue();
        assertThat(GiroCode.isCreditorReference("RF73INV20260042")).isTrue();
        assertThat(GiroCode.isCreditorReference("RF19539007547034")).isFalse();
        assertThat(GiroCode.isCreditorReference("RE-2026-00042")).isFalse();
    }

    @Test
    void theQrCodeIsSquareWithoutQuietZoneAndKeepsEcLevelM() {
        String payload = GiroCode.payload(InvoiceFixture.domesticMixed()).orElseThrow();
        var modules = GiroCode.modules(payload);

        assertThat(modules.getWidth()).isEqualTo(modules.getHeight());
        // Version 1 has 21 modules a side, each version four more; no margin means the finder pattern
        // starts in the corner.
        assertThat((modules.getWidth() - 21) % 4).isZero();
        assertThat(modules.get(0, 0)).isTrue();
    }

    private static InvoiceDocument withSeller(InvoiceDocument d, Party seller) {
        return new InvoiceDocument(d.id(), d.type(), d.number(), d.issueDate(), d.deliveryDate(), d.dueDate(),
                d.currency(), d.language(), d.orderNumber(), d.buyerReference(), d.precedingInvoiceNumber(),
                d.precedingInvoiceDate(), seller, d.buyer(), d.deliveryAddress(), d.lines(), d.taxGroups(),
                d.totals(), d.paymentTerms(), d.paymentReference(), d.notes(), d.paymentMeans());
    }

    private static InvoiceDocument withCurrency(InvoiceDocument d, String currency) {
        return new InvoiceDocument(d.id(), d.type(), d.number(), d.issueDate(), d.deliveryDate(), d.dueDate(),
                currency, d.language(), d.orderNumber(), d.buyerReference(), d.precedingInvoiceNumber(),
                d.precedingInvoiceDate(), d.seller(), d.buyer(), d.deliveryAddress(), d.lines(), d.taxGroups(),
                d.totals(), d.paymentTerms(), d.paymentReference(), d.notes(), d.paymentMeans());
    }
}
