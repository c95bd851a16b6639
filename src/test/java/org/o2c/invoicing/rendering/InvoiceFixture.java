package org.o2c.invoicing.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.invoicing.InvoiceDocument.Address;
import org.o2c.invoicing.InvoiceDocument.Line;
import org.o2c.invoicing.InvoiceDocument.Party;
import org.o2c.invoicing.InvoiceDocument.PaymentMeans;
import org.o2c.invoicing.InvoiceDocument.PaymentTerms;
import org.o2c.invoicing.InvoiceDocument.TaxGroup;
import org.o2c.invoicing.InvoiceDocument.Totals;
import org.o2c.invoicing.InvoiceDocument.Type;
import org.o2c.shared.Money;
import org.o2c.tax.Supply;
import org.o2c.tax.TaxBreakdown;
import org.o2c.tax.TaxDecision;
import org.o2c.tax.TaxSituation;
import org.o2c.tax.VatCategory;

/**
 * Issued documents for every VAT case a small German shop meets, built by hand as the invoicing core would
 * issue them: net unit prices, line nets rounded once, the breakdown from {@link TaxBreakdown}.
 */
final class InvoiceFixture {

    static final String IBAN = "DE89370400440532013000";
    static final String BIC = "COBADEFFXXX";

    static final Party ROASTERY = new Party("Anna Berger", "Kaffeerösterei Sonnenschein GmbH",
            address(null, "Hauptstraße 12", null, "10115", "Berlin", "DE"), "DE123456789", "30/123/45678",
            "rechnung@sonnenschein-kaffee.de", "+49 30 1234567", null, IBAN, BIC);

    /** A § 19 UStG small business: a tax number, no VAT id. */
    static final Party ATELIER = new Party("Jana Lind", null,
            address(null, "Am Mühlbach 3", null, "79098", "Freiburg im Breisgau", "DE"), null, "06/815/08150",
            "post@atelier-lindgruen.de", "+49 761 555 0101", null, "DE02120300000000202051", null);

    static final Party MAX = new Party("Max Mustermann", null,
            address(null, "Lindenallee 7", "2. OG links", "80331", "München", "DE"), null, null,
            "max.mustermann@example.org", null, "K-10023", null, null);

    static final Party KOFFIEBAR = new Party("Sanne de Vries", "Koffiebar De Boon B.V.",
            address(null, "Prinsengracht 263", null, "1016 GV", "Amsterdam", "NL"), "NL123456789B01", null,
            "inkoop@deboon.example.nl", "+31 20 555 1234", "K-20417", null, null);

    static final Party ZURICH = new Party("Urs Meier", "Meier Kaffeebar GmbH",
            address(null, "Bahnhofstrasse 45", null, "8001", "Zürich", "CH"), null, null,
            "urs.meier@example.ch", null, "K-30088", null, null);

    static final Party VIENNA = new Party("Lena Huber", null,
            address(null, "Mariahilfer Straße 101", null, "1060", "Wien", "AT"), null, null,
            "lena.huber@example.at", null, "K-40502", null, null);

    static final TaxDecision DE_19 = decision(VatCategory.S, "19", "DE", null, null, Supply.DOMESTIC);
    static final TaxDecision DE_7 = decision(VatCategory.S, "7", "DE", null, null, Supply.DOMESTIC);
    static final TaxDecision AT_20 = decision(VatCategory.S, "20", "AT", null, null, Supply.EU_DISTANCE_SALE);
    static final TaxDecision SMALL_BUSINESS = decision(VatCategory.E, "0", "DE", TaxSituation.SMALL_BUSINESS_NOTE,
            null, Supply.DOMESTIC);
    static final TaxDecision INTRA_COMMUNITY = decision(VatCategory.K, "0", "DE",
            TaxSituation.INTRA_COMMUNITY_NOTE, TaxSituation.VATEX_INTRA_COMMUNITY, Supply.INTRA_COMMUNITY_SUPPLY);
    static final TaxDecision EXPORT = decision(VatCategory.G, "0", "DE", TaxSituation.EXPORT_NOTE,
            TaxSituation.VATEX_EXPORT, Supply.EXPORT);

