package org.o2c.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.o2c.shared.Money;
import org.o2c.tax.VatCategory;

/**
 * Everything an issued invoice or credit note says, frozen at issue time: what the PDF shows and the
 * e-invoice XML carries (EN 16931 business terms in brackets). Amounts are positive for both types;
 * a credit note (type 381) reduces the invoice it references (BT-25).
 */
public record InvoiceDocument(
        String id,
        Type type,
        String number,                     // BT-1
        LocalDate issueDate,               // BT-2
        LocalDate deliveryDate,            // BT-72 (§ 14 Abs. 4 Nr. 6 UStG)
        LocalDate dueDate,                 // BT-9
        String currency,                   // BT-5
        String language,                   // de or en: the PDF's language
        String orderNumber,                // BT-13
        String buyerReference,             // BT-10 (Leitweg-ID for public buyers), may be null
        String precedingInvoiceNumber,     // BT-25, credit notes only
        LocalDate precedingInvoiceDate,    // BT-26, credit notes only
        Party seller,                      // BG-4
        Party buyer,                       // BG-7
        Address deliveryAddress,           // BG-15
        List<Line> lines,                  // BG-25
        List<TaxGroup> taxGroups,          // BG-23
        Totals totals,                     // BG-22
        PaymentTerms paymentTerms,         // BT-20
        String paymentReference,           // BT-83 remittance information
        List<String> notes,                // BT-22: legal notes (§ 19, § 6a, export), the credit-note reason
        // Added for EN 16931 / XRechnung: BG-16 (payment instructions) is mandatory in XRechnung (BR-DE-1)
        // and BT-81 must say how the buyer pays; null derives it (see PaymentMeans).
        PaymentMeans paymentMeans) {

    /** The document as first agreed, without payment means: they are derived (see {@link PaymentMeans}). */
    public InvoiceDocument(String id, Type type, String number, LocalDate issueDate, LocalDate deliveryDate,
            LocalDate dueDate, String currency, String language, String orderNumber, String buyerReference,
            String precedingInvoiceNumber, LocalDate precedingInvoiceDate, Party seller, Party buyer,
            Address deliveryAddress, List<Line> lines, List<TaxGroup> taxGroups, Totals totals,
            PaymentTerms paymentTerms, String paymentReference, List<String> notes) {
        this(id, type, number, issueDate, deliveryDate, dueDate, currency, language, orderNumber, buyerReference,
                precedingInvoiceNumber, precedingInvoiceDate, seller, buyer, deliveryAddress, lines, taxGroups, totals,
                paymentTerms, paymentReference, notes, null);
    }

    /** UNTDID 1001: 380 commercial invoice, 381 credit note. */
    public enum Type {
        INVOICE("380"), CREDIT_NOTE("381");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A postal address. */
    public record Address(String name, String street, String street2, String postalCode, String city,
            String country) {}

    /**
     * Seller or buyer. The seller carries its tax number / VAT id (§ 14 Abs. 4 Nr. 2) and bank
     * account; the buyer its customer number and, for intra-community supplies, its VAT id.
     */
    public record Party(String name, String company, Address address, String vatId, String taxNumber,
            String email, String phone, String customerNumber, String iban, String bic) {}

    /**
     * One line (BG-25): quantity, net unit price (four places), net line amount (two places), VAT, and the
     * unit of the quantity (BT-130, UN/ECE Recommendation 20: H87 piece, KGM kilogram, MTR metre, LS lump
     * sum) — added because EN 16931 requires it; the shorter constructor means pieces.
     */
    public record Line(int lineNo, String sku, String description, BigDecimal quantity, Money unitNet, Money net,
            VatCategory vatCategory, BigDecimal vatRate, String unitCode) {

        /** UN/ECE Rec. 20 “piece”. */
        public static final String PIECE = "H87";

        public Line(int lineNo, String sku, String description, BigDecimal quantity, Money unitNet, Money net,
                VatCategory vatCategory, BigDecimal vatRate) {
            this(lineNo, sku, description, quantity, unitNet, net, vatCategory, vatRate, PIECE);
        }
    }

    /** One VAT group (BG-23) with exemption reason text and code where the category needs them. */
    public record TaxGroup(VatCategory category, BigDecimal rate, Money taxable, Money tax, String exemptionReason,
            String exemptionReasonCode) {}

    /** Sum of lines (BT-106), tax (BT-110), total with tax (BT-112), amount due (BT-115). */
    public record Totals(Money lineNet, Money tax, Money gross, Money due) {}

    /** Net days and optional Skonto (cash discount) within a shorter period (BT-20 text). */
    public record PaymentTerms(int netDays, BigDecimal skontoPercent, Integer skontoDays, String text) {}

    /**
     * How the buyer pays (BG-16): payment means code (BT-81, UNTDID 4461) and its text (BT-82). Null on the
     * document means: an invoice is paid by SEPA credit transfer to the seller's IBAN (58) when the seller has
     * one; otherwise — and for a credit note, whose refund takes the way the invoice was paid — “not defined” (1).
     */
    public record PaymentMeans(String code, String text) {
        /** 58: SEPA credit transfer to the seller's account (BG-17). */
        public static final PaymentMeans SEPA_CREDIT_TRANSFER = new PaymentMeans("58", "SEPA credit transfer");
        /** 1: not defined, e.g. a refund the way the invoice was paid. */
        public static final PaymentMeans NOT_DEFINED = new PaymentMeans("1", "Instrument not defined");

        /** 68: paid through an online payment service, e.g. “PayPal”. */
        public static PaymentMeans onlinePaymentService(String name) {
            return new PaymentMeans("68", name);
        }
    }
}
