package org.o2c.invoicing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.o2c.audit.AuditLog;
import org.o2c.catalog.TaxCategory;
import org.o2c.orders.Order;
import org.o2c.orders.OrderStatus;
import org.o2c.orders.Orders;
import org.o2c.shared.Money;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.o2c.shared.Validation;
import org.o2c.shops.CompanySettings;
import org.o2c.shops.Shops;
import org.o2c.tax.Party;
import org.o2c.tax.SellerTaxProfile;
import org.o2c.tax.TaxBreakdown;
import org.o2c.tax.TaxDecision;
import org.o2c.tax.TaxSituation;
import org.o2c.tax.Taxes;
import org.o2c.tax.UnitPrice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues invoices for orders and credit notes for invoices. Issuing is one transaction: the gapless
 * number, the frozen document, its lines, the audit entry and the event. Nothing is ever updated.
 */
@Service
public class Invoicing {

    /** What an invoice stands at: derived from its credit notes (and, later, its payments). */
    public enum Status { OPEN, PARTIALLY_PAID, PAID, CANCELLED }

    /** An issued document with where it stands. For credit notes, status and open amount are null. */
    public record Issued(InvoiceDocument document, OrderId orderId, String invoiceId, String invoiceNumber,
            Status status, Money openAmount, Money credited) {}

    /** One line of a credit note request: how many of a SKU go back. */
    public record CreditLine(String sku, BigDecimal quantity) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Orders orders;
    private final Shops shops;
    private final Taxes taxes;
    private final NumberSeries numbers;
    private final InvoicingSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final ObjectProvider<PaymentStatusSource> payments;

    Invoicing(JdbcClient jdbc, Clock clock, Orders orders, Shops shops, Taxes taxes, NumberSeries numbers,
            InvoicingSettings settings, AuditLog audit, ApplicationEventPublisher events, JsonMapper json,
            ObjectProvider<PaymentStatusSource> payments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.orders = orders;
        this.shops = shops;
        this.taxes = taxes;
        this.numbers = numbers;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.payments = payments;
    }

    /** The order's invoice: issued now, or the one it already has ({@code created} false). */
    public record IssueResult(Issued invoice, boolean created) {}

