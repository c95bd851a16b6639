package org.o2c.cashapp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.o2c.banking.BankTransaction;

/**
 * Writes the two files of the import-and-match benchmark from one {@link StatementGenerator} scenario: the
 * open items as the contract's open-items CSV and a camt.053.001.08 day statement whose credits pay them in
 * the generator's realistic mix. {@code java … ImportAndMatchFiles <dir> <lines>} writes
 * {@code open-items.csv} and {@code statement.xml} and prints the number of open items.
 */
public final class ImportAndMatchFiles {

    private ImportAndMatchFiles() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        // the matching benchmark's proportions: one customer per five lines, 5 % unpaid background invoices
        StatementGenerator.Scenario s = StatementGenerator.generate(7, Math.max(500, lines / 5), lines, lines / 20);
        try (Writer w = writer(dir.resolve("open-items.csv"))) {
            w.write("invoiceNumber;invoiceDate;dueDate;customerNumber;customerName;customerIban;gross;currency\n");
            for (Receivable r : s.receivables()) {
                String iban = r.knownIbans() == null || r.knownIbans().isEmpty() ? "" : valid(r.knownIbans().iterator().next());
                w.write(r.invoiceNumber() + ";" + r.issueDate() + ";" + r.dueDate() + ";" + r.customerNumber() + ";"
                        + r.customerName().replace(";", " ") + ";" + iban + ";" + r.open().amount().toPlainString()
                        + ";" + r.open().currency().getCurrencyCode() + "\n");
            }
        }
        try (Writer w = writer(dir.resolve("statement.xml"))) {
            statement(w, s);
        }
        System.out.println(s.receivables().size());
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void statement(Writer w, StatementGenerator.Scenario s) throws IOException {
        w.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>BENCH-IMPORT-MATCH</MsgId><CreDtTm>2026-11-26T06:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>BENCH-1</Id>
                      <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """);
        int n = 0;
        for (StatementGenerator.Line line : s.lines()) {
            BankTransaction t = line.transaction();
            n++;
            String amount = t.amount().amount().toPlainString();
            w.write("      <Ntry>\n        <Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                    + "<Sts><Cd>BOOK</Cd></Sts>\n        <BookgDt><Dt>" + t.bookingDate() + "</Dt></BookgDt><ValDt><Dt>"
                    + t.bookingDate() + "</Dt></ValDt><AcctSvcrRef>BENCH" + n + "</AcctSvcrRef>\n"
                    + "        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>"
                    + "<Prtry><Cd>NTRF+166+00931</Cd><Issr>DK</Issr></Prtry></BkTxCd>\n"
                    + "        <NtryDtls><TxDtls>\n          <Refs><EndToEndId>"
                    + (t.endToEndId() == null ? "NOTPROVIDED" : xml(t.endToEndId())) + "</EndToEndId></Refs>\n"
                    + "          <Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd>\n"
                    + "          <RltdPties><Dbtr><Pty><Nm>" + xml(t.counterpartyName()) + "</Nm></Pty></Dbtr>"
                    + (t.counterpartyIban() == null ? "" : "<DbtrAcct><Id><IBAN>" + valid(t.counterpartyIban())
                            + "</IBAN></Id></DbtrAcct>")
                    + (t.ultimateParty() == null ? "" : "<UltmtDbtr><Pty><Nm>" + xml(t.ultimateParty())
                            + "</Nm></Pty></UltmtDbtr>")
                    + "</RltdPties>\n          <RmtInf>"
                    + (t.remittanceInfo() == null || t.remittanceInfo().isBlank() ? ""
                            : "<Ustrd>" + xml(t.remittanceInfo()) + "</Ustrd>")
                    + (t.creditorReference() == null ? "" : "<Strd><CdtrRefInf><Ref>" + xml(t.creditorReference())
                            + "</Ref></CdtrRefInf></Strd>")
                    + "</RmtInf>\n        </TxDtls></NtryDtls>\n        <AddtlNtryInf>GUTSCHR. UEBERWEISUNG</AddtlNtryInf>\n"
                    + "      </Ntry>\n");
        }
        w.write("""
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """);
    }

    /**
     * The generator's IBANs have random check digits; the open-items import checks them. The same account
     * gets the same corrected IBAN in both files, so what the matcher learns from IBANs is unchanged.
     */
    static String valid(String iban) {
        String bban = iban.substring(4);
        String digits = (bban + iban.substring(0, 2) + "00").chars()
                .mapToObj(c -> Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : Character.toString(c))
                .collect(java.util.stream.Collectors.joining());
        int check = 98 - new java.math.BigInteger(digits).mod(java.math.BigInteger.valueOf(97)).intValue();
        return iban.substring(0, 2) + (check < 10 ? "0" : "") + check + bban;
    }

    private static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
