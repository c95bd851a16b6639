package org.o2c.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.o2c.banking.BankStatements;
import org.o2c.banking.StatementSummary;
import org.o2c.banking.UnreadableStatement;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Bank and PSP statements in the back-office: the files read so far with their counts, and an upload. */
@Controller
class BankStatementPages {
    private final BankStatements statements;
    private final MessageSource messages;

    BankStatementPages(BankStatements statements, MessageSource messages) {
        this.statements = statements;
        this.messages = messages;
    }

    @GetMapping("/bank-statements")
    String list(Model model) {
        model.addAttribute("statements", statements.list(CurrentShop.get(), 200));
        model.addAttribute("inboxFolder", "inbox/" + CurrentShop.get().value() + "/");
        return "bank/list";
    }

    @GetMapping("/bank-statements/{id}")
    String detail(@PathVariable long id, Model model) {
        StatementSummary s = statements.get(CurrentShop.get(), id)
                .orElseThrow(() -> Problem.notFound("bank statement " + id));
        model.addAttribute("statement", s);
        model.addAttribute("lines", statements.transactions(CurrentShop.get(), id));
        return "bank/detail";
    }

    @PostMapping("/bank-statements/upload")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("errors", List.of(new Problem.FieldError("file", text("bank.noFile"))));
            return "redirect:/bank-statements";
        }
        String name = file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            StatementSummary s = statements.importStream(CurrentShop.get(), in, BankStatements.contentTypeFor(name),
                    name, "UPLOAD");
            flash.addFlashAttribute("flash", s.alreadyImported()
                    ? text("bank.alreadyImported", name)
                    : text("bank.imported", name, s.transactions(), s.duplicates()));
            return "redirect:/bank-statements/" + s.id();
        } catch (UnreadableStatement e) {
            flash.addFlashAttribute("errors", List.of(new Problem.FieldError("file",
                    text("bank.refused", name, e.where() + ": " + e.getMessage()))));
            return "redirect:/bank-statements";
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
