package org.o2c.fulfillment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.orders.Orders;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.OrderId;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class CartonsApi {
    private final Cartons cartons;
    private final Orders orders;

    CartonsApi(Cartons cartons, Orders orders) {
        this.cartons = cartons;
        this.orders = orders;
    }

    @PutMapping("/cartons/{code}")
    @PreAuthorize("hasAnyRole('ADMIN','OWNER','WAREHOUSE')")
    ResponseEntity<Map<String, Object>> put(@PathVariable String code, @RequestBody Cartons.CartonInput body) {
        ShopId shop = CurrentShop.get();
        boolean created = cartons.put(shop, code, body);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Packing.describe(cartons.find(shop, code.strip()).orElseThrow()));
    }

    @GetMapping("/cartons")
    List<Map<String, Object>> list() {
        return cartons.list(CurrentShop.get()).stream().map(Packing::describe).toList();
    }

    @GetMapping("/orders/{id}/carton")
    Map<String, Object> suggest(@PathVariable String id) {
        ShopId shop = CurrentShop.get();
        OrderId order;
        try {
            order = OrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("order " + id);
        }
        Cartons.Suggestion s = cartons.suggest(shop, orders.get(shop, order));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("carton", s.carton() == null ? null : Packing.describe(s.carton()));
        m.put("itemsWeightGrams", s.itemsGrams());
        m.put("expectedWeightGrams", s.expectedGrams());
        m.put("reason", s.reason());
        return m;
    }
}
