package org.o2c.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.rendering.InvoicePage.Row;
import org.o2c.invoicing.rendering.InvoicePage.TotalRow;

/** What the page says, before layout: labels, numbers and the shop's branding. */
class InvoicePageTest {

    static final Branding BRANDING = new Branding("Sonnenschein Kaffee", "#B5452A");

    @Test
    void anEnglishCreditNoteIsACreditNoteForTheInvoice() {
        InvoiceDocument german = InvoiceFixture.creditNoteForPart();
        InvoiceDocument english = new InvoiceDocument(german.id(), german.type(), german.number(), german.issueDate(),
                german.deliveryDate(), german.dueDate(), german.currency(), "en", german.orderNumber(),
                german.buyerReference(), german.precedingInvoiceNumber(), german.precedingInvoiceDate(),
                german.seller(), german.buyer(), german.deliveryAddress(), german.lines(), german.taxGroups(),
                german.totals(), german.paymentTerms(), german.paymentReference(), german.notes(),
                german.paymentMeans());

        InvoicePage page = InvoicePage.of(english, BRANDING, null);

        assertThat(page.title()).isEqualTo("Credit note");
        assertThat(page.reference()).isEqualTo("for invoice no. RE-2026-00042 of 12 Mar 2026");
        assertThat(page.meta()).contains(new Row("Credit note no.", "GS-2026-00007"));
        assertThat(page.totals()).extracting(TotalRow::label).contains("Total credit");
    }

    @Test
    void theDeliveryAddressShowsOnlyWhenItDiffersFromTheBuyers() {
        assertThat(InvoicePage.of(InvoiceFixture.domesticMixed(), BRANDING, null).deliveryAddress())
                .containsExactly("Erika Mustermann", "Rosenweg 3", "80333 München");
        assertThat(InvoicePage.of(InvoiceFixture.ossAt(), BRANDING, null).deliveryAddress()).isNull();
    }

    @Test
    void anRfReferenceIsPrintedInBlocksOfFour() {
        assertThat(InvoicePage.of(InvoiceFixture.ossAt(), BRANDING, null).bank())
                .contains(new Row("Verwendungszweck", "RF18 5390 0754 7034"));
    }

    @Test
    void unitPricesShowFourPlacesOnlyWhenTheyHaveThem() {
        InvoicePage page = InvoicePage.of(InvoiceFixture.intraCommunityNl(), BRANDING, null);

        assertThat(page.lines()).extracting(InvoicePage.LineRow::unitPrice)
                .containsExactly("€18.6916", "€11.2150", "€19.90");
    }

    @Test
    void aLightAccentIsNotUsedForText() {
        assertThat(new Branding("Gelb", "#FFE14D").accentForText()).isEqualTo("#333333");
        assertThat(new Branding("Blau", "#1f4e79").accentForText()).isEqualTo("#1F4E79");
        assertThat(new Branding("Ohne", null).accentColour()).isEqualTo(Branding.DEFAULT_ACCENT);
    }

    @Test
    void brandingAcceptsOnlyHexColoursAndPngLogos() {
        assertThatThrownBy(() -> new Branding("X", "red")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Branding("X", "#123456;}body{display:none"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Branding("X", "#123456", new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 0}))
                .hasMessageContaining("PNG");
    }
}
