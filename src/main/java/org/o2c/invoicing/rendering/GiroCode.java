package org.o2c.invoicing.rendering;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.o2c.invoicing.InvoiceDocument;
import org.o2c.shared.Money;

/**
 * The EPC QR code (“GiroCode”, EPC069-12 version 002) that lets the buyer's banking app fill in a SEPA
 * credit transfer: the seller's name and IBAN, the amount due and the payment reference. Printed only on
 * invoices with an amount due in euros and a seller IBAN.
 */
final class GiroCode {

    /** EPC069-12: at most 999,999,999.99 euros, at least one cent. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    /** ISO/IEC 18004 mask pattern 0: the modules where row + column is even are inverted. */
    private static final int MASK_PATTERN = 0;

    private GiroCode() {}

    /** The payload, or empty when the document asks for no transfer. */
    static Optional<String> payload(InvoiceDocument doc) {
        InvoiceDocument.Party seller = doc.seller();
        Money due = doc.totals().due().rounded();
        if (doc.type() != InvoiceDocument.Type.INVOICE || !"EUR".equals(doc.currency())
                || due.amount().signum() <= 0 || due.amount().compareTo(MAX_AMOUNT) > 0
                || blank(seller.iban())) {
            return Optional.empty();
        }
        String reference = doc.paymentReference() == null ? doc.number() : doc.paymentReference().strip();
        boolean structured = isCreditorReference(reference);
        StringBuilder epc = new StringBuilder()
                .append("BCD\n")                                        // service tag
                .append("002\n")                                        // version
                .append("1\n")                                          // UTF-8
                .append("SCT\n")                                        // SEPA credit transfer
                .append(blank(seller.bic()) ? "" : compact(seller.bic())).append('\n')
                .append(cut(Parties.legalName(seller), 70)).append('\n')
                .append(compact(seller.iban())).append('\n')
                .append("EUR").append(due.amount().toPlainString()).append('\n')
                .append('\n');                                          // purpose code: none
        if (structured) {
            epc.append(compact(reference));                             // line 10: RF creditor reference
        } else {
            epc.append('\n').append(cut(reference, 140));              // line 11: remittance text
        }
        return Optional.of(epc.toString());
    }

    /**
     * The QR code's modules (true = dark), error correction M as EPC069-12 recommends, without quiet zone:
     * the PDF draws them as vector squares, sharp at any zoom and on any printer. The mask pattern is fixed:
     * otherwise ZXing builds and scores the symbol with each of the eight masks to pick the one with the fewest
     * penalty points, most of the code's cost; any mask decodes, and with level M a phone reads it either way.
     */
    static BitMatrix modules(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0,
                    EncodeHintType.QR_MASK_PATTERN, MASK_PATTERN));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for this payment: " + e.getMessage(), e);
        }
    }

    /** ISO 11649: RF, two check digits, up to 21 letters or digits; mod 97 of the rotated string is 1. */
    static boolean isCreditorReference(String reference) {
        String ref = compact(reference).toUpperCase(Locale.ROOT);
        if (!ref.matches("RF\\d{2}[A-Z0-9]{1,21}")) {
            return false;
        }
        String rotated = ref.substring(4) + ref.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rotated.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String cut(String s, int max) {
        String line = s.replaceAll("[\\r\\n]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
