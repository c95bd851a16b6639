package org.o2c.invoicing.rendering;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.mustangproject.BankDetails;
import org.mustangproject.CashDiscount;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceDocument.Address;
import org.o2c.invoicing.InvoiceDocument.Line;
import org.o2c.invoicing.InvoiceDocument.Party;
import org.o2c.invoicing.InvoiceDocument.PaymentMeans;
import org.o2c.invoicing.InvoiceDocument.TaxGroup;
import org.o2c.shared.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The UN/CEFACT CII XML of an invoice document, written by Mustang: Factur-X/ZUGFeRD profile EN 16931 for the
 * PDF, or XRechnung 3.0. Two things are done after Mustang: the VAT breakdown gets its exemption reason text
 * and VATEX code (BT-120/BT-121), which Mustang 2.22 writes only on lines, and every amount Mustang computed is
 * compared with the document's — an e-invoice that disagrees with the issued document is never handed out.
 */
final class EInvoiceXml {

    static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    /** Which CII document to write. */
    enum Flavour {
        FACTUR_X("EN16931"), XRECHNUNG("XRECHNUNG");

        private final String profile;

        Flavour(String profile) {
            this.profile = profile;
        }

        Profile profile() {
            return Profiles.getByName(profile);
        }
    }

    private EInvoiceXml() {}

    static byte[] write(InvoiceDocument doc, Flavour flavour) {
        if (doc.totals().due().amount().signum() > 0 && PaymentText.terms(doc, Labels.of(doc.language())) == null) {
            throw new IllegalArgumentException("e-invoice " + doc.number()
                    + ": an amount is due, so it needs a due date or payment terms (BR-CO-25)");
        }
        if (flavour == Flavour.XRECHNUNG) {
            requireXRechnungFields(doc);
        }
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(flavour.profile());
        provider.generateXML(toMustang(doc, flavour));
        Document xml = parse(provider.getXML());
        completeTaxBreakdown(xml, doc);
        checkAmounts(xml, doc);
        return serialize(xml);
    }

    // ---- the document in Mustang's model ----

    static Invoice toMustang(InvoiceDocument doc, Flavour flavour) {
        Labels labels = Labels.of(doc.language());
        Invoice invoice = new Invoice()
                .setDocumentCode(doc.type().code())
                .setNumber(doc.number())
                .setIssueDate(MustangDates.of(doc.issueDate()))
                .setDeliveryDate(MustangDates.of(doc.deliveryDate()))
                .setCurrency(doc.currency())
                .setReferenceNumber(buyerReference(doc))
                .setSender(seller(doc))
                .setRecipient(buyer(doc.buyer()))
                .setDeliveryAddress(shipTo(doc));
        if (doc.dueDate() != null && doc.type() == InvoiceDocument.Type.INVOICE) {
            invoice.setDueDate(MustangDates.of(doc.dueDate()));
        }
        if (Parties.present(doc.orderNumber())) {
            invoice.setBuyerOrderReferencedDocumentID(doc.orderNumber());
        }
        if (Parties.present(doc.precedingInvoiceNumber())) {
            invoice.setInvoiceReferencedDocumentID(doc.precedingInvoiceNumber());
            if (doc.precedingInvoiceDate() != null) {
                invoice.setInvoiceReferencedIssueDate(MustangDates.of(doc.precedingInvoiceDate()));
            }
        }
        if (Parties.present(doc.paymentReference())) {
            invoice.setPaymentReference(doc.paymentReference());
        }
        for (String note : doc.notes() == null ? List.<String>of() : doc.notes()) {
            invoice.addNote(note);
        }
        Money prepaid = doc.totals().gross().subtract(doc.totals().due());
        if (!prepaid.isZero()) {
            invoice.setTotalPrepaidAmount(prepaid.rounded().amount());
        }
        String terms = PaymentText.terms(doc, labels);
        boolean skonto = doc.type() == InvoiceDocument.Type.INVOICE && doc.totals().due().amount().signum() > 0
                && PaymentText.hasSkonto(doc.paymentTerms());
        if (flavour == Flavour.XRECHNUNG && skonto) {
            // BR-DE-18: the free text on its own line, then "#SKONTO#TAGE=n#PROZENT=p#" lines Mustang appends.
            invoice.addCashDiscount(new CashDiscount(doc.paymentTerms().skontoPercent(), doc.paymentTerms().skontoDays()));
            terms = terms == null ? "" : terms + "\n";
        }
        if (terms != null) {
            invoice.setPaymentTermDescription(terms);
        }
        for (Line line : doc.lines()) {
            invoice.addItem(item(line));
        }
        return invoice;
    }

