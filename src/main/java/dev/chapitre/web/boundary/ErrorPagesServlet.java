package dev.chapitre.web.boundary;

import dev.chapitre.platform.control.DatabaseOutage;
import dev.chapitre.platform.control.Locales;
import dev.chapitre.platform.control.Problem;
import dev.chapitre.web.control.Formats;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.jstl.core.Config;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every error the container answers itself (an unknown path, a method a servlet does not take, an
 * exception that escaped) comes here through web.xml's {@code <error-page>}: problem+json for the
 * API and for clients that ask for JSON, our own page in French or English for browsers.
 */
@WebServlet(ErrorPagesServlet.PATH)
public class ErrorPagesServlet extends HttpServlet {

    static final String PATH = "/error";

    /** Every method: the error dispatch keeps the method of the request that failed (POST, PUT, FOO…). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        var failure = Optional.ofNullable((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        var outage = failure.flatMap(DatabaseOutage::causeOf).isPresent();
        var status = outage ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : Optional.ofNullable((Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))
                        .orElse(HttpServletResponse.SC_NOT_FOUND); // /error asked for directly: there is nothing here
        if (outage) {
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        var key = messageKey(status);
        var uri = Optional.ofNullable((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)).orElse(request.getRequestURI());
        if (wantsProblem(request, uri) && outage) {
            DatabaseOutage.problem().writeTo(response); // says what is wrong, and that nothing was changed
            return;
        }
        if (wantsProblem(request, uri)) {
            var english = ResourceBundle.getBundle(Formats.BUNDLE, Locale.ENGLISH);
            new Problem(status, english.getString(key + ".title"), english.getString(key + ".text"), null).writeTo(response);
            return;
        }
        var locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH : Locales.choose(request.getLocales());
        Config.set(request, Config.FMT_LOCALE, locale);
        request.setAttribute("lang", locale.getLanguage());
        request.setAttribute("errorKey", key);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Content-Language", locale.getLanguage());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(request.getMethod())) {
            response.setContentLength(0);
            response.flushBuffer(); // committed: the container adds no page of its own
            return;
        }
        // A JSP answers GET, POST and HEAD only; the page is the same whatever the failed request's method.
        var asGet = new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
        request.getRequestDispatcher("/WEB-INF/pages/error.jsp").include(asGet, response);
    }

    private static boolean wantsProblem(HttpServletRequest request, String uri) {
        var accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
        return uri.startsWith(request.getContextPath() + "/api/") || (accept.contains("json") && !accept.contains("text/html"));
    }

    /** The messages' keys (error.*.title and error.*.text) for a status; families share one. */
    static String messageKey(int status) {
        return switch (status) {
            case 403 -> "error.forbidden";
            case 404, 410 -> "error.notFound";
            case 405, 501 -> "error.method";
            case 413 -> "error.tooLarge";
            case 414, 431 -> "error.tooLong";
            case 415 -> "error.mediaType";
            case 429 -> "error.tooMany";
            case 503 -> "error.unavailable";
            default -> status >= 500 ? "error.server" : "error.badRequest";
        };
    }
}