    private InvoiceFixture() {}

    /** 19 % and 7 % goods, shipping split over both rates, 2 % Skonto, delivered to a neighbour. */
    static InvoiceDocument domesticMixed() {
        return new Builder(Type.INVOICE, "RE-2026-00042", "de", ROASTERY, MAX, "#10421")
                .line("ESP-1000", "Espresso Classico, ganze Bohne, 1 kg", "2", "18.6916", DE_7)
                .line("TMP-58", "Tamper Edelstahl 58 mm", "1", "25.1176", DE_19)
                .line("MK-350", "Milchkännchen 350 ml", "2", "12.5966", DE_19)
                .shipping("4.95")
                .deliverTo(address("Erika Mustermann", "Rosenweg 3", null, "80333", "München", "DE"))
                .terms(new PaymentTerms(30, new BigDecimal("2"), 10, null))
                .build();
    }

    /** § 19 UStG: no VAT, the note on the invoice (category E). */
    static InvoiceDocument smallBusiness() {
        return new Builder(Type.INVOICE, "2026-017", "de", ATELIER, MAX, "LG-0317")
                .line("TS-01", "Siebdruck-Tasche „Lindgrün“", "2", "24.00", SMALL_BUSINESS)
                .line("KA-05", "Grußkarten-Set (5 Stück)", "1", "9.50", SMALL_BUSINESS)
                .line("VERSAND", "Versand DHL Paket", "1", "4.90", SMALL_BUSINESS)
                .note(TaxSituation.SMALL_BUSINESS_NOTE)
                .terms(new PaymentTerms(14, null, null, null))
                .build();
    }

    /** Tax-free intra-community supply to a Dutch business with its VAT id (category K), in English. */
    static InvoiceDocument intraCommunityNl() {
        return new Builder(Type.INVOICE, "RE-2026-00043", "en", ROASTERY, KOFFIEBAR, "#10436")
                .line("ESP-1000", "Espresso Classico, whole bean, 1 kg", "20", "18.6916", INTRA_COMMUNITY)
                .line("FIL-500", "Filter Kenia AA, 500 g", "12", "11.2150", INTRA_COMMUNITY)
                .shipping("19.90")
                .buyerReference("PO-7781")
                .note(TaxSituation.INTRA_COMMUNITY_NOTE)
                .terms(new PaymentTerms(14, null, null, null))
                .build();
    }

    /** Export to Switzerland (category G), paid in advance with PayPal: nothing due, no QR code. */
    static InvoiceDocument exportCh() {
        return new Builder(Type.INVOICE, "RE-2026-00044", "de", ROASTERY, ZURICH, "#10440")
                .line("ESP-1000", "Espresso Classico, ganze Bohne, 1 kg", "6", "18.6916", EXPORT)
                .line("TMP-58", "Tamper Edelstahl 58 mm", "2", "25.1176", EXPORT)
                .shipping("24.90")
                .note(TaxSituation.EXPORT_NOTE)
                .paidInAdvance(PaymentMeans.onlinePaymentService("PayPal"))
                .build();
    }

    /** OSS distance sale to an Austrian consumer over the threshold: Austrian 20 %, RF reference. */
    static InvoiceDocument ossAt() {
        return new Builder(Type.INVOICE, "RE-2026-00045", "de", ROASTERY, VIENNA, "#10452")
                .line("TMP-58", "Tamper Edelstahl 58 mm", "1", "24.9000", AT_20)
                .line("MUE-01", "Handmühle Keramikmahlwerk", "1", "66.6583", AT_20)
                .shipping("7.90")
                .paymentReference("RF18539007547034")
                .terms(new PaymentTerms(14, null, null, null))
                .build();
    }

