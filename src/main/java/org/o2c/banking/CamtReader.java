package org.o2c.banking;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an ISO 20022 camt.052, camt.053 or camt.054 document (versions .001.01 to .001.08 and later:
 * the element names this needs did not change, only v08's extra {@code Pty} level and {@code Sts/Cd}).
 * Every booked entry becomes one line, or one line per {@code TxDtls} when a batch entry carries several;
 * pending and information-only entries are not booked. DTDs are refused, so no entity is ever expanded.
 */
final class CamtReader {
    private static final XMLInputFactory FACTORY = secureFactory();

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    private final String file;
    private final LineSink sink;

    private CamtReader(String file, LineSink sink) {
        this.file = file;
        this.sink = sink;
    }

    /** Reads one XML document; {@code file} names it in error messages (a ZIP entry name, or null). */
    static StatementFormat read(InputStream in, String file, LineSink sink) {
        return new CamtReader(file, sink).run(in);
    }

    // ---- state while streaming ----
    private final List<String> path = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String ccyAttribute;
    private int containerDepth = -1;
    private int entryDepth = -1;
    private int txDepth = -1;
    private int statementNo;
    private int entryNo;
    private String account;
    private String accountCurrency;
    private String messageCreated;
    private String containerCreated;
    private Entry entry;
    private Tx tx;
    private int entryLine;
    private StatementFormat format;

    private static final class Entry {
        String amount, ccy, cdtDbt, status, bookingDate, valueDate, acctSvcrRef, domain, family, subFamily,
                proprietary, bookingText, batchMsgId, batchPmtInfId, batchCount, batchTotal, batchTotalCcy;
        boolean reversal;
        List<Tx> buffered = new ArrayList<>();
        boolean streaming;
        int txCount;
    }

    private static final class Tx {
        String amount, ccy, txAmount, txCcy, cdtDbt, acctSvcrRef, endToEndId, mandate, dbtrName, dbtrIban, dbtrBic,
                cdtrName, cdtrIban, cdtrBic, ultmtDbtr, ultmtCdtr, creditorRef, returnReason, addtlInfo, domain,
                family, subFamily, proprietary, pmtInfId, msgId;
        StringBuilder ustrd = new StringBuilder();
        int lastUstrdLength;
        int line;
        int ordinal;
    }

    private StatementFormat run(InputStream in) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw new UnreadableStatement(where(r),
                            "a DOCTYPE or entity declaration is not allowed in a bank statement");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new UnreadableStatement(where(r),
                            "entity references are not allowed in a bank statement");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (path.isEmpty()) {
                            if (!"Document".equals(name) || r.getNamespaceURI() == null
                                    || !r.getNamespaceURI().startsWith("urn:iso:std:iso:20022:tech:xsd:camt.05")) {
                                throw new UnreadableStatement(where(r), "not an ISO 20022 camt document (root element "
                                        + name + (r.getNamespaceURI() == null ? "" : " in " + r.getNamespaceURI()) + ")");
                            }
                        } else if (path.size() == 1) {
                            // version .001.01 appends the version to the message element (BkToCstmrStmtV01)
                            String message = name.replaceFirst("V\\d\\d$", "");
                            format = switch (message) {
                                case "BkToCstmrStmt" -> StatementFormat.CAMT_053;
                                case "BkToCstmrAcctRpt" -> StatementFormat.CAMT_052;
                                case "BkToCstmrDbtCdtNtfctn" -> StatementFormat.CAMT_054;
                                default -> throw new UnreadableStatement(where(r), "camt message " + name
                                        + " is not a statement (expected camt.052, camt.053 or camt.054)");
                            };
                        }
                        path.add(name);
                        text.setLength(0);
                        ccyAttribute = r.getAttributeValue(null, "Ccy");
                        start(name, r);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        end(r);
                        path.remove(path.size() - 1);
                        text.setLength(0);
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            String at = e.getLocation() == null ? where(null)
                    : (file == null ? "" : file + ", ") + "line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber();
            throw new UnreadableStatement(at, "the XML is not well-formed or truncated: " + cleanMessage(e), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the stream the caller closes
                }
            }
        }
        if (format == null) {
            throw new UnreadableStatement(where(null), "the document is empty");
        }
        if (statementNo == 0) {
            throw new UnreadableStatement(where(null), "the document holds no statement, report or notification");
        }
        return format;
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9).strip() : m.strip();
    }

    private void start(String name, XMLStreamReader r) {
        int depth = path.size() - 1;
        if (depth == 2 && (name.equals("Stmt") || name.equals("Rpt") || name.equals("Ntfctn"))) {
            containerDepth = depth;
            statementNo++;
            sink.statementStarts();
            entryNo = 0;
            account = null;
            accountCurrency = null;
            containerCreated = null;
        } else if (containerDepth >= 0 && depth == containerDepth + 1 && name.equals("Ntry")) {
            entryDepth = depth;
            entryNo++;
            entry = new Entry();
            entryLine = r.getLocation().getLineNumber();
        } else if (entry != null && name.equals("TxDtls") && depth == entryDepth + 2) {
            txDepth = depth;
            tx = new Tx();
            tx.line = r.getLocation().getLineNumber();
        }
    }

    private String rel(int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from + 1; i < path.size(); i++) {
            String p = path.get(i);
            if (p.equals("Pty")) {
                continue; // v08 puts the party one level deeper (Party40Choice)
            }
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    private void end(XMLStreamReader r) {
        int depth = path.size() - 1;
        String value = text.toString().strip();
        if (tx != null && depth == txDepth) {
            endTx(r);
            return;
        }
        if (entry != null && depth == entryDepth) {
            endEntry(r);
            return;
        }
        if (containerDepth >= 0 && depth == containerDepth) {
            containerDepth = -1;
            return;
        }
        if (tx != null) {
            txField(rel(txDepth), value);
        } else if (entry != null) {
            entryField(rel(entryDepth), value);
        } else if (depth == 3 && "CreDtTm".equals(path.get(depth)) && "GrpHdr".equals(path.get(2))) {
            messageCreated = value;
        } else if (containerDepth >= 0) {
            switch (rel(containerDepth)) {
                case "Acct/Id/IBAN", "Acct/Id/Othr/Id" -> account = account == null ? value : account;
                case "Acct/Ccy" -> accountCurrency = value;
                case "CreDtTm" -> containerCreated = value;
                default -> { }
            }
        }
    }

    private void entryField(String rel, String v) {
        switch (rel) {
            case "Amt" -> {
                entry.amount = v;
                entry.ccy = ccyAttribute;
            }
            case "CdtDbtInd" -> entry.cdtDbt = v;
            case "RvslInd" -> entry.reversal = "true".equalsIgnoreCase(v) || "1".equals(v);
            case "Sts", "Sts/Cd", "Sts/Prtry" -> entry.status = v.isEmpty() ? entry.status : v;
            case "BookgDt/Dt", "BookgDt/DtTm" -> entry.bookingDate = v;
            case "ValDt/Dt", "ValDt/DtTm" -> entry.valueDate = v;
            case "AcctSvcrRef" -> entry.acctSvcrRef = v;
            case "BkTxCd/Domn/Cd" -> entry.domain = v;
            case "BkTxCd/Domn/Fmly/Cd" -> entry.family = v;
            case "BkTxCd/Domn/Fmly/SubFmlyCd" -> entry.subFamily = v;
            case "BkTxCd/Prtry/Cd" -> entry.proprietary = v;
            case "AddtlNtryInf" -> entry.bookingText = v;
            case "NtryDtls/Btch/MsgId" -> entry.batchMsgId = v;
            case "NtryDtls/Btch/PmtInfId" -> entry.batchPmtInfId = v;
            case "NtryDtls/Btch/NbOfTxs" -> entry.batchCount = v;
            case "NtryDtls/Btch/TtlAmt" -> {
                entry.batchTotal = v;
                entry.batchTotalCcy = ccyAttribute;
            }
            default -> { }
        }
    }

    private void txField(String rel, String v) {
        switch (rel) {
            case "Amt" -> {
                tx.amount = v;
                tx.ccy = ccyAttribute;
            }
            case "AmtDtls/TxAmt/Amt" -> {
                tx.txAmount = v;
                tx.txCcy = ccyAttribute;
            }
            case "CdtDbtInd" -> tx.cdtDbt = v;
            case "Refs/AcctSvcrRef" -> tx.acctSvcrRef = v;
            case "Refs/EndToEndId" -> tx.endToEndId = v;
            case "Refs/MndtId" -> tx.mandate = v;
            case "Refs/PmtInfId" -> tx.pmtInfId = v;
            case "Refs/MsgId" -> tx.msgId = v;
            case "RltdPties/Dbtr/Nm" -> tx.dbtrName = v;
            case "RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id" ->
                    tx.dbtrIban = tx.dbtrIban == null ? v : tx.dbtrIban;
            case "RltdPties/Cdtr/Nm" -> tx.cdtrName = v;
            case "RltdPties/CdtrAcct/Id/IBAN", "RltdPties/CdtrAcct/Id/Othr/Id" ->
                    tx.cdtrIban = tx.cdtrIban == null ? v : tx.cdtrIban;
            case "RltdPties/UltmtDbtr/Nm" -> tx.ultmtDbtr = v;
            case "RltdPties/UltmtCdtr/Nm" -> tx.ultmtCdtr = v;
            case "RltdAgts/DbtrAgt/FinInstnId/BIC", "RltdAgts/DbtrAgt/FinInstnId/BICFI" -> tx.dbtrBic = v;
            case "RltdAgts/CdtrAgt/FinInstnId/BIC", "RltdAgts/CdtrAgt/FinInstnId/BICFI" -> tx.cdtrBic = v;
            case "RmtInf/Ustrd" -> {
                if (!v.isEmpty()) {
                    // Lines of 140 characters are cut mid-word by the bank; shorter ones end a thought.
                    if (!tx.ustrd.isEmpty() && tx.lastUstrdLength < 140) {
                        tx.ustrd.append(' ');
                    }
                    tx.ustrd.append(v);
                    tx.lastUstrdLength = v.length();
                }
            }
            case "RmtInf/Strd/CdtrRefInf/Ref" -> tx.creditorRef = tx.creditorRef == null ? v : tx.creditorRef;
            case "RtrInf/Rsn/Cd", "RtrInf/Rsn/Prtry" -> tx.returnReason = v;
            case "AddtlTxInf" -> tx.addtlInfo = v;
            case "BkTxCd/Domn/Cd" -> tx.domain = v;
            case "BkTxCd/Domn/Fmly/Cd" -> tx.family = v;
            case "BkTxCd/Domn/Fmly/SubFmlyCd" -> tx.subFamily = v;
            case "BkTxCd/Prtry/Cd" -> tx.proprietary = v;
            default -> { }
        }
    }

    /** Beyond this many TxDtls in one entry they are booked as they stream by, so they must carry amounts. */
    private static final int MAX_BUFFERED = 1000;

    private void endTx(XMLStreamReader r) {
        Tx done = tx;
        tx = null;
        txDepth = -1;
        entry.txCount++;
        done.ordinal = entry.txCount;
        if (entry.streaming) {
            emit(done, true);
            return;
        }
        entry.buffered.add(done);
        if (entry.buffered.size() > MAX_BUFFERED) {
            entry.streaming = true;
            entry.buffered.forEach(t -> emit(t, true));
            entry.buffered.clear();
        }
    }

    private void endEntry(XMLStreamReader r) {
        List<Tx> txs = entry.buffered;
        if (entry.streaming) {
            txs.forEach(t -> emit(t, true));
        } else if (txs.size() <= 1) {
            // a single TxDtls takes the entry's amount, which is what was booked on the account
            emit(txs.isEmpty() ? new Tx() : txs.get(0), false);
        } else if (txs.stream().allMatch(t -> t.amount != null || t.txAmount != null)) {
            txs.forEach(t -> emit(t, true));
        } else {
            // A batch whose items carry no amounts cannot be split: book it whole, with every item's text.
            Tx merged = txs.get(0);
            for (Tx t : txs.subList(1, txs.size())) {
                if (!t.ustrd.isEmpty()) {
                    merged.ustrd.append(merged.ustrd.isEmpty() ? "" : " ").append(t.ustrd);
                }
                if (merged.creditorRef == null) {
                    merged.creditorRef = t.creditorRef;
                }
            }
            emit(merged, false, true);
        }
        entry = null;
        entryDepth = -1;
    }

    private boolean booked() {
        return entry.status == null || entry.status.isBlank() || entry.status.equalsIgnoreCase("BOOK");
    }

    private void emit(Tx t, boolean split) {
        emit(t, split, false);
    }

    /** {@code merged}: the batch's items carry no amounts and were joined into one line. */
    private void emit(Tx t, boolean split, boolean merged) {
        String where = entryWhere(t.line > 0 && split ? t.line : entryLine, split ? t.ordinal : 0);
        if (!booked()) {
            return;
        }
        if (entry.cdtDbt == null) {
            throw new UnreadableStatement(where, "the entry has no CdtDbtInd (credit or debit)");
        }
        String amountText = entry.amount;
        String ccyText = entry.ccy;
        String cdtDbt = entry.cdtDbt;
        if (split) {
            amountText = t.amount != null ? t.amount : t.txAmount;
            ccyText = t.amount != null ? t.ccy : t.txCcy;
            if (amountText == null) {
                throw new UnreadableStatement(where,
                        "a batch entry with several TxDtls has a transaction without an amount, so it cannot be split");
            }
            if (t.cdtDbt != null) {
                cdtDbt = t.cdtDbt;
            }
        }
        Currency currency = Kinds.currency(where, ccyText != null ? ccyText : accountCurrency);
        CreditDebit direction = switch (cdtDbt) {
            case "CRDT" -> CreditDebit.CRDT;
            case "DBIT" -> CreditDebit.DBIT;
            default -> throw new UnreadableStatement(where, "CdtDbtInd \"" + cdtDbt + "\" is neither CRDT nor DBIT");
        };
        var amount = Kinds.amount(where, amountText, currency, false);
        // camt.054 notifications may leave both dates out; then the notification's creation date is the best there is
        String dateText = entry.bookingDate != null ? entry.bookingDate : entry.valueDate != null ? entry.valueDate
                : containerCreated != null ? containerCreated : messageCreated;
        LocalDate booking = date(where, dateText, "booking date");
        LocalDate value = entry.valueDate == null ? null : date(where, entry.valueDate, "value date");
        // The payer of a credit is the debtor; a reversal keeps the parties of the booking it cancels.
        boolean payerSide = (direction == CreditDebit.CRDT) != entry.reversal;
        String name = payerSide ? t.dbtrName : t.cdtrName;
        String iban = payerSide ? t.dbtrIban : t.cdtrIban;
        String bic = payerSide ? t.dbtrBic : t.cdtrBic;
        String ultimate = payerSide ? t.ultmtDbtr : t.ultmtCdtr;
        String e2e = t.endToEndId == null || t.endToEndId.equalsIgnoreCase("NOTPROVIDED") ? null : t.endToEndId;
        String ref = t.acctSvcrRef != null ? t.acctSvcrRef : entry.acctSvcrRef;
        if (ref != null && (ref.isBlank() || ref.equalsIgnoreCase("NONREF"))) {
            ref = null;
        } else if (ref != null && split && t.acctSvcrRef == null) {
            ref = ref + "#" + t.ordinal; // the entry's reference names the batch, not each item
        }
        String codes = join(first(t.domain, entry.domain), first(t.family, entry.family),
                first(t.subFamily, entry.subFamily), first(t.proprietary, entry.proprietary));
        String remittance = t.ustrd.isEmpty() ? null : t.ustrd.toString();
        TransactionKind kind = Kinds.classify(direction, entry.reversal, t.returnReason, codes, name,
                remittance == null ? entry.bookingText : remittance + " " + entry.bookingText);
        sink.accept(new ParsedLine(account, booking, value, amount, currency, direction, kind,
                Kinds.cut(name, 200), Kinds.cut(iban, 64), Kinds.cut(bic, 16), Kinds.cut(remittance, 1000),
                Kinds.cut(e2e, 100), Kinds.cut(t.mandate, 100), Kinds.cut(ref, 100), Kinds.cut(t.creditorRef, 100),
                Kinds.cut(ultimate, 200), entry.reversal, Kinds.cut(t.returnReason, 35), Kinds.cut(codes, 100),
                Kinds.cut(entry.bookingText != null ? entry.bookingText : t.addtlInfo, 500),
                batch(t, split, merged, where, currency)));
    }

    /**
     * Whether the line is a batch booked as one sum (a lump) or one item of a batch, and what links the two:
     * items split out of the entry, or a camt.054 entry that is one item of a larger batch, are items; an entry
     * of a statement or report that stands for several transactions without splitting them is a lump.
     */
    private BatchLink batch(Tx t, boolean split, boolean merged, String where, Currency currency) {
        int declared = 0;
        if (entry.batchCount != null && entry.batchCount.matches("\\d{1,9}")) {
            declared = Integer.parseInt(entry.batchCount);
        }
        int count = Math.max(declared, entry.txCount);
        if (count <= 1) {
            return null;
        }
        BatchLink.Role role;
        if (split) {
            role = BatchLink.Role.ITEM;
        } else if (merged) {
            role = BatchLink.Role.LUMP;
        } else {
            role = format == StatementFormat.CAMT_054 ? BatchLink.Role.ITEM : BatchLink.Role.LUMP;
        }
        String entryRef = entry.acctSvcrRef == null || entry.acctSvcrRef.isBlank()
                || entry.acctSvcrRef.equalsIgnoreCase("NONREF") ? null : entry.acctSvcrRef.strip();
        String batchId = first(entry.batchPmtInfId, first(entry.batchMsgId, first(t.pmtInfId, t.msgId)));
        batchId = batchId == null || batchId.isBlank() || batchId.equalsIgnoreCase("NOTPROVIDED") ? null
                : batchId.strip();
        if (entryRef == null && batchId == null) {
            return null;
        }
        String totalText = entry.batchTotal != null ? entry.batchTotal : entry.amount;
        Currency totalCurrency = entry.batchTotal != null && entry.batchTotalCcy != null
                ? Kinds.currency(where, entry.batchTotalCcy) : currency;
        var total = Kinds.amount(where, totalText, totalCurrency, false);
        return new BatchLink(role, Kinds.cut(entryRef, 100), Kinds.cut(batchId, 100), total, count);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append('/');
                }
                sb.append(p.strip());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static LocalDate date(String where, String v, String what) {
        if (v == null || v.length() < 10) {
            throw new UnreadableStatement(where, "the entry has no " + what);
        }
        try {
            // DtTm carries the bank's local time; the business date is the date it wrote.
            return LocalDate.parse(v.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new UnreadableStatement(where, "\"" + v + "\" is not a " + what);
        }
    }

    private String entryWhere(int line, int txOrdinal) {
        return (file == null ? "" : file + ", ") + "statement " + statementNo + ", entry " + entryNo
                + (txOrdinal > 0 ? ", TxDtls " + txOrdinal : "") + " (line " + line + ")";
    }

    private String where(XMLStreamReader r) {
        String at = r == null ? "" : "line " + r.getLocation().getLineNumber();
        String w = (file == null ? "" : file + (at.isEmpty() ? "" : ", ")) + at;
        return w.isEmpty() ? "document" : w;
    }
}
