package org.o2c.web;

import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Cash application's reasons in the reader's language. The matcher gives a code and its values
 * ({@code REF_INVOICE_NUMBER RE-2026-00042}); the page shows {@code cashapp.reason.<code>} with them.
 * A reason without a text (a person's note, an older entry) is shown as it was written.
 */
@Component("reasons")
class ReasonTexts {
    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** One reason with its values, e.g. "Invoice number RE-2026-00042 in the remittance text". */
    public String text(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String[] parts = reason.strip().split("\\s+");
        Object[] values = Arrays.copyOfRange(parts, 1, parts.length);
        return messages.getMessage("cashapp.reason." + parts[0], values, reason, LocaleContextHolder.getLocale());
    }

    /** A reason code as a heading of the match-rate table: its text with the values left out. */
    public String group(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Object[] blanks = {"…", "…", "…"};
        return messages.getMessage("cashapp.reason." + code.strip(), blanks, code, LocaleContextHolder.getLocale());
    }
}