    /** A credit note for one returned milk jug of {@link #domesticMixed()} (Rechnungskorrektur, type 381). */
    static InvoiceDocument creditNoteForPart() {
        return new Builder(Type.CREDIT_NOTE, "GS-2026-00007", "de", ROASTERY, MAX, "#10421")
                .line("MK-350", "Milchkännchen 350 ml (Rücksendung)", "1", "12.5966", DE_19)
                .correcting("RE-2026-00042", LocalDate.parse("2026-03-12"))
                .delivered(LocalDate.parse("2026-03-11"))
                .note("Rücksendung vom 20.03.2026: 1 × Milchkännchen 350 ml")
                .build();
    }

    /** A café's opening order: {@code count} lines at 19 % and 7 %, far more than one page holds. */
    static InvoiceDocument manyLines(int count) {
        Builder builder = new Builder(Type.INVOICE, "RE-2026-00099", "de", ROASTERY, MAX, "#10499");
        for (int i = 1; i <= count; i++) {
            builder.line("ART-" + (1000 + i), "Artikel " + i + (i % 7 == 0 ? ", Sonderanfertigung mit Gravur des "
                    + "Firmennamens auf dem Deckel und beiliegender Pflegeanleitung" : ""), String.valueOf(1 + i % 3),
                    (10 + i) + ".50", i % 2 == 0 ? DE_19 : DE_7);
        }
        return builder.shipping("9.90").terms(new PaymentTerms(14, null, null, null)).build();
    }

