package org.o2c.banking;

import java.util.Map;

/**
 * How a shop's bank writes its CSV export: which header holds which field, the separator ({@code null}:
 * found from the header line), whether amounts use a decimal comma and the date pattern
 * ({@code null}: common German and ISO patterns are tried). A negative amount is money out unless a
 * {@code creditDebit} column says otherwise.
 */
public record CsvMapping(Character separator, Boolean decimalComma, String dateFormat, String currency,
                         Map<String, String> columns) {

    /** The fields a column can be mapped to; {@code bookingDate} and {@code amount} are required. */
    public static final java.util.List<String> FIELDS = java.util.List.of("bookingDate", "valueDate", "amount",
            "currency", "creditDebit", "counterpartyName", "counterpartyIban", "counterpartyBic", "remittanceInfo",
            "endToEndId", "mandateReference", "bankReference", "bookingText");
}
