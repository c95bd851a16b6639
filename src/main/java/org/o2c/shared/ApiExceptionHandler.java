package org.o2c.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of the JSON API as {@code application/problem+json}: validation 422 with the bad
 * fields, malformed bodies 400 naming where they broke, and never a stack trace to the caller.
 * Problems raised behind back-office pages render the error page instead.
 */
@RestControllerAdvice
@Order(0)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Problem.class)
    Object problem(Problem p, HttpServletRequest request) {
        if (!isApi(request)) {
            return errorPage(p.status(), p.getMessage());
        }
        return respond(p.status(), ProblemResponses.of(p.status(), p.type(), p.title(), p.getMessage(), p.errors()));
    }

    /** Back-office and portal pages show the error page with the status, never problem JSON. */
    private static org.springframework.web.servlet.ModelAndView errorPage(HttpStatus status, String message) {
        org.springframework.web.servlet.ModelAndView mav = new org.springframework.web.servlet.ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("message", message);
        return mav;
    }

    private static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/api/") || uri.startsWith("/hooks/");
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest request) {
        if (!isApi(request)) {
            return errorPage(HttpStatus.FORBIDDEN, "this user may not do that");
        }
        return respond(HttpStatus.FORBIDDEN, ProblemResponses.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "this token or user may not do that", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, ProblemResponses.of(HttpStatus.BAD_REQUEST, "bad-parameter",
                "Bad parameter", e.getName() + " is not valid",
                List.of(new Problem.FieldError(e.getName(), "is not valid"))));
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e) {
        log.warn("lock conflict: {}", e.getMessage());
        return respond(HttpStatus.SERVICE_UNAVAILABLE, ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                "Busy", "the data is busy; retry the request", List.of()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.warn("integrity violation: {}", e.getMostSpecificCause().getMessage());
        return respond(HttpStatus.CONFLICT, ProblemResponses.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "the change conflicts with data that exists", List.of()));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        if (!isApi(request)) {
            return errorPage(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it was logged");
        }
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, ProblemResponses.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", "Internal error", "an unexpected error occurred; it was logged", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
                ProblemDetail pd = ProblemResponses.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "Request body too large", tooLarge.getMessage(), List.of());
                return new ResponseEntity<>(pd, problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
            }
        }
        String field = null;
        String detail = "the request body is not valid JSON";
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException de && !de.getPath().isEmpty()) {
            field = jsonPath(de);
            detail = field + " has the wrong type or format";
        } else if (cause instanceof JacksonException je) {
            detail = "the request body is not valid JSON: " + je.getOriginalMessage();
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "the request body is missing";
        }
        ProblemDetail pd = ProblemResponses.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                detail, field == null ? List.of() : List.of(new Problem.FieldError(field, "has the wrong type or format")));
        return new ResponseEntity<>(pd, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getType() != null && "about:blank".equals(pd.getType().toString())) {
            pd.setType(Problem.typeUri(slug(HttpStatus.valueOf(statusCode.value()))));
        }
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(ex, body, merged, statusCode, request);
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
    }

    private static String jsonPath(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return h;
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail pd) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
