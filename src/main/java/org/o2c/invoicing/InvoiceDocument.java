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
        List<String> notes) {              // BT-22: legal notes (§ 19, § 6a, export), the credit-note reason

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

    /** One line (BG-25): quantity, net unit price (four places), net line amount (two places), VAT. */
    public record Line(int lineNo, String sku, String description, BigDecimal quantity, Money unitNet, Money net,
            VatCategory vatCategory, BigDecimal vatRate) {}

    /** One VAT group (BG-23) with exemption reason text and code where the category needs them. */
    public record TaxGroup(VatCategory category, BigDecimal rate, Money taxable, Money tax, String exemptionReason,
            String exemptionReasonCode) {}

    /** Sum of lines (BT-106), tax (BT-110), total with tax (BT-112), amount due (BT-115). */
    public record Totals(Money lineNet, Money tax, Money gross, Money due) {}

    /** Net days and optional Skonto (cash discount) within a shorter period (BT-20 text). */
    public record PaymentTerms(int netDays, BigDecimal skontoPercent, Integer skontoDays, String text) {}
}
