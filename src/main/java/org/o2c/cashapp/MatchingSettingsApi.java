package org.o2c.cashapp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shop's cash-application settings over the API; the owner and accounting change them. */
@RestController
@RequestMapping("/api/v1/settings/cash-application")
class MatchingSettingsApi {
    private final MatchingSettings settings;

    MatchingSettingsApi(MatchingSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Map<String, Object> get() {
        return json(settings.get(CurrentShop.get()));
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    Map<String, Object> put(@RequestBody(required = false) CashApplicationSettings.Input body) {
        return json(settings.save(CurrentShop.get(), body));
    }

    static Map<String, Object> json(CashApplicationSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("toleranceAmount", s.toleranceAmount().toPlainString());
        m.put("tolerancePercent", s.tolerancePercent().toPlainString());
        m.put("skontoGraceDays", s.skontoGraceDays());
        m.put("automaticThreshold", s.automaticThreshold());
        m.put("suggestionThreshold", s.suggestionThreshold());
        m.put("nameSimilarity", s.nameSimilarity());
        m.put("maxInvoicesPerPayment", s.maxInvoicesPerPayment());
        m.put("differenceAccount", s.differenceAccount());
        m.put("skontoAccount", s.skontoAccount());
        m.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
        m.put("updatedBy", s.updatedBy());
        return m;
    }
}