    /** Everything as long as customers and shops make it: names, streets, descriptions, item numbers. */
    static InvoiceDocument longTexts() {
        Party buyer = new Party("Maximilian Alexander Freiherr von und zu Langenscheidt-Mustermann",
                "Internationale Kaffeehandels- und Röstereibedarfsgesellschaft Süddeutschland mbH & Co. KG",
                address(null, "Oberer Schlossbergweg am Alten Wasserturm 127a, Hinterhaus, 3. Etage rechts",
                        "c/o Verwaltungsgesellschaft für Gastronomiebedarf", "80331", "München", "DE"),
                null, null, "einkauf@example.org", null, "K-99999", null, null);
        return new Builder(Type.INVOICE, "RE-2026-00100", "de", ROASTERY, buyer, "#10500-NACHLIEFERUNG-TEIL-2")
                .line("ESPRESSOMASCHINE-DUALBOILER-EDELSTAHL-2026", "Espressomaschine Dualboiler mit PID-Regelung, "
                        + "Rotationspumpe, Festwasseranschluss, zwei Manometern, Kaltwasser-Bypass, Heißwasserlanze, "
                        + "Dampflanze mit Cool-Touch-Griff, Tassenwärmer und ausführlicher deutscher "
                        + "Bedienungsanleitung samt Entkalkungsplan, Ersatzdichtungen und Blindsieb", "1", "1899.00",
                        DE_19)
                .line("URL", "Anleitung: https://sonnenschein-kaffee.example/anleitungen/espressomaschine-dualboiler"
                        + "-pid-rotationspumpe-festwasser-2026.pdf", "1", "0.00", DE_19)
                .shipping("49.00")
                .buyerReference("Bestellung über das Einkaufsportal der Verwaltung, Kostenstelle 4711-0815-2342")
                .terms(new PaymentTerms(30, new BigDecimal("2"), 10, null))
                .build();
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Address address(String name, String street, String street2, String postalCode, String city,
            String country) {
        return new Address(name, street, street2, postalCode, city, country);
    }

    private static TaxDecision decision(VatCategory category, String rate, String country, String note, String code,
            Supply supply) {
        return new TaxDecision(category, new BigDecimal(rate), country, note, code, supply, new BigDecimal("19"));
    }

    /** Builds a document the way issuing does: line nets rounded once, breakdown and totals from the lines. */
    static final class Builder {
        private final Type type;
        private final String number;
        private final String language;
        private final Party seller;
        private final Party buyer;
        private final String orderNumber;
        private final List<Line> lines = new ArrayList<>();
        private final List<TaxBreakdown.Line> taxLines = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Address deliveryAddress;
        private PaymentTerms terms;
        private String buyerReference;
        private String paymentReference;
        private String preceding;
        private LocalDate precedingDate;
        private PaymentMeans paidWith;
        private LocalDate issueDate = LocalDate.parse("2026-03-12");
        private LocalDate deliveryDate = LocalDate.parse("2026-03-11");

        Builder(Type type, String number, String language, Party seller, Party buyer, String orderNumber) {
            this.orderNumber = orderNumber;
            this.type = type;
            this.number = number;
            this.language = language;
            this.seller = seller;
            this.buyer = buyer;
            if (type == Type.CREDIT_NOTE) {
                issueDate = LocalDate.parse("2026-03-23");
            }
        }

        Builder line(String sku, String description, String quantity, String unitNet, TaxDecision tax) {
            return line(sku, description, quantity, unitNet, tax, Line.PIECE);
        }

        Builder line(String sku, String description, String quantity, String unitNet, TaxDecision tax,
                String unit) {
            BigDecimal qty = new BigDecimal(quantity);
            Money unitPrice = eur(unitNet);
            Money net = unitPrice.times(qty).rounded();
            lines.add(new Line(lines.size() + 1, sku, description, qty, unitPrice, net, tax.category(),
                    tax.ratePercent(), unit));
            taxLines.add(new TaxBreakdown.Line(net, tax));
            return this;
        }

        /** Net shipping, split over the goods' VAT groups as {@link TaxBreakdown#shippingShares} does. */
        Builder shipping(String net) {
            List<TaxBreakdown.Line> shares = TaxBreakdown.shippingShares(eur(net), List.copyOf(taxLines));
            boolean split = shares.size() > 1;
            for (TaxBreakdown.Line share : shares) {
                String rate = share.tax().ratePercent().stripTrailingZeros().toPlainString();
                String label = "de".equals(language) ? "Versand" : "Shipping";
                line("VERSAND", split ? label + " (Anteil " + rate + " %)" : label, "1",
                        share.net().amount().toPlainString(), share.tax(), "LS");
            }
            return this;
        }

        Builder deliverTo(Address address) {
            this.deliveryAddress = address;
            return this;
        }

        Builder terms(PaymentTerms terms) {
            this.terms = terms;
            return this;
        }

        Builder buyerReference(String reference) {
            this.buyerReference = reference;
            return this;
        }

        Builder paymentReference(String reference) {
            this.paymentReference = reference;
            return this;
        }

        Builder note(String note) {
            notes.add(note);
            return this;
        }

        Builder correcting(String invoiceNumber, LocalDate invoiceDate) {
            this.preceding = invoiceNumber;
            this.precedingDate = invoiceDate;
            return this;
        }

        Builder delivered(LocalDate date) {
            this.deliveryDate = date;
            return this;
        }

        Builder paidInAdvance(PaymentMeans means) {
            this.paidWith = means;
            return this;
        }

        InvoiceDocument build() {
            TaxBreakdown breakdown = TaxBreakdown.of(taxLines);
            List<TaxGroup> groups = breakdown.groups().stream()
                    .map(g -> new TaxGroup(g.category(), g.ratePercent(), g.taxableAmount(), g.taxAmount(),
                            g.exemptionReason(), g.exemptionReasonCode()))
                    .toList();
            Money due = paidWith != null ? eur("0.00") : breakdown.grossAmount();
            Totals totals = new Totals(breakdown.taxableAmount(), breakdown.taxAmount(), breakdown.grossAmount(), due);
            LocalDate dueDate = terms == null ? null : issueDate.plusDays(terms.netDays());
            return new InvoiceDocument("doc-" + number, type, number, issueDate, deliveryDate, dueDate,
                    "EUR", language, orderNumber, buyerReference, preceding,
                    precedingDate, seller, buyer, deliveryAddress, List.copyOf(lines), groups, totals, terms,
                    paymentReference != null ? paymentReference : number, List.copyOf(notes), paidWith);
        }
    }
}