    /** BT-10: the Leitweg-ID or buyer's reference, else the order number; XRechnung needs something (BR-DE-15). */
    static String buyerReference(InvoiceDocument doc) {
        if (Parties.present(doc.buyerReference())) {
            return doc.buyerReference();
        }
        return Parties.present(doc.orderNumber()) ? doc.orderNumber() : "n/a";
    }

    /** BT-81: what the document says, else derived as {@link PaymentMeans} describes. */
    static PaymentMeans paymentMeans(InvoiceDocument doc) {
        if (doc.paymentMeans() != null) {
            return doc.paymentMeans();
        }
        return doc.type() == InvoiceDocument.Type.INVOICE && Parties.present(doc.seller().iban())
                ? PaymentMeans.SEPA_CREDIT_TRANSFER : PaymentMeans.NOT_DEFINED;
    }

    private static TradeParty seller(InvoiceDocument doc) {
        Party seller = doc.seller();
        TradeParty party = party(seller, seller.address());
        if (Parties.present(seller.vatId())) {
            party.setVATID(seller.vatId());
        }
        if (Parties.present(seller.taxNumber())) {
            party.setTaxID(seller.taxNumber());                              // BT-32
            if (!Parties.present(seller.vatId())) {
                // BR-CO-26 wants BT-29, BT-30 or BT-31; a § 19 UStG small business often has only its tax number.
                party.setID(seller.taxNumber());                             // BT-29
            }
        }
        if (Parties.present(seller.email())) {
            party.setEmail(seller.email());                                   // BT-34
        }
        party.setContact(new Contact(Parties.present(seller.name()) ? seller.name() : Parties.legalName(seller),
                seller.phone(), seller.email()));                            // BG-6
        PaymentMeans means = paymentMeans(doc);
        BankDetails payment = new BankDetails()
                .setPaymentMeansCode(means.code())
                .setPaymentMeansInformation(means.text());
        boolean transfer = "58".equals(means.code()) || "30".equals(means.code());
        if (transfer && Parties.present(seller.iban())) {
            payment.setIBAN(seller.iban().replaceAll("\\s+", ""));           // BT-84
            payment.setAccountName(Parties.legalName(seller));              // BT-85
            if (Parties.present(seller.bic())) {
                payment.setBIC(seller.bic().replaceAll("\\s+", ""));         // BT-86
            }
        }
        party.addBankDetails(payment);
        return party;
    }

    private static TradeParty buyer(Party buyer) {
        TradeParty party = party(buyer, buyer.address());
        if (Parties.present(buyer.customerNumber())) {
            party.setID(buyer.customerNumber());                               // BT-46
        }
        if (Parties.present(buyer.vatId())) {
            party.setVATID(buyer.vatId());                                     // BT-48
        }
        if (Parties.present(buyer.email())) {
            party.setEmail(buyer.email());                                     // BT-49
        }
        if (Parties.attention(buyer) != null || Parties.present(buyer.phone())) {
            party.setContact(new Contact(Parties.present(buyer.name()) ? buyer.name() : Parties.legalName(buyer),
                    buyer.phone(), buyer.email()));
        }
        return party;
    }

    /** BG-13/BG-15: where the goods went; the buyer's address when the document has no other. */
    private static TradeParty shipTo(InvoiceDocument doc) {
        Address address = doc.deliveryAddress() != null ? doc.deliveryAddress() : doc.buyer().address();
        String name = Parties.present(address.name()) ? address.name() : Parties.legalName(doc.buyer());
        TradeParty party = new TradeParty(name, address.street(), address.postalCode(), address.city(),
                address.country());
        if (Parties.present(address.street2())) {
            party.setAdditionalAddress(address.street2());
        }
        return party;
    }

    private static TradeParty party(Party party, Address address) {
        TradeParty trade = new TradeParty(Parties.legalName(party), address.street(), address.postalCode(),
                address.city(), address.country());
        if (Parties.present(address.street2())) {
            trade.setAdditionalAddress(address.street2());
        }
        return trade;
    }

    private static Item item(Line line) {
        Product product = new Product(line.description(), "", line.unitCode() == null ? Line.PIECE : line.unitCode(),
                line.vatRate());
        product.setTaxCategoryCode(line.vatCategory().code());
        if (Parties.present(line.sku())) {
            product.setSellerAssignedID(line.sku());
        }
        return new Item(product, line.unitNet().amount(), line.quantity()).setId(String.valueOf(line.lineNo()));
    }

    // ---- after Mustang ----

