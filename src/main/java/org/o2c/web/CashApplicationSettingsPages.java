package org.o2c.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.o2c.cashapp.CashApplicationSettings;
import org.o2c.cashapp.MatchingSettings;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.TimeConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cash-application settings page for the owner and accounting: each value explained in a
 * bookkeeper's words. Thresholds and similarity are shown in percent, as the queue shows confidence.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
class CashApplicationSettingsPages {
    private final MatchingSettings settings;
    private final MessageSource messages;

    CashApplicationSettingsPages(MatchingSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/settings/cash-application")
    String show(Model model) {
        CashApplicationSettings s = settings.get(CurrentShop.get());
        model.addAttribute("form", form(s));
        model.addAttribute("defaults", form(CashApplicationSettings.DEFAULTS));
        changed(model, s);
        return "settings/cash-application";
    }

    @PostMapping("/settings/cash-application")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        try {
            settings.save(CurrentShop.get(), new CashApplicationSettings.Input(decimal(form.get("toleranceAmount")),
                    decimal(form.get("tolerancePercent")), whole(form.get("skontoGraceDays")),
                    share(form.get("automaticThreshold")), share(form.get("suggestionThreshold")),
                    share(form.get("nameSimilarity")), whole(form.get("maxInvoicesPerPayment")),
                    form.get("differenceAccount"), form.get("skontoAccount")));
        } catch (Problem p) {
            // Show what was typed again, with the fields in the page's words.
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("_csrf");
            model.addAttribute("form", typed);
            model.addAttribute("defaults", form(CashApplicationSettings.DEFAULTS));
            changed(model, settings.get(CurrentShop.get()));
            model.addAttribute("errors", p.errors().stream().map(e -> new Problem.FieldError(e.field(),
                    messages.getMessage("cashapp.settings.error." + e.field(), null, e.message(),
                            LocaleContextHolder.getLocale()))).toList());
            return "settings/cash-application";
        }
        flash.addFlashAttribute("flash", messages.getMessage("cashapp.settings.saved", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/settings/cash-application";
    }

    /** Who changed the settings last and when (in the shop's time), while they differ from the defaults. */
    private static void changed(Model model, CashApplicationSettings s) {
        model.addAttribute("changedBy", s.updatedBy());
        model.addAttribute("changedAt", s.updatedAt() == null ? null
                : DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(TimeConfiguration.BUSINESS_ZONE)
                        .format(s.updatedAt()));
    }

    private static Map<String, String> form(CashApplicationSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("toleranceAmount", s.toleranceAmount().toPlainString());
        m.put("tolerancePercent", s.tolerancePercent().stripTrailingZeros().toPlainString());
        m.put("skontoGraceDays", String.valueOf(s.skontoGraceDays()));
        m.put("automaticThreshold", percent(s.automaticThreshold()));
        m.put("suggestionThreshold", percent(s.suggestionThreshold()));
        m.put("nameSimilarity", percent(s.nameSimilarity()));
        m.put("maxInvoicesPerPayment", String.valueOf(s.maxInvoicesPerPayment()));
        m.put("differenceAccount", s.differenceAccount());
        m.put("skontoAccount", s.skontoAccount());
        return m;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** 85 (percent) becomes 0.85; what is no number goes on unchanged for the settings to refuse. */
    private static String share(String percent) {
        String d = decimal(percent);
        try {
            return d == null ? null : new BigDecimal(d).movePointLeft(2).toPlainString();
        } catch (NumberFormatException e) {
            return d;
        }
    }

    /** People type 2,5 as often as 2.5. */
    private static String decimal(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip().replace(',', '.');
    }

    private static Integer whole(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
