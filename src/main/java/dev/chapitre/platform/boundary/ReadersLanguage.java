package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.Locales;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * The language an API answer is worded in: the client's first choice among French and English by
 * its {@code Accept-Language} (the studio sends its own), English otherwise; the answer says which
 * ({@code Content-Language}) and that it depends on that header ({@code Vary}).
 */
public final class ReadersLanguage {

    private ReadersLanguage() {
    }

    /** {@code headers} is absent outside a request (a mapper called by hand): English. */
    public static Locale of(HttpHeaders headers) {
        if (headers == null) {
            return Locale.ENGLISH;
        }
        try {
            return Locales.choose(headers.getAcceptableLanguages());
        } catch (RuntimeException e) {
            // Jersey's HeaderValueException for an Accept-Language it cannot parse ("fr_FR"), or no
            // request at all: a refusal must still be said, in English, never become a 500
            return Locale.ENGLISH;
        }
    }


    /** What every refusal mapper answers: {@code refusal} worded in the client's language, and marked so. */
    public static Response refusal(ProblemException refusal, HttpHeaders headers) {
        var locale = of(headers);
        return said(refusal.toResponse(locale), locale);
    }

    /** {@code response} marked as worded in {@code locale}, unless it already says its language. */
    public static Response said(Response response, Locale locale) {
        if (response.getHeaderString(HttpHeaders.CONTENT_LANGUAGE) != null) {
            return response;
        }
        return Response.fromResponse(response).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
