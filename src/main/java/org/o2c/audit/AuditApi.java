package org.o2c.audit;

import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {
    private final AuditLog log;
    private final AuditChain chain;
    private final DocumentArchive archive;

    AuditApi(AuditLog log, AuditChain chain, DocumentArchive archive) {
        this.log = log;
        this.chain = chain;
        this.archive = archive;
    }

    /** Recomputes the SHA-256 of every archived document and names any that is missing or changed. */
    @GetMapping("/archive/verify")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    Map<String, Object> verifyArchive() {
        DocumentArchive.Verification v = archive.verify();
        return Map.of("intact", v.intact(), "checked", v.checked(), "missing", v.missing(), "changed", v.changed());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    List<AuditLog.Entry> entries(@RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId, @RequestParam(defaultValue = "200") int limit) {
        if (subjectType != null && subjectId != null) {
            return log.forSubject(CurrentShop.get(), subjectType, subjectId);
        }
        return log.latest(CurrentShop.get(), Math.min(Math.max(limit, 1), 5000));
    }

    /** Seals what is pending, then recomputes every hash of the chain. */
    @GetMapping("/verify")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','ACCOUNTING')")
    Map<String, Object> verify() {
        chain.seal();
        AuditChain.Verification v = chain.verify();
        return Map.of("intact", v.intact(), "sealed", v.sealed(), "pending", v.pending(), "brokenEntryIds",
                v.brokenEntryIds());
    }
}
