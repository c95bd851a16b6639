package org.o2c.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 bodies, for the exception handler and for filters that answer before MVC. */
public final class ProblemResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail,
            List<Problem.FieldError> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(Problem.typeUri(type));
        pd.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }

    /** Writes a problem straight to the servlet response (filters, security entry points). */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String title,
            String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.typeUri(type).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
