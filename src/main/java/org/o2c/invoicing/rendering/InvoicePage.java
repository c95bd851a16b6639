package org.o2c.invoicing.rendering;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceDocument.Line;
import org.o2c.invoicing.InvoiceDocument.Party;
import org.o2c.invoicing.InvoiceDocument.TaxGroup;
import org.o2c.shared.Money;
import org.o2c.tax.VatCategory;

/**
 * What the invoice page shows, already in words and formatted numbers: {@link InvoiceSheet} only places it.
 * Covers § 14 Abs. 4 UStG: both parties' names and addresses, the seller's tax number or VAT id, issue date,
 * number, quantity and description, delivery date, net per rate, rate and tax or the exemption note, and any
 * agreed reduction (Skonto); for a credit note the invoice it corrects (§ 31 Abs. 5 UStDV).
 */
record InvoicePage(
        String language,
        String title,
        String documentTitle,
        String accent,
        String accentText,
        String shopName,
        Logo logo,
        String senderLine,
        List<String> recipient,
        List<Row> meta,
        String reference,
        List<String> deliveryAddress,
        String intro,
        List<LineRow> lines,
        List<TotalRow> totals,
        List<String> notes,
        List<String> payment,
        List<Row> bank,
        /** The EPC QR payload (“GiroCode”), or null when nothing is to be transferred. */
        String giroCode,
        List<List<String>> footer,
        Map<String, String> l) {

    /** The logo's PNG and its size on paper in tenths of a millimetre, fitted into 60 × 18 mm. */
    record Logo(byte[] png, int widthTenthsMm, int heightTenthsMm) {}

    record Row(String label, String value) {}

    record LineRow(String pos, String sku, String description, String quantity, String unitPrice, String vat,
            String amount) {}

    /** {@code kind}: “sum”, “tax”, “grand” or “due”; {@code note} is small print under the row. */
    record TotalRow(String label, String amount, String note, String kind) {}

    private static final int LOGO_MAX_WIDTH_MM = 60;
    private static final int LOGO_MAX_HEIGHT_MM = 18;

    static InvoicePage of(InvoiceDocument doc, Branding branding, String giroCode) {
        Labels l = Labels.of(doc.language());
        Party seller = doc.seller();
        Party buyer = doc.buyer();
        String home = seller.address().country();
        boolean credit = doc.type() == InvoiceDocument.Type.CREDIT_NOTE;
        String title = l.get(credit ? "creditNote" : "invoice");

        List<Row> meta = new ArrayList<>();
        meta.add(new Row(l.get(credit ? "creditNoteNumber" : "invoiceNumber"), doc.number()));
        meta.add(new Row(l.get("issueDate"), l.date(doc.issueDate())));
        if (doc.deliveryDate() != null) {
            meta.add(new Row(l.get("deliveryDate"), l.date(doc.deliveryDate())));
        }
        if (Parties.present(buyer.customerNumber())) {
            meta.add(new Row(l.get("customerNumber"), buyer.customerNumber()));
        }
        if (Parties.present(doc.orderNumber())) {
            meta.add(new Row(l.get("orderNumber"), doc.orderNumber()));
        }
        if (Parties.present(doc.buyerReference())) {
            meta.add(new Row(l.get("buyerReference"), doc.buyerReference()));
        }
        if (Parties.present(buyer.vatId())) {
            meta.add(new Row(l.get("buyerVatId"), buyer.vatId()));
        }

        String reference = null;
        if (credit && Parties.present(doc.precedingInvoiceNumber())) {
            reference = doc.precedingInvoiceDate() == null
                    ? l.get("creditNoteForNoDate", doc.precedingInvoiceNumber())
                    : l.get("creditNoteFor", doc.precedingInvoiceNumber(), l.date(doc.precedingInvoiceDate()));
        }

        List<String> delivery = null;
        if (doc.deliveryAddress() != null && !sameAddress(doc.deliveryAddress(), buyer)) {
            delivery = new ArrayList<>();
            if (Parties.present(doc.deliveryAddress().name())) {
                delivery.add(doc.deliveryAddress().name());
            }
            delivery.addAll(Parties.streetLines(doc.deliveryAddress(), home,
                    l.countryName(doc.deliveryAddress().country())));
        }

        List<LineRow> lines = new ArrayList<>();
        for (Line line : doc.lines()) {
            String unit = line.unitCode() == null ? Line.PIECE : line.unitCode();
            lines.add(new LineRow(String.valueOf(line.lineNo()), Parties.present(line.sku()) ? line.sku() : "",
                    line.description(), l.quantity(line.quantity()) + "\u00a0" + l.unit(unit),
                    l.unitPrice(line.unitNet()), l.rate(line.vatRate()), l.money(line.net())));
        }

        List<TotalRow> totals = new ArrayList<>();
        totals.add(new TotalRow(l.get("netTotal"), l.money(doc.totals().lineNet()), null, "sum"));
        Set<String> shownReasons = new LinkedHashSet<>();
        for (TaxGroup group : doc.taxGroups()) {
            if (group.category() == VatCategory.S || group.category() == VatCategory.Z) {
                totals.add(new TotalRow(l.get("vatOn", l.rate(group.rate()), l.money(group.taxable())),
                        l.money(group.tax()), null, "tax"));
            } else {
                List<String> note = new ArrayList<>();
                String exempt = l.getOrDefault("exempt." + group.category().code(), null);
                boolean germanReason = "de".equals(l.language()) && Parties.present(group.exemptionReason());
                if (exempt != null && !germanReason) {
                    note.add(exempt);
                }
                if (Parties.present(group.exemptionReason()) && !group.exemptionReason().equals(exempt)) {
                    note.add(group.exemptionReason());
                    shownReasons.add(group.exemptionReason().strip());
                }
                totals.add(new TotalRow(l.get("exemptOn", l.money(group.taxable())), l.money(group.tax()),
                        keepTogether(String.join(" · ", note)), "tax"));
            }
        }
        totals.add(new TotalRow(l.get(credit ? "creditTotal" : "grossTotal"), l.money(doc.totals().gross()), null,
                "grand"));
        Money prepaid = doc.totals().gross().subtract(doc.totals().due());
        if (!prepaid.rounded().isZero()) {
            totals.add(new TotalRow(l.get("prepaid"), l.money(prepaid.times(-1)), null, "sum"));
            totals.add(new TotalRow(l.get(credit ? "amountRefund" : "amountDue"), l.money(doc.totals().due()), null,
                    "due"));
        }

        List<String> notes = new ArrayList<>();
        for (String note : doc.notes() == null ? List.<String>of() : doc.notes()) {
            if (Parties.present(note) && !shownReasons.contains(note.strip())) {
                notes.add(keepTogether(note.strip()));
            }
        }

        List<String> payment = new ArrayList<>();
        String terms = PaymentText.terms(doc, l);
        if (terms != null) {
            payment.add(terms);
        }
        boolean transfer = !credit && doc.totals().due().amount().signum() > 0 && Parties.present(seller.iban());
        List<Row> bank = new ArrayList<>();
        if (transfer) {
            if (Parties.present(doc.paymentReference())) {
                String shown = GiroCode.isCreditorReference(doc.paymentReference())
                        ? groupsOfFour(doc.paymentReference()) : doc.paymentReference();
                bank.add(new Row(l.get("paymentReference"), shown));
            }
            bank.add(new Row(l.get("accountHolder"), Parties.legalName(seller)));
            bank.add(new Row(l.get("iban"), groupsOfFour(seller.iban())));
            if (Parties.present(seller.bic())) {
                bank.add(new Row(l.get("bic"), seller.bic()));
            }
        }

        return new InvoicePage(l.language(), title, title + " " + doc.number(), branding.accentColour(),
                branding.accentForText(), branding.name(), logo(branding), senderLine(seller, home, l),
                Parties.addressLines(buyer, home, l.countryName(buyer.address().country())), meta, reference,
                delivery, l.get(credit ? "introCreditNote" : "intro"), lines, totals, notes, payment, bank,
                giroCode, footer(seller, home, l), l.all());
    }

    private static String senderLine(Party seller, String home, Labels l) {
        List<String> parts = new ArrayList<>();
        parts.add(Parties.legalName(seller));
        parts.addAll(Parties.streetLines(seller.address(), home, l.countryName(seller.address().country())));
        return String.join(" · ", parts);
    }

    private static List<List<String>> footer(Party seller, String home, Labels l) {
        List<String> address = new ArrayList<>();
        address.add(Parties.legalName(seller));
        if (Parties.attention(seller) != null) {
            address.add(Parties.attention(seller));
        }
        address.addAll(Parties.streetLines(seller.address(), home, l.countryName(seller.address().country())));
        List<String> contact = new ArrayList<>();
        if (Parties.present(seller.phone())) {
            contact.add(l.get("phone") + " " + seller.phone());
        }
        if (Parties.present(seller.email())) {
            contact.add(l.get("email") + " " + seller.email());
        }
        List<String> tax = new ArrayList<>();
        if (Parties.present(seller.vatId())) {
            tax.add(l.get("vatId") + " " + seller.vatId());
        }
        if (Parties.present(seller.taxNumber())) {
            tax.add(l.get("taxNumber") + " " + seller.taxNumber());
        }
        List<String> bank = new ArrayList<>();
        if (Parties.present(seller.iban())) {
            bank.add(l.get("iban") + " " + groupsOfFour(seller.iban()));
            if (Parties.present(seller.bic())) {
                bank.add(l.get("bic") + " " + seller.bic());
            }
        }
        List<List<String>> columns = new ArrayList<>();
        for (List<String> column : List.of(address, contact, tax, bank)) {
            if (!column.isEmpty()) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static boolean sameAddress(InvoiceDocument.Address address, Party buyer) {
        InvoiceDocument.Address b = buyer.address();
        return eq(address.street(), b.street()) && eq(address.street2(), b.street2())
                && eq(address.postalCode(), b.postalCode()) && eq(address.city(), b.city())
                && eq(address.country(), b.country())
                && (!Parties.present(address.name()) || eq(address.name(), Parties.legalName(buyer))
                        || eq(address.name(), buyer.name()));
    }

    private static boolean eq(String a, String b) {
        return (a == null ? "" : a.strip()).equalsIgnoreCase(b == null ? "" : b.strip());
    }

    /** No line break between “§” and its number. */
    static String keepTogether(String text) {
        return text.replace("§ ", "§\u00a0").replace("§§ ", "§§\u00a0");
    }

    static String groupsOfFour(String iban) {
        String compact = iban.replaceAll("\\s+", "");
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return grouped.toString();
    }

    private static Logo logo(Branding branding) {
        byte[] png = branding.logoPng();
        if (png == null) {
            return null;
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new IllegalArgumentException("the logo is not a readable PNG", e);
        }
        if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
            throw new IllegalArgumentException("the logo is not a readable PNG");
        }
        // Fit into the box, in tenths of a millimetre so that no floating point is needed.
        int width = LOGO_MAX_WIDTH_MM * 10;
        int height = image.getHeight() * width / image.getWidth();
        if (height > LOGO_MAX_HEIGHT_MM * 10) {
            height = LOGO_MAX_HEIGHT_MM * 10;
            width = image.getWidth() * height / image.getHeight();
        }
        return new Logo(png, width, height);
    }
}
