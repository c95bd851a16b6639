package org.o2c.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceDocument.Party;
import org.o2c.invoicing.InvoiceDocument.Totals;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The business terms in the CII XML, read back with XPath (the validator runs in InvoiceRendererTest). */
class EInvoiceXmlTest {

    static final InvoiceRenderer renderer = new InvoiceRenderer();

    @Test
    void anIntraCommunitySupplyCarriesBothVatIdsAndTheVatexCodeInTheBreakdown() {
        Xml xml = Xml.of(renderer.xrechnung(InvoiceFixture.intraCommunityNl()));

        assertThat(xml.text("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"))
                .isEqualTo("DE123456789");
        assertThat(xml.text("//ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"))
                .isEqualTo("NL123456789B01");
        String group = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax";
        assertThat(xml.text(group + "/ram:CategoryCode")).isEqualTo("K");
        assertThat(xml.text(group + "/ram:ExemptionReasonCode")).isEqualTo("VATEX-EU-IC");
        assertThat(xml.text(group + "/ram:ExemptionReason")).startsWith("Steuerfreie innergemeinschaftliche Lieferung");
        assertThat(xml.text("//ram:ShipToTradeParty//ram:CountryID")).isEqualTo("NL");
        assertThat(xml.text("//ram:ActualDeliverySupplyChainEvent//udt:DateTimeString")).isEqualTo("20260311");
        // Line VAT has no exemption reason: EN 16931 keeps it in the breakdown (BG-23).
        assertThat(xml.all("//ram:IncludedSupplyChainTradeLineItem//ram:ExemptionReason")).isEmpty();
    }

    @Test
    void exportAndSmallBusinessGroupsSayWhyThereIsNoVat() {
        Xml export = Xml.of(renderer.facturX(InvoiceFixture.exportCh()));
        Xml small = Xml.of(renderer.facturX(InvoiceFixture.smallBusiness()));

        assertThat(export.text("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReasonCode"))
                .isEqualTo("VATEX-EU-G");
        assertThat(small.text("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"))
                .isEqualTo("E");
        assertThat(small.text("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReason"))
                .isEqualTo("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet");
        // Only a tax number: it also identifies the seller (BT-29), as BR-CO-26 asks.
        assertThat(small.text("//ram:SellerTradeParty/ram:ID")).isEqualTo("06/815/08150");
        assertThat(small.text("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']"))
                .isEqualTo("06/815/08150");
    }

    @Test
    void theBuyerReferenceIsTheLeitwegIdElseTheOrderNumber() {
        InvoiceDocument withOrder = InvoiceFixture.domesticMixed();
        InvoiceDocument withLeitwegId = copy(withOrder, "04011000-1234512345-06", withOrder.orderNumber());
        InvoiceDocument withNothing = copy(withOrder, null, null);

        assertThat(Xml.of(renderer.xrechnung(withOrder)).text("//ram:BuyerReference")).isEqualTo("#10421");
        assertThat(Xml.of(renderer.xrechnung(withLeitwegId)).text("//ram:BuyerReference"))
                .isEqualTo("04011000-1234512345-06");
        assertThat(Xml.of(renderer.xrechnung(withNothing)).text("//ram:BuyerReference")).isEqualTo("n/a");
        assertThat(Xml.of(renderer.xrechnung(withOrder)).text("//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"))
                .isEqualTo("#10421");
    }

    @Test
    void aCreditNoteIs381AndNamesTheInvoiceItCorrects() {
        Xml xml = Xml.of(renderer.xrechnung(InvoiceFixture.creditNoteForPart()));

        assertThat(xml.text("//rsm:ExchangedDocument/ram:TypeCode")).isEqualTo("381");
        assertThat(xml.text("//ram:InvoiceReferencedDocument/ram:IssuerAssignedID")).isEqualTo("RE-2026-00042");
        assertThat(xml.text("//ram:InvoiceReferencedDocument//qdt:DateTimeString")).isEqualTo("20260312");
        assertThat(xml.text("//ram:DuePayableAmount")).isEqualTo("14.99");
        assertThat(xml.text("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode")).isEqualTo("1");
    }

    @Test
    void skontoIsWrittenTheWayXRechnungReadsIt() {
        Xml xrechnung = Xml.of(renderer.xrechnung(InvoiceFixture.domesticMixed()));
        Xml facturX = Xml.of(renderer.facturX(InvoiceFixture.domesticMixed()));

        assertThat(xrechnung.text("//ram:SpecifiedTradePaymentTerms/ram:Description"))
                .isEqualTo("2\u00a0% Skonto bei Zahlung bis 22.03.2026, ohne Abzug bis 11.04.2026.\n"
                        + "#SKONTO#TAGE=10#PROZENT=2.00#");
        assertThat(facturX.text("//ram:SpecifiedTradePaymentTerms/ram:Description"))
                .isEqualTo("2\u00a0% Skonto bei Zahlung bis 22.03.2026, ohne Abzug bis 11.04.2026.");
        assertThat(facturX.text("//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"))
                .isEqualTo("20260411");
        assertThat(facturX.text("//ram:PayeePartyCreditorFinancialAccount/ram:IBANID")).isEqualTo(InvoiceFixture.IBAN);
        assertThat(facturX.text("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode")).isEqualTo("58");
        assertThat(facturX.text("//ram:PaymentReference")).isEqualTo("RE-2026-00042");
    }

