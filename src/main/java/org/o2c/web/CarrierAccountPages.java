package org.o2c.web;

import java.util.Map;
import org.o2c.fulfillment.CarrierAccounts;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
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
 * The owner's page for the shop's DHL business account: where o2c books labels and asks for tracking news.
 * Secrets are never shown again; a secret field left empty keeps what is stored.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ADMIN')")
class CarrierAccountPages {
    private static final String DHL = "DHL";

    private final CarrierAccounts accounts;
    private final MessageSource messages;

    CarrierAccountPages(CarrierAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/settings/carriers")
    String page(Model model) {
        if (!model.containsAttribute("account")) {
            model.addAttribute("account", accounts.described(CurrentShop.get(), DHL).orElse(null));
        }
        return "settings/carriers";
    }

    /** Checkboxes send nothing when cleared, so the form marks that it showed them ({@code shown}). */
    @PostMapping("/settings/carriers/dhl")
    String save(@RequestParam(required = false) String baseUrl, @RequestParam(required = false) String apiKey,
            @RequestParam(required = false) String user, @RequestParam(required = false) String password,
            @RequestParam(required = false) String billingNumber, @RequestParam(required = false) String product,
            @RequestParam(required = false) String profile, @RequestParam(required = false) String useForLabels,
            @RequestParam(required = false) String tracking, @RequestParam(required = false) String trackingUrl,
            @RequestParam(required = false) String trackingApiKey, RedirectAttributes flash, Model model) {
        try {
            accounts.save(CurrentShop.get(), DHL, new CarrierAccounts.Input(blank(baseUrl), blank(apiKey), blank(user),
                    blank(password), blank(billingNumber), blank(product), blank(profile), useForLabels != null,
                    tracking != null, blank(trackingUrl), blank(trackingApiKey)));
        } catch (Problem p) {
            model.addAttribute("errors", p.errors().isEmpty() ? java.util.List.of(new Problem.FieldError("carrier",
                    p.getMessage())) : p.errors());
            model.addAttribute("account", accounts.described(CurrentShop.get(), DHL).orElse(null));
            model.addAttribute("typed", Map.of("baseUrl", nz(baseUrl), "user", nz(user), "billingNumber",
                    nz(billingNumber), "product", nz(product), "profile", nz(profile), "trackingUrl", nz(trackingUrl)));
            return "settings/carriers";
        }
        flash.addFlashAttribute("flash", messages.getMessage("carriers.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/settings/carriers";
    }

    @PostMapping("/settings/carriers/dhl/remove")
    String remove(RedirectAttributes flash) {
        try {
            accounts.remove(CurrentShop.get(), DHL);
            flash.addFlashAttribute("flash", messages.getMessage("carriers.removed", null, LocaleContextHolder.getLocale()));
        } catch (Problem notThere) {
            // nothing stored: the page shows the empty form anyway
        }
        return "redirect:/settings/carriers";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
