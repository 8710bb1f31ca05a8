package dev.chapitre.web.boundary;

import dev.chapitre.platform.boundary.ClientAddress;
import dev.chapitre.platform.boundary.FormFields;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.ratings.boundary.RatingKeys;
import dev.chapitre.ratings.boundary.Ratings;
import dev.chapitre.ratings.control.ListenerKeys;
import dev.chapitre.ratings.control.RateLimiter;
import dev.chapitre.ratings.entity.Rating;
import dev.chapitre.web.control.Formats;
import dev.chapitre.web.control.Locales;
import dev.chapitre.web.control.PageViews;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.jstl.core.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The listener's pages: {@code /} (the shows), {@code /podcasts/{show}} and
 * {@code /podcasts/{show}/{episode}}, rendered by the JSPs under WEB-INF/pages; and the rating
 * form's POST to {@code …/ratings}. A successful rating redirects back (POST-Redirect-GET); an
 * invalid one re-renders the page with the message next to the field. Scripts that ask for JSON
 * get the same answers as JSON.
 */
@WebServlet(urlPatterns = {"", "/podcasts/*"})
public class PagesServlet extends HttpServlet {

    static final String VISITOR_COOKIE = "chapitre_visitor";
    static final String HONEYPOT = "website";
    private static final String SLUG = dev.chapitre.platform.entity.Slug.CAPTURE;
    private static final Pattern SHOW = Pattern.compile("/" + SLUG + "/?");
    private static final Pattern EPISODE = Pattern.compile("/" + SLUG + "/" + SLUG + "/?");
    private static final Pattern RATE = Pattern.compile("/" + SLUG + "(?:/" + SLUG + ")?/ratings");

    @Inject
    PublicPages pages;

    @Inject
    Ratings ratings;

    @Inject
    RatingKeys keys;

    @Inject
    PublicUrls urls;

    @Inject
    ClientAddress clients;

    @Inject
    Assets assets;

    @Inject
    @ConfigProperty(name = "CHAPITRE_RATING_LIMIT_PER_MINUTE", defaultValue = "10")
    int ratingsPerMinute;

    private RateLimiter limiter;

    @Override
    public void init() {
        limiter = new RateLimiter(ratingsPerMinute);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        var page = new Page(request, response);
        var path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        if (request.getServletPath().isEmpty()) {
            request.setAttribute("shows", pages.shows(page.views));
            page.render("home", HttpServletResponse.SC_OK);
            return;
        }
        var episode = EPISODE.matcher(path);
        var show = SHOW.matcher(path);
        if (episode.matches()) {
            var found = pages.episode(episode.group(1), episode.group(2), page.views);
            if (found.isPresent()) {
                request.setAttribute("episode", found.get());
                request.setAttribute("ratingThanks", request.getParameter("rated") != null);
                page.render("episode", HttpServletResponse.SC_OK);
                return;
            }
        } else if (show.matches()) {
            var found = pages.show(show.group(1), pageNumber(request), page.views);
            if (found.isPresent()) {
                request.setAttribute("show", found.get());
                request.setAttribute("ratingThanks", request.getParameter("rated") != null);
                page.render("show", HttpServletResponse.SC_OK);
                return;
            }
        }
        page.render("not-found", HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doPost(HttpServletRequest original, HttpServletResponse response) throws ServletException, IOException {
        var request = FormFields.read(original);
        var page = new Page(request, response);
        var refusal = FormFields.refusal(request);
        if (refusal.isPresent()) {
            request.setAttribute("errorKey", refusal.get().messageKey());
            page.fail(refusal.get().status(), "error", refusal.get().messageKey() + ".text");
            return;
        }
        var rate = RATE.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (request.getServletPath().isEmpty() || !rate.matches()) {
            page.fail(HttpServletResponse.SC_NOT_FOUND, "not-found", "error.notFound.text");
            return;
        }
        var podcast = rate.group(1);
        var episode = Optional.ofNullable(rate.group(2));
        var back = urls.base(request) + "/podcasts/" + podcast + episode.map(e -> "/" + e).orElse("");
        if (!page.fromOurForm()) {
            page.fail(HttpServletResponse.SC_FORBIDDEN, "forbidden", "error.forbidden.text");
            return;
        }
        if (!Optional.ofNullable(request.getParameter(HONEYPOT)).orElse("").isEmpty()) {
            page.thanked(back, Optional.empty()); // a bot: it is told all went well, nothing is stored
            return;
        }
        if (!limiter.tryAcquire(ClientAddress.networkOf(clients.of(request)), System.currentTimeMillis())) {
            response.setHeader("Retry-After", "60");
            page.fail(429, "too-many", "error.tooMany.text");
            return;
        }
        var stars = parseStars(request.getParameter("stars"));
        var comment = Rating.normalized(Optional.ofNullable(request.getParameter("comment")).orElse(""));
        var violations = new Violations();
        Rating.check(stars.orElse(stars.isEmpty() && request.getParameter("stars") != null ? -1 : null), comment, violations);
        if (!violations.isEmpty()) {
            var errors = new LinkedHashMap<String, String>();
            violations.list().forEach(v -> errors.put(v.field(), "rating.error." + v.field()));
            page.invalid(podcast, episode, errors, request.getParameter("stars"), comment);
            return;
        }
        var submission = new Ratings.Submission(podcast, episode, stars.get(), comment, page.visitor,
                keys.keys().addressHash(clients.of(request)));
        try {
            page.thanked(back, Optional.of(submit(submission)));
        } catch (ProblemException notFound) {
            page.fail(HttpServletResponse.SC_NOT_FOUND, "not-found", "error.notFound.text");
        }
    }

    /**
     * A listener's double click can race with itself into the unique constraints (or a show's
     * first two ratings into its totals row): the retry finds what the other attempt made.
     */
    private Ratings.Summary submit(Ratings.Submission submission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ratings.submit(submission);
            } catch (EJBException conflict) {
                if (attempt == 3) {
                    throw conflict;
                }
            }
        }
    }

