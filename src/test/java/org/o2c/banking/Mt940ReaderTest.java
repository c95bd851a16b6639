package org.o2c.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mt940ReaderTest {

    static final String GERMAN = """
            :20:STARTUMSE
            :25:12030000/0000202051
            :28C:00231/001
            :60F:C261125EUR1000,00
            :61:2611261126CR119,00NTRFNONREF//2026112600001
            :86:166?00GUTSCHR. UEBERWEISUNG?100931?20EREF+E2E-4711?21MREF+M-K-1001?22SVWZ+Rechnung RE-2026-00
            42 Größe XL?23ABWA+Jürgen Müller?30COBADEFFXXX?31DE89370400440532013000?32Bärbel Weiß-Öztürk
            :61:2611261126DR53,00NDDTNONREF
            :86:109?00LS RUECKBELASTUNG?100931?20EREF+RE-2026-0040?21SVWZ+RE-2026-0040?32Lisa Schön?34MD06
            :61:2611261126RCR10,00NTRFNONREF
            :86:166?00STORNO?20SVWZ+Fehlbuchung
            :62F:C261126EUR1066,00
            -
            """;

    static List<ParsedLine> read(String text) {
        List<ParsedLine> lines = new ArrayList<>();
        Mt940Reader.read(new StringReader(text), null, lines::add);
        return lines;
    }

    @Test
    void theGermanField86IsSplitIntoItsParts() {
        List<ParsedLine> lines = read(GERMAN);
        assertThat(lines).hasSize(3);
        ParsedLine p = lines.get(0);
        assertThat(p.amount()).isEqualByComparingTo("119.00");
        assertThat(p.direction()).isEqualTo(CreditDebit.CRDT);
        assertThat(p.kind()).isEqualTo(TransactionKind.PAYMENT);
        assertThat(p.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(p.endToEndId()).isEqualTo("E2E-4711");
        assertThat(p.mandateReference()).isEqualTo("M-K-1001");
        assertThat(p.remittanceInfo()).isEqualTo("Rechnung RE-2026-0042 Größe XL");
        assertThat(p.ultimateParty()).isEqualTo("Jürgen Müller");
        assertThat(p.counterpartyName()).isEqualTo("Bärbel Weiß-Öztürk");
        assertThat(p.counterpartyIban()).isEqualTo("DE89370400440532013000");
        assertThat(p.counterpartyBic()).isEqualTo("COBADEFFXXX");
        assertThat(p.bankReference()).isEqualTo("2026112600001");
        assertThat(p.bookingText()).isEqualTo("GUTSCHR. UEBERWEISUNG");
        assertThat(p.account()).isEqualTo("12030000/0000202051");

        ParsedLine returned = lines.get(1);
        assertThat(returned.kind()).isEqualTo(TransactionKind.CHARGEBACK);
        assertThat(returned.returnReason()).isEqualTo("MD06");
        assertThat(returned.counterpartyName()).isEqualTo("Lisa Schön");

        ParsedLine storno = lines.get(2);
        assertThat(storno.reversal()).isTrue();
        assertThat(storno.direction()).as("RC: a credit taken back").isEqualTo(CreditDebit.DBIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "IBM850"})
    void umlautsSurviveInEveryEncodingBanksUse(String encoding) throws Exception {
        byte[] bytes = GERMAN.getBytes(Charset.forName(encoding));
        Charset detected = Charsets.detect(new ByteArrayInputStream(bytes));
        assertThat(detected.name()).isEqualTo(Charset.forName(encoding).name());
        List<ParsedLine> lines = new ArrayList<>();
        Mt940Reader.read(new InputStreamReader(new ByteArrayInputStream(bytes), detected), null, lines::add);
        assertThat(lines.get(0).counterpartyName()).isEqualTo("Bärbel Weiß-Öztürk");
        assertThat(lines.get(0).remittanceInfo()).contains("Größe");
    }

    @Test
    void aVolksbankFileWithWrappedSubfields() throws Exception {
        List<ParsedLine> lines = readResource("jejik__volksbankenraiffeisenbanken.txt", StandardCharsets.UTF_8);
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0).counterpartyName()).isEqualTo("Olivia Dorn");
        assertThat(lines.get(0).counterpartyIban()).isEqualTo("DE40500105174675974588");
        assertThat(lines.get(0).remittanceInfo()).startsWith("einfach so fuer euch");
        assertThat(lines.get(1).counterpartyName()).isEqualTo("friedbert und ronja engel");
    }

    @Test
    void aSepaTestFileWithReturnsAndBatches() throws Exception {
        List<ParsedLine> lines = readResource("wolph-betterplace__sepa_mt9401.sta", StandardCharsets.ISO_8859_1);
        assertThat(lines).hasSize(97);
        assertThat(lines.get(0).returnReason()).as("?34 914 with the text Grund nicht spezifiziert").isEqualTo("MS03");
        assertThat(lines.get(0).endToEndId()).startsWith("TFNR 40005 00005");
        assertThat(lines.get(5).reversal()).isTrue();
    }

    @Test
    void aSparkasseFileWithAnOddNameByteIsRead() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/bank/fruitl00p__Spk_sample.sta")) {
            bytes = in.readAllBytes();
        }
        Charset cs = Charsets.detect(new ByteArrayInputStream(bytes));
        List<ParsedLine> lines = new ArrayList<>();
        Mt940Reader.read(new InputStreamReader(new ByteArrayInputStream(bytes), cs), null, lines::add);
        assertThat(lines).hasSize(10);
    }

    @Test
    void aBrokenStatementLineIsRefusedWithItsLineNumber() {
        String broken = """
                :20:X
                :25:123/456
                :60F:C261125EUR1000,00
                :61:26XX26CR1,00NTRF
                """;
        assertThatThrownBy(() -> read(broken)).isInstanceOf(UnreadableStatement.class)
                .satisfies(e -> assertThat(((UnreadableStatement) e).where()).isEqualTo("line 4"));
        assertThatThrownBy(() -> read("hello\nworld\n")).isInstanceOf(UnreadableStatement.class)
                .hasMessageContaining("not an MT940 statement");
    }

    @Test
    void aReturnKeepsItsGvcAsCodeAndStoresTheIsoReasonTheTextGives() throws Exception {
        List<ParsedLine> betterplace = readResource("wolph-betterplace__sepa_mt9401.sta", StandardCharsets.ISO_8859_1);
        // :86:159?00RETOURE ... MTLG:Konto gesperrt Rueckueberweisung aus SEPA-Ueberweisungsauftrag?34903
        ParsedLine blocked = betterplace.stream().filter(l -> l.amount().compareTo(new java.math.BigDecimal("915311.55")) == 0)
                .findFirst().orElseThrow();
        assertThat(blocked.returnReason()).as("Konto gesperrt").isEqualTo("AC06");
        assertThat(blocked.bankTransactionCode()).endsWith("/159");

        String lines = """
                :20:STARTUMSE
                :25:12030000/0000202051
                :60F:C261125EUR1000,00
                :61:2611261126DR12,35NRTIKREF+//2016021783252833
                /OCMT/EUR11,85//CHGS/EUR0,50/
                :86:109?00SEPA-LASTSCHR. RETOURE CORE?109075/629?20EREF+A1.200080779.
                400143254?21.4961336 KREF+SEPA-DA202006?2201221740-34972000-P1 MR
                EF+2?230852HW2723821 CRED+DE41EON0?240000129793 OAMT+11,85 SVWZ+?
                25SONSTIGE GRUENDE ENDABRECHN?26UNG NR. 500106875 ZU VERTRA?2740
                0143254, KUNDENNUM MER 2?2802227779?30CSDBDE71XXX?31DE50712345600
                200691329?32TESTER?33EL
                :61:2611261126DR49,90NDDTNONREF
                :86:109?00RUECKLASTSCHRIFT?20EREF+RE-2026-0077?21SVWZ+RUECKGABEGRUND AC04 KO
                NTO ERLOSCHEN RE-2026-0077?32Hans Meier
                :61:2611261126DR19,90NDDTNONREF
                :86:109?00RUECKLASTSCHRIFT?20EREF+RE-2026-0078?21SVWZ+RE-2026-0078?32Uwe Horn
                :61:2611261126CR25,00NTRFNONREF
                :86:166?00GUTSCHR. UEBERWEISUNG?20SVWZ+Danke fuer MD06 Service?32Eva Ernst
                :62F:C261126EUR943,85
                -
                """;
        List<ParsedLine> read = read(lines);
        assertThat(read.get(0).returnReason()).as("SONSTIGE GRUENDE").isEqualTo("MS03");
        assertThat(read.get(0).bankTransactionCode()).isEqualTo("NRTI/109");
        assertThat(read.get(0).kind()).isEqualTo(TransactionKind.CHARGEBACK);
        assertThat(read.get(1).returnReason()).isEqualTo("AC04");
        assertThat(read.get(2).returnReason()).as("a return that gives no reason").isNull();
        assertThat(read.get(2).kind()).isEqualTo(TransactionKind.CHARGEBACK);
        assertThat(read.get(3).returnReason()).as("not a return, whatever its text says").isNull();
    }

    private List<ParsedLine> readResource(String name, Charset cs) throws Exception {
        List<ParsedLine> lines = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/bank/" + name)) {
            Mt940Reader.read(new InputStreamReader(in, cs), null, lines::add);
        }
        return lines;
    }
}
