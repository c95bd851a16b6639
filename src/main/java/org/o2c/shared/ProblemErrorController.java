package org.o2c.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen before a controller is chosen (a rejected URL, an unknown path, a failure in a
 * filter) reach {@code /error}: the API answers them as problem+json too, pages show the error page.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String detail = status.is5xxServerError() ? "an unexpected error occurred; it was logged"
                : "the request was refused: " + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        if (path.startsWith("/api/") || path.startsWith("/hooks/")) {
            String type = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemResponses.of(status, type, status.getReasonPhrase(), detail, List.of()));
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", detail);
        return page;
    }
}