    private static Optional<Integer> parseStars(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int pageNumber(HttpServletRequest request) {
        return parseStars(request.getParameter("page")).orElse(1); // the same lenient integer parsing
    }

    /** One request's rendering context: locale, visitor cookie, CSRF token, and how to answer. */
    private final class Page {

        final HttpServletRequest request;
        final HttpServletResponse response;
        final Locale locale;
        final PageViews views;
        final String visitor;
        final boolean wantsJson;

        Page(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
            this.locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH : Locales.choose(request.getLocales());
            this.views = new PageViews(urls.base(request), locale);
            this.wantsJson = Optional.ofNullable(request.getHeader("Accept")).orElse("").contains("application/json");
            var known = Optional.ofNullable(request.getCookies()).stream().flatMap(java.util.Arrays::stream)
                    .filter(c -> VISITOR_COOKIE.equals(c.getName())).map(Cookie::getValue).filter(ListenerKeys::isVisitorId).findFirst();
            this.visitor = known.orElseGet(ListenerKeys::newVisitorId);
            if (known.isEmpty()) {
                var cookie = new Cookie(VISITOR_COOKIE, visitor);
                cookie.setPath("/");
                cookie.setMaxAge(60 * 60 * 24 * 365);
                cookie.setHttpOnly(true);
                cookie.setSecure(urls.base(request).startsWith("https:"));
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
            }
        }

        /** The form carries the token of this visitor's cookie: it was served by us to this browser. */
        boolean fromOurForm() {
            return keys.keys().isCsrfToken(visitor, request.getParameter("csrf"));
        }

        void render(String view, int status) throws ServletException, IOException {
            Config.set(request, Config.FMT_LOCALE, locale);
            request.setAttribute("lang", locale.getLanguage());
            request.setAttribute("assets", assets.urls());
            request.setAttribute("csrf", keys.keys().csrfToken(visitor));
            request.setAttribute("base", urls.base(request));
            response.setStatus(status);
            response.setContentType("text/html; charset=utf-8");
            response.setHeader("Content-Language", locale.getLanguage());
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("Vary", "Accept-Language, Cookie");
            request.getRequestDispatcher("/WEB-INF/pages/" + view + ".jsp").forward(request, response);
        }

        void thanked(String back, Optional<Ratings.Summary> summary) throws IOException {
            if (wantsJson) {
                var json = Json.createObjectBuilder().add("ok", true).add("message", message("rating.thanks"));
                summary.ifPresent(s -> json.add("average", s.average()).add("count", s.count())
                        .add("summary", new MessageFormat(message("rating.average"), locale)
                                .format(new Object[] {new Formats(locale).average(s.average()), s.count()})));
                json(HttpServletResponse.SC_OK, json.build().toString());
                return;
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", back + "?rated=1#rate");
        }

        void invalid(String podcast, Optional<String> episode, Map<String, String> errors, String stars, String comment)
                throws ServletException, IOException {
            if (wantsJson) {
                var json = Json.createObjectBuilder().add("ok", false);
                var fields = Json.createObjectBuilder();
                errors.forEach((field, key) -> fields.add(field, message(key)));
                json(422, json.add("errors", fields).build().toString());
                return;
            }
            request.setAttribute("ratingErrors", errors);
            request.setAttribute("ratingStars", Optional.ofNullable(stars).orElse(""));
            request.setAttribute("ratingComment", comment);
            var found = episode.isPresent()
                    ? pages.episode(podcast, episode.get(), views).map(e -> Map.entry("episode", (Object) e))
                    : pages.show(podcast, 1, views).map(s -> Map.entry("show", (Object) s));
            if (found.isEmpty()) {
                render("not-found", HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            request.setAttribute(found.get().getKey(), found.get().getValue());
            render(found.get().getKey(), 422);
        }

        void fail(int status, String view, String messageKey) throws ServletException, IOException {
            if (wantsJson) {
                json(status, Json.createObjectBuilder().add("ok", false).add("message", message(messageKey)).build().toString());
                return;
            }
            render(view, status);
        }

        private String message(String key) {
            return java.util.ResourceBundle.getBundle(Formats.BUNDLE, locale).getString(key);
        }

        private void json(int status, String body) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json; charset=utf-8");
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
