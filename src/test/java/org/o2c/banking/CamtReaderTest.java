package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CamtReaderTest {

    static List<ParsedLine> read(String resource) throws Exception {
        List<ParsedLine> lines = new ArrayList<>();
        try (InputStream in = CamtReaderTest.class.getResourceAsStream("/bank/" + resource)) {
            CamtReader.read(in, null, lines::add);
        }
        return lines;
    }

    static List<ParsedLine> readString(String xml) {
        List<ParsedLine> lines = new ArrayList<>();
        CamtReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null, lines::add);
        return lines;
    }

    @Test
    void aGermanV08StatementGivesPayerReferencesBatchItemsReturnsAndFees() throws Exception {
        List<ParsedLine> lines = read("o2c__camt053.v8.dk-shop.xml");

        assertThat(lines).hasSize(5); // the pending entry is not booked
        ParsedLine transfer = lines.get(0);
        assertThat(transfer.account()).isEqualTo("DE02120300000000202051");
        assertThat(transfer.amount()).isEqualByComparingTo("119.00");
        assertThat(transfer.direction()).isEqualTo(CreditDebit.CRDT);
        assertThat(transfer.kind()).isEqualTo(TransactionKind.PAYMENT);
        assertThat(transfer.counterpartyName()).isEqualTo("Erika Mustermann");
        assertThat(transfer.counterpartyIban()).isEqualTo("DE89370400440532013000");
        assertThat(transfer.counterpartyBic()).isEqualTo("COBADEFFXXX");
        assertThat(transfer.ultimateParty()).isEqualTo("Max Mustermann");
        assertThat(transfer.remittanceInfo()).isEqualTo("Rechnung RE-2026-0042 Kundennr. K-1001");
        assertThat(transfer.creditorReference()).isEqualTo("RF18539007547034");
        assertThat(transfer.endToEndId()).as("NOTPROVIDED means none").isNull();
        assertThat(transfer.bankReference()).isEqualTo("2026112600001");
        assertThat(transfer.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(transfer.bankTransactionCode()).isEqualTo("PMNT/RCDT/ESCT/NTRF+166+00931");

        // a batch with two TxDtls is two lines, each with its own payer and amount
        assertThat(lines.get(1).amount()).isEqualByComparingTo("100.00");
        assertThat(lines.get(1).counterpartyName()).isEqualTo("Hans Müller");
        assertThat(lines.get(1).endToEndId()).isEqualTo("E2E-ORDER-1001");
        assertThat(lines.get(2).amount()).isEqualByComparingTo("200.00");
        assertThat(lines.get(2).counterpartyName()).isEqualTo("Jürgen Weiß");
        assertThat(lines.get(1).bankReference()).isNotEqualTo(lines.get(2).bankReference());

        ParsedLine returned = lines.get(3);
        assertThat(returned.direction()).isEqualTo(CreditDebit.DBIT);
        assertThat(returned.reversal()).isTrue();
        assertThat(returned.returnReason()).isEqualTo("MD06");
        assertThat(returned.kind()).isEqualTo(TransactionKind.CHARGEBACK);
        assertThat(returned.counterpartyName()).as("the payer of the booking it reverses").isEqualTo("Lisa Schön");
        assertThat(returned.mandateReference()).isEqualTo("M-K-1002");
        assertThat(returned.amount()).isEqualByComparingTo("53.00");

        ParsedLine fee = lines.get(4);
        assertThat(fee.kind()).isEqualTo(TransactionKind.FEE);
        assertThat(fee.bankReference()).as("NONREF is no reference").isNull();
        assertThat(fee.bookingText()).isEqualTo("Kontoführungsentgelt");
    }

    @Test
    void version02WithSeveralStatementsPerFile() throws Exception {
        List<ParsedLine> lines = read("genkgo__camt053.v2.multi.statement.xml");
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(ParsedLine::remittanceInfo).doesNotHaveDuplicates();
    }

    @Test
    void version08WithPartyLevelAndBookingDateTime() throws Exception {
        List<ParsedLine> lines = read("genkgo__camt053.v8.xml");
        assertThat(lines).hasSize(1);
        ParsedLine l = lines.get(0);
        assertThat(l.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(l.amount()).isEqualByComparingTo("8.85");
        assertThat(l.counterpartyName()).isEqualTo("NAME NAME");
        assertThat(l.endToEndId()).isEqualTo("MUELL/FINP/RA12345");
        assertThat(l.account()).isEqualTo("NL26VAYB8060476890");
    }

    @Test
    void camt054AndCamt052AreReadLikeStatements() throws Exception {
        assertThat(read("genkgo__camt054.v8.xml")).hasSize(3);
        assertThat(read("genkgo__camt052.v8.xml")).hasSize(1);
    }

    @Test
    void aDocumentWithoutStatementIsRefused() {
        assertThatThrownBy(() -> read("genkgo__camt053.v2.wrong.xml")).isInstanceOf(UnreadableStatement.class)
                .hasMessageContaining("no statement");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
                <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-01-01</Dt></BookgDt>
                <NtryDtls><TxDtls><RmtInf><Ustrd>&secret;</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                </Stmt></BkToCstmrStmt></Document>""";
        assertThatThrownBy(() -> readString(xxe)).isInstanceOf(UnreadableStatement.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">&lol2;</Document>""";
        assertThatThrownBy(() -> readString(billionLaughs)).isInstanceOf(UnreadableStatement.class);
    }

    @Test
    void aTruncatedFileIsRefusedSayingWhere() throws Exception {
        String full;
        try (InputStream in = getClass().getResourceAsStream("/bank/o2c__camt053.v8.dk-shop.xml")) {
            full = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String cut = full.substring(0, full.length() / 2);
        assertThatThrownBy(() -> readString(cut)).isInstanceOf(UnreadableStatement.class)
                .hasMessageContaining("truncated")
                .satisfies(e -> assertThat(((UnreadableStatement) e).where()).contains("line"));
    }

    @Test
    void otherXmlAndBadAmountsAreRefused() {
        assertThatThrownBy(() -> readString("<Invoice xmlns=\"urn:oasis:names:specification:ubl\"/>"))
                .isInstanceOf(UnreadableStatement.class).hasMessageContaining("not an ISO 20022 camt document");
        String badAmount = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
                <Ntry><Amt Ccy="EUR">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>
                </Stmt></BkToCstmrStmt></Document>""";
        assertThatThrownBy(() -> readString(badAmount)).isInstanceOf(UnreadableStatement.class)
                .hasMessageContaining("decimal places")
                .satisfies(e -> assertThat(((UnreadableStatement) e).where()).contains("entry 1"));
    }

    @Test
    void aBatchBookedAsOneSumAndItsBreakdownCarryWhatLinksThem() throws Exception {
        List<ParsedLine> day = read("o2c__camt053.v8.batch-lump.xml");
        assertThat(day).hasSize(2);
        BatchLink lump = day.get(0).batch();
        assertThat(lump.role()).isEqualTo(BatchLink.Role.LUMP);
        assertThat(lump.entryRef()).isEqualTo("2026112700017");
        assertThat(lump.batchId()).isEqualTo("LS-20261125-KL-PI1");
        assertThat(lump.total()).isEqualByComparingTo("124.40");
        assertThat(lump.count()).isEqualTo(3);
        assertThat(day.get(1).batch()).as("an ordinary transfer").isNull();

        List<ParsedLine> items = read("o2c__camt054.v8.batch-items.xml");
        assertThat(items).hasSize(3);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.batch().role()).isEqualTo(BatchLink.Role.ITEM);
            assertThat(i.batch().entryRef()).isEqualTo("2026112700017");
            assertThat(i.batch().batchId()).isEqualTo("LS-20261125-KL-PI1");
            assertThat(i.batch().total()).isEqualByComparingTo("124.40");
        });
        assertThat(items.get(1).amount()).isEqualByComparingTo("45.50");
        assertThat(items.get(1).mandateReference()).isEqualTo("MNDT-K1002");

        List<ParsedLine> foreign = read("genkgo__camt054.v8.xml");
        assertThat(foreign).isNotEmpty().allSatisfy(i -> {
            assertThat(i.batch().role()).isEqualTo(BatchLink.Role.ITEM);
            assertThat(i.batch().batchId()).isEqualTo("UXC06170000006PI00001");
        });
    }
}
