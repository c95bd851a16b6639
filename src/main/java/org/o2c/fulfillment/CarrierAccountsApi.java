package org.o2c.fulfillment;

import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shop's account with a carrier's API; answers never contain a secret. */
@RestController
@RequestMapping("/api/v1/carriers/{carrier}/account")
class CarrierAccountsApi {
    private final CarrierAccounts accounts;

    CarrierAccountsApi(CarrierAccounts accounts) {
        this.accounts = accounts;
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    Map<String, Object> put(@PathVariable String carrier, @RequestBody CarrierAccounts.Input body) {
        return CarrierAccounts.describe(accounts.put(CurrentShop.get(), carrier, body));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    Map<String, Object> get(@PathVariable String carrier) {
        return accounts.find(CurrentShop.get(), carrier).map(CarrierAccounts::describe)
                .orElseThrow(() -> Problem.notFound("carrier account " + carrier));
    }

    @DeleteMapping
    @PreAuthorize("hasAnyRole('ADMIN','OWNER')")
    ResponseEntity<Void> delete(@PathVariable String carrier) {
        accounts.remove(CurrentShop.get(), carrier);
        return ResponseEntity.noContent().build();
    }
}
