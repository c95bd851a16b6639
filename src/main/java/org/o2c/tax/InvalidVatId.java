package org.o2c.tax;

import java.util.List;
import org.o2c.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * A buyer's VAT id that is not in its member state's format. o2c refuses it rather than treating the buyer
 * as a consumer: the caller shows the problem (422, naming the field) and the buyer corrects or removes it.
 */
public class InvalidVatId extends Problem {
    private final transient VatIdCheck check;

    public InvalidVatId(String field, VatIdCheck check) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid input", field + ": " + check.problem(),
                List.of(new FieldError(field, check.problem())));
        this.check = check;
    }

    public VatIdCheck check() {
        return check;
    }
}