    /** Adds BT-120/BT-121 to each VAT breakdown group from the document's groups. */
    private static void completeTaxBreakdown(Document xml, InvoiceDocument doc) {
        List<Element> groups = headerTaxes(xml);
        if (groups.size() != doc.taxGroups().size()) {
            throw mismatch(doc, "VAT groups", String.valueOf(groups.size()), String.valueOf(doc.taxGroups().size()));
        }
        for (Element group : groups) {
            String category = text(group, "CategoryCode");
            BigDecimal rate = new BigDecimal(text(group, "RateApplicablePercent"));
            TaxGroup expected = doc.taxGroups().stream()
                    .filter(g -> g.category().code().equals(category) && g.rate().compareTo(rate) == 0)
                    .findFirst()
                    .orElseThrow(() -> mismatch(doc, "VAT group", category + " " + rate, "none"));
            compare(doc, "taxable amount of " + category + " " + rate, text(group, "BasisAmount"), expected.taxable());
            compare(doc, "tax of " + category + " " + rate, text(group, "CalculatedAmount"), expected.tax());
            for (Element old : children(group, "ExemptionReason")) {
                group.removeChild(old);
            }
            if (Parties.present(expected.exemptionReason())) {
                Element reason = xml.createElementNS(RAM, "ram:ExemptionReason");
                reason.setTextContent(expected.exemptionReason());
                group.insertBefore(reason, child(group, "BasisAmount"));
            }
            if (Parties.present(expected.exemptionReasonCode())) {
                Element code = xml.createElementNS(RAM, "ram:ExemptionReasonCode");
                code.setTextContent(expected.exemptionReasonCode());
                group.insertBefore(code, child(group, "CategoryCode").getNextSibling());
            }
        }
    }

    private static void checkAmounts(Document xml, InvoiceDocument doc) {
        Element sums = (Element) xml.getElementsByTagNameNS(RAM, "SpecifiedTradeSettlementHeaderMonetarySummation").item(0);
        compare(doc, "sum of lines", text(sums, "LineTotalAmount"), doc.totals().lineNet());
        compare(doc, "tax", text(sums, "TaxTotalAmount"), doc.totals().tax());
        compare(doc, "total", text(sums, "GrandTotalAmount"), doc.totals().gross());
        compare(doc, "amount due", text(sums, "DuePayableAmount"), doc.totals().due());
        NodeList lines = xml.getElementsByTagNameNS(RAM, "SpecifiedTradeSettlementLineMonetarySummation");
        for (int i = 0; i < lines.getLength(); i++) {
            Line line = doc.lines().get(i);
            compare(doc, "line " + line.lineNo(), text((Element) lines.item(i), "LineTotalAmount"), line.net());
        }
    }

    private static void requireXRechnungFields(InvoiceDocument doc) {
        List<String> missing = new ArrayList<>();
        if (!Parties.present(doc.seller().email())) {
            missing.add("seller e-mail (BT-34, BT-43)");
        }
        if (!Parties.present(doc.seller().phone())) {
            missing.add("seller phone (BT-42)");
        }
        if (!Parties.present(doc.buyer().email())) {
            missing.add("buyer e-mail (BT-49)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("XRechnung " + doc.number() + " needs " + String.join(", ", missing));
        }
    }

    private static void compare(InvoiceDocument doc, String what, String written, Money expected) {
        if (new BigDecimal(written).compareTo(expected.rounded().amount()) != 0) {
            throw mismatch(doc, what, written, expected.toPlainString());
        }
    }

    private static IllegalStateException mismatch(InvoiceDocument doc, String what, String xml, String document) {
        return new IllegalStateException("e-invoice " + doc.number() + ": " + what + " would be " + xml
                + " where the document says " + document);
    }

    private static List<Element> headerTaxes(Document xml) {
        Element settlement = (Element) xml.getElementsByTagNameNS(RAM, "ApplicableHeaderTradeSettlement").item(0);
        return children(settlement, "ApplicableTradeTax");
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && RAM.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        if (found.isEmpty()) {
            throw new IllegalStateException("Mustang wrote no " + localName + " in " + parent.getLocalName());
        }
        return found.get(0);
    }

    private static String text(Element parent, String localName) {
        return child(parent, localName).getTextContent().strip();
    }

    private static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            removeIndentation(xml.getDocumentElement());
            removeComments(xml.getDocumentElement());
            return xml;
        } catch (Exception e) {
            throw new IllegalStateException("Mustang wrote XML that does not parse", e);
        }
    }

    /** Whitespace between elements goes; the serializer indents anew. Text inside elements stays. */
    private static void removeIndentation(Element element) {
        Node n = element.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank() && hasElementChild(element)) {
                element.removeChild(n);
            } else if (n instanceof Element e) {
                removeIndentation(e);
            }
            n = next;
        }
    }

    /** Mustang's “generated by” comment names no version when its jar has no manifest entry; it goes. */
    private static void removeComments(Element element) {
        Node n = element.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.COMMENT_NODE) {
                element.removeChild(n);
            }
            n = next;
        }
    }

    private static boolean hasElementChild(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static byte[] serialize(Document xml) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the e-invoice XML", e);
        }
    }
}
