package org.o2c.banking;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a realistic camt.053.001.08 daily statement of a small German shop with any number of entries,
 * streaming, so files of hundreds of megabytes can be made for the memory benchmark:
 * {@code java … CamtGenerator <file> <entries>}.
 */
public final class CamtGenerator {
    private static final String[] NAMES = {"Erika Mustermann", "Hans Müller", "Jürgen Weiß", "Lisa Schön",
            "Max Mustermann", "Bärbel Öztürk", "Paul Panzer", "Anna Schmidt"};

    private CamtGenerator() {}

    public static String statement(int entries, long seed) throws IOException {
        StringWriter w = new StringWriter();
        write(w, entries, seed);
        return w.toString();
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int entries = Integer.parseInt(args[1]);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(w, entries, 42);
        }
        System.out.println(file + ": " + Files.size(file) + " bytes, " + entries + " entries");
    }

    static void write(Writer w, int entries, long seed) throws IOException {
        Random random = new Random(seed);
        LocalDate day = LocalDate.of(2026, 11, 2);
        w.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>GEN-%d</MsgId><CreDtTm>2026-11-26T06:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>GEN-%d</Id>
                      <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """.formatted(seed, seed));
        for (int i = 1; i <= entries; i++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(50_000), 2);
            LocalDate booked = day.plusDays(i / 5000);
            w.write("""
                          <Ntry>
                            <Amt Ccy="EUR">%s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt><Dt>%s</Dt></BookgDt>
                            <ValDt><Dt>%s</Dt></ValDt>
                            <AcctSvcrRef>GEN%d-%d</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>
                              <Prtry><Cd>NTRF+166+00931</Cd><Issr>DK</Issr></Prtry></BkTxCd>
                            <NtryDtls><TxDtls>
                              <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                              <Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                              <RltdPties>
                                <Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr>
                                <DbtrAcct><Id><IBAN>DE89370400440532%06d</IBAN></Id></DbtrAcct>
                              </RltdPties>
                              <RmtInf><Ustrd>Rechnung RE-2026-%06d Bestellung %d vielen Dank</Ustrd></RmtInf>
                            </TxDtls></NtryDtls>
                            <AddtlNtryInf>GUTSCHR. UEBERWEISUNG</AddtlNtryInf>
                          </Ntry>
                    """.formatted(amount.toPlainString(), booked, booked, seed, i, amount.toPlainString(), name,
                    random.nextInt(1_000_000), i, 100_000 + i));
        }
        w.write("""
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """);
    }
}
