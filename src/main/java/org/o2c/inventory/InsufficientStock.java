package org.o2c.inventory;

import java.util.List;
import org.o2c.shared.Problem;
import org.springframework.http.HttpStatus;

/** Not enough available stock for an order's lines; nothing was reserved. */
public class InsufficientStock extends Problem {

    /** One line that cannot be served. */
    public record Shortage(int lineIndex, String sku, int requested, int available) {}

    private final List<Shortage> shortages;

    public InsufficientStock(List<Shortage> shortages) {
        super(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
                shortages.stream().map(s -> s.sku() + ": " + s.requested() + " requested, " + Math.max(s.available(), 0)
                        + " available").reduce((a, b) -> a + "; " + b).orElse(""),
                shortages.stream().map(s -> new FieldError("lines[" + s.lineIndex() + "].quantity",
                        "only " + Math.max(s.available(), 0) + " of " + s.sku() + " available")).toList());
        this.shortages = List.copyOf(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }
}
