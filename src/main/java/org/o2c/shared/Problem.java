package org.o2c.shared;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as RFC 9457 problem details. Thrown from anywhere below
 * a controller; the transaction rolls back, so nothing is half-written.
 */
public class Problem extends RuntimeException {

    /** One bad field of a request, named by its JSON path ({@code lines[0].quantity}). */
    public record FieldError(String field, String message) {}

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public Problem(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Problem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist");
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid input",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid",
                errors);
    }

    public static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Problem conflict(String type, String title, String detail) {
        return new Problem(HttpStatus.CONFLICT, type, title, detail);
    }

    public static URI typeUri(String type) {
        return URI.create("urn:problem-type:o2c:" + type);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
