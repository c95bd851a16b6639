package org.o2c.banking;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.ProblemResponses;
import org.o2c.shared.RequestSizeLimitFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bank-statements")
class BankStatementsApi {
    private final BankStatements statements;

    BankStatementsApi(BankStatements statements) {
        this.statements = statements;
    }

    /** The body is the file itself; it is streamed to disk, never held in memory. */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestParam(value = "fileName", required = false) String fileName) throws IOException {
        StatementSummary s = statements.importStream(CurrentShop.get(), request.getInputStream(), contentType,
                fileName, "API");
        return ResponseEntity.status(s.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED).body(json(s));
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(defaultValue = "100") int limit) {
        return statements.list(CurrentShop.get(), Math.min(Math.max(limit, 1), 1000)).stream()
                .map(BankStatementsApi::json).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return json(statements.get(CurrentShop.get(), id)
                .orElseThrow(() -> Problem.notFound("bank statement " + id)));
    }

    @GetMapping("/{id}/transactions")
    List<Map<String, Object>> transactions(@PathVariable long id) {
        statements.get(CurrentShop.get(), id).orElseThrow(() -> Problem.notFound("bank statement " + id));
        return statements.transactions(CurrentShop.get(), id).stream().map(BankStatementsApi::json).toList();
    }

    @GetMapping("/csv-mapping")
    CsvMapping csvMapping() {
        return statements.csvMapping(CurrentShop.get()).orElseThrow(() -> Problem.notFound("CSV mapping"));
    }

    @PutMapping("/csv-mapping")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    CsvMapping saveCsvMapping(@RequestBody CsvMapping mapping) {
        return statements.saveCsvMapping(CurrentShop.get(), mapping);
    }

    @ExceptionHandler(UnreadableStatement.class)
    ResponseEntity<ProblemDetail> unreadable(UnreadableStatement e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemResponses.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "unreadable-statement", "Statement cannot be read", e.where() + ": " + e.getMessage(),
                List.of(new Problem.FieldError(e.where(), e.getMessage()))));
    }

    @ExceptionHandler(RequestSizeLimitFilter.BodyTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestSizeLimitFilter.BodyTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemResponses.of(HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large", "Request body too large", e.getMessage(), List.of()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static Map<String, Object> json(StatementSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("format", s.format().name());
        m.put("fileName", s.fileName());
        m.put("source", s.source());
        m.put("importedAt", s.importedAt().toString());
        m.put("transactions", s.transactions());
        m.put("duplicates", s.duplicates());
        m.put("matched", s.matched());
        m.put("suggested", s.suggested());
        m.put("unmatched", s.unmatched());
        return m;
    }

    static Map<String, Object> json(BankStatements.Line line) {
        BankTransaction t = line.transaction();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("bookingDate", t.bookingDate().toString());
        m.put("valueDate", t.valueDate() == null ? null : t.valueDate().toString());
        m.put("amount", t.amount().amount().toPlainString());
        m.put("currency", t.amount().currency().getCurrencyCode());
        m.put("creditDebit", t.direction().name());
        m.put("kind", t.kind().name());
        m.put("counterpartyName", t.counterpartyName());
        m.put("counterpartyIban", t.counterpartyIban());
        m.put("counterpartyBic", t.counterpartyBic());
        m.put("remittanceInfo", t.remittanceInfo());
        m.put("endToEndId", t.endToEndId());
        m.put("mandateReference", t.mandateReference());
        m.put("creditorReference", t.creditorReference());
        m.put("ultimateParty", t.ultimateParty());
        m.put("bankReference", t.bankReference());
        m.put("reversal", t.reversal());
        m.put("returnReason", t.returnReason());
        m.put("bookingText", line.bookingText());
        m.put("bookingState", line.bookingState());
        m.put("bookingNote", line.bookingNote());
        LineOutcome o = line.outcome();
        m.put("status", o.status().name());
        m.put("confidence", o.confidence());
        List<Map<String, Object>> allocations = new ArrayList<>();
        for (LineOutcome.Allocation a : o.allocations()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("invoiceNumber", a.invoiceNumber());
            am.put("amount", a.amount().amount().toPlainString());
            allocations.add(am);
        }
        m.put("allocations", allocations);
        return m;
    }
}
