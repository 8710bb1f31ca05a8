package dev.chapitre.web.boundary;

import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.Locales;
import dev.chapitre.web.control.DayFormat;
import dev.chapitre.web.control.StudioMessages;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.jstl.core.Config;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The studio speaks French or English: the producer's choice (the switch in its bar sends
 * {@code ?lang=fr} or {@code ?lang=en}, kept in a cookie for a year), else their browser's first
 * preference among the two, else English. Every studio page, the sign-in form's too, is rendered in
 * it ({@code fmt} tags, {@code lang}); the studio's scripts read their messages from the page.
 */
@WebFilter(urlPatterns = "/studio/*", dispatcherTypes = DispatcherType.REQUEST)
public class StudioLanguage extends HttpFilter {

    static final String COOKIE = "chapitre_studio_lang";

    @Inject
    PublicUrls urls;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // From the address only: a form's body is read by whoever handles the form, with its own limits.
        var locale = chosen(switchedTo(request.getQueryString())).map(choice -> {
            remember(response, choice, urls.base(request).startsWith("https:"));
            return choice;
        }).or(() -> remembered(request)).orElseGet(() -> request.getHeader("Accept-Language") == null ? Locale.ENGLISH
                : Locales.choose(request.getLocales()));
        Config.set(request, Config.FMT_LOCALE, locale);
        request.setAttribute("lang", locale.getLanguage());
        request.setAttribute("days", new DayFormat(locale));
        request.setAttribute("scriptMessages", StudioMessages.forScripts(locale));
        request.setAttribute("otherLanguage", switchTo(request.getQueryString(), locale.getLanguage().equals("fr") ? "en" : "fr"));
        response.setHeader("Content-Language", locale.getLanguage());
        chain.doFilter(request, response);
    }

    /** The switch's link: this page as it is (its query kept, the statistics' days say), in the other language. */
    static String switchTo(String query, String language) {
        var kept = Optional.ofNullable(query).stream().flatMap(q -> Arrays.stream(q.split("&")))
                .filter(parameter -> !parameter.isEmpty() && !parameter.startsWith("lang=")).collect(Collectors.joining("&"));
        return "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + language;
    }

    /** The value of {@code lang} in the query (its last one), if any. */
    static Optional<String> switchedTo(String query) {
        return Optional.ofNullable(query).stream().flatMap(q -> Arrays.stream(q.split("&")))
                .filter(parameter -> parameter.startsWith("lang=")).map(parameter -> parameter.substring("lang=".length()))
                .reduce((first, last) -> last);
    }

    private static Optional<Locale> chosen(Optional<String> language) {
        return language.map(value -> value.toLowerCase(Locale.ROOT)).filter(Locales.SUPPORTED::contains).map(Locale::forLanguageTag);
    }

    private static Optional<Locale> remembered(HttpServletRequest request) {
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> COOKIE.equals(cookie.getName())).findFirst().flatMap(cookie -> chosen(Optional.ofNullable(cookie.getValue())));
    }

    private static void remember(HttpServletResponse response, Locale locale, boolean secure) {
        var cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/studio");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