    @Test
    void aPrepaidInvoiceSaysSoInTheTotals() {
        Xml xml = Xml.of(renderer.facturX(InvoiceFixture.exportCh()));

        assertThat(xml.text("//ram:GrandTotalAmount")).isEqualTo("187.29");
        assertThat(xml.text("//ram:TotalPrepaidAmount")).isEqualTo("187.29");
        assertThat(xml.text("//ram:DuePayableAmount")).isEqualTo("0.00");
        assertThat(xml.text("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode")).isEqualTo("68");
    }

    @Test
    void aDocumentWhoseTotalsDisagreeWithEn16931IsRefused() {
        InvoiceDocument doc = InvoiceFixture.domesticMixed();
        Totals wrong = new Totals(doc.totals().lineNet(), InvoiceFixture.eur("12.87"), InvoiceFixture.eur("105.51"),
                InvoiceFixture.eur("105.51"));
        InvoiceDocument tampered = new InvoiceDocument(doc.id(), doc.type(), doc.number(), doc.issueDate(),
                doc.deliveryDate(), doc.dueDate(), doc.currency(), doc.language(), doc.orderNumber(),
                doc.buyerReference(), doc.precedingInvoiceNumber(), doc.precedingInvoiceDate(), doc.seller(),
                doc.buyer(), doc.deliveryAddress(), doc.lines(), doc.taxGroups(), wrong, doc.paymentTerms(),
                doc.paymentReference(), doc.notes(), doc.paymentMeans());

        assertThatThrownBy(() -> renderer.facturX(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RE-2026-00042").hasMessageContaining("tax would be 12.86");
    }

    @Test
    void anXRechnungNeedsTheSellersPhoneAndTheBuyersEmail() {
        InvoiceDocument doc = InvoiceFixture.domesticMixed();
        Party seller = doc.seller();
        Party noPhone = new Party(seller.name(), seller.company(), seller.address(), seller.vatId(), seller.taxNumber(),
                seller.email(), null, null, seller.iban(), seller.bic());
        InvoiceDocument withoutPhone = new InvoiceDocument(doc.id(), doc.type(), doc.number(), doc.issueDate(),
                doc.deliveryDate(), doc.dueDate(), doc.currency(), doc.language(), doc.orderNumber(),
                doc.buyerReference(), null, null, noPhone, doc.buyer(), doc.deliveryAddress(), doc.lines(),
                doc.taxGroups(), doc.totals(), doc.paymentTerms(), doc.paymentReference(), doc.notes());

        assertThatThrownBy(() -> renderer.xrechnung(withoutPhone)).hasMessageContaining("seller phone (BT-42)");
        assertThat(renderer.facturX(withoutPhone)).isNotEmpty();
    }

    private static InvoiceDocument copy(InvoiceDocument doc, String buyerReference, String orderNumber) {
        return new InvoiceDocument(doc.id(), doc.type(), doc.number(), doc.issueDate(), doc.deliveryDate(),
                doc.dueDate(), doc.currency(), doc.language(), orderNumber, buyerReference,
                doc.precedingInvoiceNumber(), doc.precedingInvoiceDate(), doc.seller(), doc.buyer(),
                doc.deliveryAddress(), doc.lines(), doc.taxGroups(), doc.totals(), doc.paymentTerms(),
                doc.paymentReference(), doc.notes(), doc.paymentMeans());
    }

    /** A CII document with its namespaces for XPath. */
    record Xml(Document document, XPath xpath) {
        static Xml of(byte[] bytes) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
                XPath xpath = XPathFactory.newDefaultInstance().newXPath();
                xpath.setNamespaceContext(new NamespaceContext() {
                    @Override
                    public String getNamespaceURI(String prefix) {
                        return switch (prefix) {
                            case "rsm" -> "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
                            case "ram" -> EInvoiceXml.RAM;
                            case "udt" -> "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
                            case "qdt" -> "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
                            default -> null;
                        };
                    }

                    @Override
                    public String getPrefix(String uri) {
                        return null;
                    }

                    @Override
                    public java.util.Iterator<String> getPrefixes(String uri) {
                        return null;
                    }
                });
                return new Xml(document, xpath);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String text(String path) {
            List<String> found = all(path);
            assertThat(found).as(path).hasSize(1);
            return found.get(0);
        }

        List<String> all(String path) {
            try {
                NodeList nodes = (NodeList) xpath.evaluate(path, document, XPathConstants.NODESET);
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    texts.add(nodes.item(i).getTextContent().strip());
                }
                return texts;
            } catch (Exception e) {
                throw new IllegalStateException(path, e);
            }
        }
    }
}