    @Transactional
    public IssueResult issueFor(ShopId shop, OrderId orderId) {
        Optional<Issued> existing = invoiceOf(shop, orderId);
        if (existing.isPresent()) {
            return new IssueResult(existing.get(), false);
        }
        Order order = orders.get(shop, orderId);
        if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.ON_HOLD) {
            throw Problem.conflict("order-not-invoiceable", "Order cannot be invoiced",
                    "order " + order.number() + " is " + order.status());
        }
        CompanySettings company = shops.settings(shop).orElseThrow(() -> new Problem(HttpStatus.CONFLICT,
                "company-settings-missing", "Company settings missing",
                "an invoice needs the seller's name, address and tax number: PUT /api/v1/settings/company"));
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE));
        String id = UUID.randomUUID().toString();

        Order.PostalAddress billing = order.billingAddress();
        Order.PostalAddress shipping = order.shippingAddress();
        Party buyer = new Party(billing.country(), billing.postalCode(), order.vatId());
        Party shipTo = new Party(shipping.country(), shipping.postalCode(), order.vatId());
        TaxSituation situation = taxes.situation(shop, SellerTaxProfile.of(company), buyer, shipTo, today,
                germanNet(order));

        List<TaxBreakdown.Line> goods = new ArrayList<>();
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        for (Order.Line l : order.lines()) {
            TaxDecision tax = situation.decide(TaxCategory.valueOf(l.taxCategory()));
            Money unitNet = UnitPrice.of(l.unitPrice(), tax, settings.ossPricing).net();
            Money net = unitNet.times(l.quantity()).rounded();
            lines.add(new InvoiceDocument.Line(lines.size() + 1, l.sku(), l.name(), BigDecimal.valueOf(l.quantity()),
                    unitNet, net, tax.category(), tax.ratePercent()));
            goods.add(new TaxBreakdown.Line(net, tax));
            if (tax.legalNote() != null) {
                notes.add(tax.legalNote());
            }
        }
        List<TaxBreakdown.Line> all = new ArrayList<>(goods);
        if (!order.shipping().isZero()) {
            String label = "de".equals(order.language()) ? "Versand" : "Shipping";
            for (TaxBreakdown.Line share : TaxBreakdown.shippingShares(order.shipping(), goods)) {
                Money net = UnitPrice.of(share.net(), share.tax(), settings.ossPricing).net().rounded();
                lines.add(new InvoiceDocument.Line(lines.size() + 1, null, label, BigDecimal.ONE, net, net,
                        share.tax().category(), share.tax().ratePercent()));
                all.add(new TaxBreakdown.Line(net, share.tax()));
            }
        }
        TaxBreakdown breakdown = TaxBreakdown.of(all);
        String number = numbers.next(shop, "INVOICE", today.getYear(), settings.invoiceNumberFormat);
        String reference = settings.paymentReference == InvoicingSettings.PaymentReference.RF
                ? CreditorReference.of(number) : number;
        InvoiceDocument.PaymentTerms terms = terms(order.language(), today);
        InvoiceDocument doc = new InvoiceDocument(id, InvoiceDocument.Type.INVOICE, number, today, today,
                today.plusDays(settings.paymentDays), order.totals().gross().currency().getCurrencyCode(),
                order.language(), order.number(), order.buyerReference(), null, null, seller(company),
                buyer(order), address(shipping), lines, groups(breakdown),
                new InvoiceDocument.Totals(breakdown.taxableAmount(), breakdown.taxAmount(), breakdown.grossAmount(),
                        breakdown.grossAmount()),
                terms, reference, List.copyOf(notes));
        boolean distanceSale = situation.decide(TaxCategory.STANDARD).countsTowardsDistanceSales();
        insert(shop, doc, order.id(), null, order.customerName(), null, distanceSale ? shipping.country() : null);
        if (distanceSale) {
            taxes.recordDistanceSale(shop, id, today, shipping.country(), breakdown.taxableAmount());
        }
        audit.record(shop, "invoice.issued", "invoice", id, null, Map.of("number", number, "order", order.number(),
                "gross", breakdown.grossAmount().toPlainString(), "tax", situation.reason()));
        events.publishEvent(new InvoiceIssued(shop, id, number, order.id(), breakdown.grossAmount(), doc.dueDate(),
                reference));
        return new IssueResult(get(shop, id), true);
    }

    /** The order's net at German VAT: what counts towards the € 10,000 distance-sales threshold. */
    private static Money germanNet(Order order) {
        return order.totals().net();
    }

    private InvoiceDocument.PaymentTerms terms(String language, LocalDate issue) {
        boolean de = "de".equals(language);
        LocalDate due = issue.plusDays(settings.paymentDays);
        String text = de ? "Zahlbar ohne Abzug bis " + due.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                : "Payable without deduction by " + due;
        if (settings.skontoPercent != null && settings.skontoDays != null) {
            LocalDate skonto = issue.plusDays(settings.skontoDays);
            text = (de ? settings.skontoPercent.toPlainString() + " % Skonto bei Zahlung bis "
                    + skonto.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ", "
                    : settings.skontoPercent.toPlainString() + " % cash discount if paid by " + skonto + ", ") + text;
        }
        return new InvoiceDocument.PaymentTerms(settings.paymentDays, settings.skontoPercent, settings.skontoDays, text);
    }

    /**
     * Credits all or some lines of an issued invoice (no lines: everything not yet credited). Crediting
     * more than was invoiced, per line or in total, is refused with 409.
     */
    @Transactional
    public Issued creditNote(ShopId shop, String invoiceId, String reason, List<CreditLine> request) {
        Validation v = new Validation();
        String why = v.text("reason", reason, 1000, true);
        v.throwIfInvalid();
        Issued invoice = get(shop, invoiceId);
        if (invoice.document().type() != InvoiceDocument.Type.INVOICE) {
            throw Problem.conflict("not-an-invoice", "Not an invoice", invoice.document().number() + " is a credit note");
        }
        // Serialise credit notes of one invoice: the remaining quantities must be read under a lock.
        jdbc.sql("SELECT id FROM invoices WHERE id = :id FOR UPDATE").param("id", invoiceId).query(String.class).single();
        InvoiceDocument doc = invoice.document();
        List<InvoiceDocument> earlierCredits = creditNotesOf(invoiceId);
        Map<Integer, BigDecimal> creditedQty = creditedQuantities(doc, earlierCredits);
        Map<Integer, BigDecimal> take = new LinkedHashMap<>();
        if (request == null || request.isEmpty()) {
            for (InvoiceDocument.Line l : doc.lines()) {
                BigDecimal left = l.quantity().subtract(creditedQty.getOrDefault(l.lineNo(), BigDecimal.ZERO));
                if (left.signum() > 0) {
                    take.put(l.lineNo(), left);
                }
            }
        } else {
            for (int i = 0; i < request.size(); i++) {
                CreditLine c = request.get(i);
                if (c == null || c.sku() == null || c.quantity() == null || c.quantity().signum() <= 0
                        || c.quantity().stripTrailingZeros().scale() > 4) {
                    throw Problem.invalid("lines[" + i + "]", "needs a sku and a positive quantity");
                }
                BigDecimal wanted = c.quantity();
                boolean found = false;
                for (InvoiceDocument.Line l : doc.lines()) {
                    if (!c.sku().equals(l.sku())) {
                        continue;
                    }
                    found = true;
                    BigDecimal left = l.quantity().subtract(creditedQty.getOrDefault(l.lineNo(), BigDecimal.ZERO))
                            .subtract(take.getOrDefault(l.lineNo(), BigDecimal.ZERO));
                    BigDecimal now = wanted.min(left);
                    if (now.signum() > 0) {
                        take.merge(l.lineNo(), now, BigDecimal::add);
                        wanted = wanted.subtract(now);
                    }
                }
                if (!found) {
                    throw Problem.invalid("lines[" + i + "].sku", c.sku() + " is not on invoice " + doc.number());
                }
                if (wanted.signum() > 0) {
                    throw Problem.conflict("credit-exceeds-invoice", "More than was invoiced",
                            "only " + c.quantity().subtract(wanted).stripTrailingZeros().toPlainString() + " of " + c.sku()
                                    + " are left to credit on invoice " + doc.number());
                }
            }
        }
        if (take.isEmpty()) {
            throw Problem.conflict("credit-exceeds-invoice", "Nothing left to credit",
                    "invoice " + doc.number() + " is credited in full");
        }
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        List<TaxBreakdown.Line> forTax = new ArrayList<>();
        for (InvoiceDocument.Line l : doc.lines()) {
            BigDecimal qty = take.get(l.lineNo());
            if (qty == null) {
                continue;
            }
            BigDecimal left = l.quantity().subtract(creditedQty.getOrDefault(l.lineNo(), BigDecimal.ZERO));
            // The last part of a line takes exactly what is left of its amount, so parts add up to the whole.
            Money net = qty.compareTo(left) == 0 ? l.net().subtract(creditedNet(doc, earlierCredits, l.lineNo()))
                    : l.unitNet().times(qty).rounded();
            lines.add(new InvoiceDocument.Line(lines.size() + 1, l.sku(), l.description(), qty, l.unitNet(), net,
                    l.vatCategory(), l.vatRate()));
            forTax.add(new TaxBreakdown.Line(net, decision(doc, l)));
        }
        TaxBreakdown breakdown = TaxBreakdown.of(forTax);
        Money gross = breakdown.grossAmount();
        if (gross.compareTo(invoice.openAmount().add(paidSoFar(shop, invoice))) > 0) {
            throw Problem.conflict("credit-exceeds-invoice", "More than was invoiced",
                    "the credit note (" + gross.toPlainString() + ") exceeds what is left of invoice " + doc.number());
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.BUSINESS_ZONE));
        String id = UUID.randomUUID().toString();
        String number = numbers.next(shop, "CREDIT_NOTE", today.getYear(), settings.creditNoteNumberFormat);
        List<String> notes = new ArrayList<>(doc.notes());
        notes.add(0, ("de".equals(doc.language()) ? "Rechnungskorrektur zu Rechnung " : "Credit note for invoice ")
                + doc.number() + ": " + why);
        InvoiceDocument credit = new InvoiceDocument(id, InvoiceDocument.Type.CREDIT_NOTE, number, today,
                doc.deliveryDate(), today, doc.currency(), doc.language(), doc.orderNumber(), doc.buyerReference(),
                doc.number(), doc.issueDate(), doc.seller(), doc.buyer(), doc.deliveryAddress(), lines,
                groups(breakdown), new InvoiceDocument.Totals(breakdown.taxableAmount(), breakdown.taxAmount(), gross,
                        gross), null, doc.number(), notes);
        String distanceSaleCountry = distanceSaleCountry(invoiceId);
        insert(shop, credit, invoice.orderId(), invoiceId, doc.buyer().name(), why, distanceSaleCountry);
        if (distanceSaleCountry != null) {
            // A credit note reduces the year's EU distance sales by its net.
            taxes.recordDistanceSale(shop, id, doc.issueDate(), distanceSaleCountry, breakdown.taxableAmount().times(-1));
        }
        audit.record(shop, "credit-note.issued", "invoice", invoiceId, why, Map.of("number", number,
                "gross", gross.toPlainString()));
        events.publishEvent(new CreditNoteIssued(shop, id, number, invoiceId, doc.number(), gross));
        return get(shop, id);
    }

    private String distanceSaleCountry(String invoiceId) {
        return jdbc.sql("SELECT distance_sale_country FROM invoices WHERE id = :id").param("id", invoiceId)
                .query(String.class).optional().map(String::trim).orElse(null);
    }

    /** What payments settled of the invoice (receivables books them; without it nothing is paid). */
    private Money paidSoFar(ShopId shop, Issued invoice) {
        return settled(shop, invoice.document());
    }

    private Money settled(ShopId shop, InvoiceDocument invoice) {
        PaymentStatusSource source = payments.getIfAvailable();
        Money none = Money.zero(invoice.totals().gross().currency());
        return source == null ? none : source.settled(shop, invoice.number(), invoice.currency());
    }

    private static TaxDecision decision(InvoiceDocument doc, InvoiceDocument.Line l) {
        InvoiceDocument.TaxGroup g = doc.taxGroups().stream()
                .filter(t -> t.category() == l.vatCategory() && t.rate().compareTo(l.vatRate()) == 0).findFirst()
                .orElseThrow();
        // Only category, rate and exemption matter for a credit note's breakdown: it repeats the invoice's VAT.
        return new TaxDecision(l.vatCategory(), l.vatRate(), "DE", g.exemptionReason(), g.exemptionReasonCode(),
                org.o2c.tax.Supply.DOMESTIC, l.vatRate());
    }

    private static Map<Integer, BigDecimal> creditedQuantities(InvoiceDocument invoice, List<InvoiceDocument> credits) {
        Map<Integer, BigDecimal> out = new LinkedHashMap<>();
        for (InvoiceDocument credit : credits) {
            for (InvoiceDocument.Line cl : credit.lines()) {
                out.merge(invoiceLineOf(invoice, cl), cl.quantity(), BigDecimal::add);
            }
        }
        return out;
    }

    private static Money creditedNet(InvoiceDocument invoice, List<InvoiceDocument> credits, int lineNo) {
        Money sum = Money.zero(invoice.totals().gross().currency());
        for (InvoiceDocument credit : credits) {
            for (InvoiceDocument.Line cl : credit.lines()) {
                if (invoiceLineOf(invoice, cl) == lineNo) {
                    sum = sum.add(cl.net());
                }
            }
        }
        return sum;
    }

    /** A credit-note line belongs to the invoice line with the same SKU/description, rate and unit price. */
    private static int invoiceLineOf(InvoiceDocument invoice, InvoiceDocument.Line cl) {
        return invoice.lines().stream()
                .filter(l -> java.util.Objects.equals(l.sku(), cl.sku()) && l.description().equals(cl.description())
                        && l.vatRate().compareTo(cl.vatRate()) == 0 && l.unitNet().equals(cl.unitNet()))
                .mapToInt(InvoiceDocument.Line::lineNo).findFirst().orElse(-1);
    }

    private List<InvoiceDocument> creditNotesOf(String invoiceId) {
        return jdbc.sql("SELECT document FROM invoices WHERE invoice_id = :id AND type = 'CREDIT_NOTE' ORDER BY issued_at, number")
                .param("id", invoiceId).query(String.class).list().stream()
                .map(s -> json.readValue(s, InvoiceDocument.class)).toList();
    }

    private void insert(ShopId shop, InvoiceDocument doc, OrderId orderId, String invoiceId, String customerName,
            String reason, String distanceSaleCountry) {
        jdbc.sql("""
                INSERT INTO invoices (id, shop_id, type, number, order_id, invoiced_order, invoice_id, issue_date,
                    due_date, currency, net, tax, gross, customer_name, reason, distance_sale_country, document, issued_at)
                VALUES (:id, :shop, :type, :number, :order, :invoicedOrder, :invoice, :issue, :due, :currency, :net,
                    :tax, :gross, :customer, :reason, :dsc, :document, :at)""")
                .param("id", doc.id()).param("shop", shop.value()).param("type", doc.type().name())
                .param("number", doc.number()).param("order", orderId.toString())
                .param("invoicedOrder", doc.type() == InvoiceDocument.Type.INVOICE ? orderId.toString() : null)
                .param("invoice", invoiceId).param("issue", doc.issueDate()).param("due", doc.dueDate())
                .param("currency", doc.currency()).param("net", doc.totals().lineNet().amount())
                .param("tax", doc.totals().tax().amount()).param("gross", doc.totals().gross().amount())
                .param("customer", customerName).param("reason", reason).param("dsc", distanceSaleCountry)
                .param("document", json.writeValueAsString(doc)).param("at", Timestamp.from(clock.instant()))
                .update();
        for (InvoiceDocument.Line l : doc.lines()) {
            jdbc.sql("INSERT INTO invoice_lines (document_id, line_no, sku, quantity, net) VALUES (:d, :n, :sku, :q, :net)")
                    .param("d", doc.id()).param("n", l.lineNo()).param("sku", l.sku()).param("q", l.quantity())
                    .param("net", l.net().amount()).update();
        }
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public Issued get(ShopId shop, String id) {
        return find(shop, id).orElseThrow(() -> Problem.notFound("invoice " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Issued> find(ShopId shop, String id) {
        return jdbc.sql("SELECT id, type, order_id, invoice_id, document FROM invoices WHERE id = :id AND shop_id = :shop")
                .param("id", id).param("shop", shop.value())
                .query((rs, i) -> view(shop, rs.getString("document"), rs.getString("order_id"), rs.getString("invoice_id")))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Issued> invoiceOf(ShopId shop, OrderId order) {
        return jdbc.sql("SELECT id, order_id, invoice_id, document FROM invoices WHERE shop_id = :shop AND invoiced_order = :o")
                .param("shop", shop.value()).param("o", order.toString())
                .query((rs, i) -> view(shop, rs.getString("document"), rs.getString("order_id"), rs.getString("invoice_id")))
                .optional();
    }

    /** Documents newest first; {@code type} INVOICE or CREDIT_NOTE, {@code status} filters invoices. */
    @Transactional(readOnly = true)
    public List<Issued> list(ShopId shop, InvoiceDocument.Type type, Status status, String search, int limit) {
        String like = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase() + "%";
        List<Issued> all = jdbc.sql("SELECT order_id, invoice_id, document FROM invoices WHERE shop_id = :shop AND type = :type"
                        + (like == null ? "" : " AND (LOWER(number) LIKE :q OR LOWER(customer_name) LIKE :q)")
                        + " ORDER BY issued_at DESC, number DESC LIMIT :limit")
                .param("shop", shop.value()).param("type", type.name()).param("q", like)
                .param("limit", status == null ? limit : limit * 5)
                .query((rs, i) -> view(shop, rs.getString("document"), rs.getString("order_id"), rs.getString("invoice_id")))
                .list();
        return all.stream().filter(x -> status == null || x.status() == status).limit(limit).toList();
    }

    /** The credit notes issued for an invoice, oldest first. */
    @Transactional(readOnly = true)
    public List<Issued> creditNotesFor(ShopId shop, String invoiceId) {
        return jdbc.sql("SELECT order_id, invoice_id, document FROM invoices WHERE shop_id = :shop AND invoice_id = :id"
                        + " ORDER BY issued_at, number")
                .param("shop", shop.value()).param("id", invoiceId)
                .query((rs, i) -> view(shop, rs.getString("document"), rs.getString("order_id"), rs.getString("invoice_id")))
                .list();
    }

    private Issued view(ShopId shop, String documentJson, String orderId, String invoiceId) {
        InvoiceDocument doc = json.readValue(documentJson, InvoiceDocument.class);
        if (doc.type() == InvoiceDocument.Type.CREDIT_NOTE) {
            return new Issued(doc, OrderId.parse(orderId), invoiceId, doc.precedingInvoiceNumber(), null, null, null);
        }
        List<InvoiceDocument> credits = creditNotesOf(doc.id());
        Money credited = credits.stream().map(c -> c.totals().gross())
                .reduce(Money.zero(doc.totals().gross().currency()), Money::add);
        Money open = doc.totals().gross().subtract(credited);
        boolean fullyCredited = !open.isNegative() && (open.isZero() || everyQuantityCredited(doc, credits));
        Money settled = fullyCredited ? Money.zero(open.currency()) : settled(shop, doc);
        open = open.subtract(settled);
        Status status = fullyCredited ? Status.CANCELLED
                : !open.isNegative() && !open.isZero() ? (settled.amount().signum() > 0 ? Status.PARTIALLY_PAID : Status.OPEN)
                : Status.PAID;
        return new Issued(doc, OrderId.parse(orderId), null, null, status,
                fullyCredited || open.isNegative() ? Money.zero(open.currency()) : open, credited);
    }

    private static boolean everyQuantityCredited(InvoiceDocument doc, List<InvoiceDocument> credits) {
        Map<Integer, BigDecimal> credited = creditedQuantities(doc, credits);
        return doc.lines().stream().allMatch(l -> credited.getOrDefault(l.lineNo(), BigDecimal.ZERO)
                .compareTo(l.quantity()) >= 0);
    }

    private static InvoiceDocument.Party seller(CompanySettings c) {
        return new InvoiceDocument.Party(c.name(), null, new InvoiceDocument.Address(c.name(), c.street(), null,
                c.postalCode(), c.city(), c.country()), c.vatId(), c.taxNumber(), c.email(), c.phone(), null, c.iban(),
                c.bic());
    }

    private static InvoiceDocument.Party buyer(Order o) {
        Order.PostalAddress b = o.billingAddress();
        return new InvoiceDocument.Party(b.name(), b.company() != null ? b.company() : o.company(),
                new InvoiceDocument.Address(b.name(), b.street(), b.street2(), b.postalCode(), b.city(), b.country()),
                o.vatId(), null, o.email(), null, o.customerNumber(), null, null);
    }

    private static InvoiceDocument.Address address(Order.PostalAddress a) {
        return new InvoiceDocument.Address(a.name(), a.street(), a.street2(), a.postalCode(), a.city(), a.country());
    }

    private static List<InvoiceDocument.TaxGroup> groups(TaxBreakdown b) {
        return b.groups().stream().map(g -> new InvoiceDocument.TaxGroup(g.category(), g.ratePercent(),
                g.taxableAmount(), g.taxAmount(), g.exemptionReason(), g.exemptionReasonCode())).toList();
    }
}
