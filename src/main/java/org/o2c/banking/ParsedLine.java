package org.o2c.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * One line as a parser read it, before it is booked. {@code bankReference} is the bank's own id of the
 * line when the file has one (camt {@code AcctSvcrRef}, MT940 bank reference, PSP transaction id); it
 * makes the line's fingerprint stable across overlapping files. {@code batch} is set when the line is a
 * bank batch booked as one sum (a lump) or one item of such a batch; null otherwise.
 */
record ParsedLine(
        String account,
        LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        Currency currency,
        CreditDebit direction,
        TransactionKind kind,
        String counterpartyName,
        String counterpartyIban,
        String counterpartyBic,
        String remittanceInfo,
        String endToEndId,
        String mandateReference,
        String bankReference,
        String creditorReference,
        String ultimateParty,
        boolean reversal,
        String returnReason,
        String bankTransactionCode,
        String bookingText,
        BatchLink batch) {

    /** A line that belongs to no batch. */
    ParsedLine(String account, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, Currency currency,
            CreditDebit direction, TransactionKind kind, String counterpartyName, String counterpartyIban,
            String counterpartyBic, String remittanceInfo, String endToEndId, String mandateReference,
            String bankReference, String creditorReference, String ultimateParty, boolean reversal,
            String returnReason, String bankTransactionCode, String bookingText) {
        this(account, bookingDate, valueDate, amount, currency, direction, kind, counterpartyName, counterpartyIban,
                counterpartyBic, remittanceInfo, endToEndId, mandateReference, bankReference, creditorReference,
                ultimateParty, reversal, returnReason, bankTransactionCode, bookingText, null);
    }
}
