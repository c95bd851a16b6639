package org.o2c.banking;

import java.time.LocalDate;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;

/**
 * One booked line of a statement, as the bank (or PSP) reported it. {@code amount} is never negative;
 * {@code direction} says whether it came in or went out. Text fields are {@code null} when the file
 * does not carry them. {@code reversal} marks a storno of an earlier booking, {@code returnReason} the
 * ISO return code (e.g. {@code AC04}, {@code MD06}) of a returned direct debit or transfer.
 * {@code creditorReference} is a structured reference (ISO 11649 {@code RF…}) the payer sent;
 * {@code ultimateParty} the party the payment was made for (camt {@code UltmtDbtr}, MT940 {@code ABWA+}),
 * e.g. the customer when someone else paid for them.
 */
public record BankTransaction(
        long id,
        ShopId shopId,
        long statementId,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        CreditDebit direction,
        TransactionKind kind,
        String counterpartyName,
        String counterpartyIban,
        String counterpartyBic,
        String remittanceInfo,
        String endToEndId,
        String mandateReference,
        String bankReference,
        boolean reversal,
        String returnReason,
        String creditorReference,
        String ultimateParty) {

    /** A line without structured reference or ultimate party. */
    public BankTransaction(long id, ShopId shopId, long statementId, LocalDate bookingDate, LocalDate valueDate,
            Money amount, CreditDebit direction, TransactionKind kind, String counterpartyName,
            String counterpartyIban, String counterpartyBic, String remittanceInfo, String endToEndId,
            String mandateReference, String bankReference, boolean reversal, String returnReason) {
        this(id, shopId, statementId, bookingDate, valueDate, amount, direction, kind, counterpartyName,
                counterpartyIban, counterpartyBic, remittanceInfo, endToEndId, mandateReference, bankReference,
                reversal, returnReason, null, null);
    }
}
