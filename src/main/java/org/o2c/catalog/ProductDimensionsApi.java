package org.o2c.catalog;

import java.util.Map;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.Sku;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products/{sku}/dimensions")
class ProductDimensionsApi {
    private final ProductDimensions dimensions;

    ProductDimensionsApi(ProductDimensions dimensions) {
        this.dimensions = dimensions;
    }

    record Body(Integer lengthMm, Integer widthMm, Integer heightMm) {}

    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    Map<String, Object> put(@PathVariable String sku, @RequestBody Body body) {
        return json(sku, dimensions.put(CurrentShop.get(), sku, body.lengthMm(), body.widthMm(), body.heightMm()));
    }

    @GetMapping
    Map<String, Object> get(@PathVariable String sku) {
        if (!Sku.isValid(sku)) {
            throw Problem.notFound("product " + sku);
        }
        return json(sku, dimensions.find(CurrentShop.get(), new Sku(sku))
                .orElseThrow(() -> Problem.notFound("dimensions of product " + sku)));
    }

    private static Map<String, Object> json(String sku, Dimensions d) {
        return Map.of("sku", sku, "lengthMm", d.lengthMm(), "widthMm", d.widthMm(), "heightMm", d.heightMm());
    }
}
