package org.o2c.catalog;

import java.util.List;
import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.Sku;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
class CatalogApi {
    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    @PutMapping("/{sku}")
    ResponseEntity<Map<String, Object>> put(@PathVariable String sku, @RequestBody Catalog.ProductInput body) {
        Catalog.Saved saved = catalog.put(CurrentShop.get(), sku, body);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(saved.product()));
    }

    @GetMapping("/{sku}")
    Map<String, Object> get(@PathVariable String sku) {
        if (!Sku.isValid(sku)) {
            throw Problem.notFound("product " + sku);
        }
        return catalog.find(CurrentShop.get(), new Sku(sku)).map(CatalogApi::json)
                .orElseThrow(() -> Problem.notFound("product " + sku));
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "500") int limit) {
        return catalog.list(CurrentShop.get(), q, Math.min(Math.max(limit, 1), 5000)).stream().map(CatalogApi::json).toList();
    }

    static Map<String, Object> json(Product p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sku", p.sku().value());
        m.put("name", p.name());
        m.put("gtin", p.gtin());
        m.put("price", p.price().toPlainString());
        m.put("currency", p.price().currency().getCurrencyCode());
        m.put("taxCategory", p.taxCategory().name());
        m.put("weightGrams", p.weightGrams());
        m.put("location", p.location());
        return m;
    }
}
