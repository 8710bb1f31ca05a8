package dev.chapitre.web.boundary;

import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.platform.boundary.FormFields;
import dev.chapitre.platform.boundary.MovedPermanently;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.Locales;
import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.ratings.boundary.RatingForm;
import dev.chapitre.web.control.Formats;
import dev.chapitre.web.control.PageViews;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.jstl.core.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The listener's pages: {@code /} (the shows), {@code /podcasts/{show}} and
 * {@code /podcasts/{show}/{episode}}, rendered by the JSPs under WEB-INF/pages; and the rating
 * form's POST to {@code …/ratings}, which the {@link RatingForm} judges. A successful rating
 * redirects back (POST-Redirect-GET); an invalid one re-renders the page with each message next
 * to its field. Scripts that ask for JSON get the thanks as JSON and any failure as problem+json.
 */
@WebServlet(urlPatterns = {"", "/podcasts/*"})
public class PagesServlet extends HttpServlet {

    private static final String SLUG = Slug.CAPTURE;
    private static final Pattern SHOW = Pattern.compile("/" + SLUG + "/?");
    private static final Pattern EPISODE = Pattern.compile("/" + SLUG + "/" + SLUG + "/?");
    private static final Pattern RATE = Pattern.compile("/" + SLUG + "(?:/" + SLUG + ")?/ratings");

    @Inject
    PublicPages pages;

    @Inject
    RatingForm ratingForm;

    @Inject
    PublicUrls urls;

    @Inject
    PublicCatalog catalog;

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
            var found = pages.episode(episode.group(1), episode.group(2), commentsPage(request), page.views);
            if (found.isPresent()) {
                request.setAttribute("episode", found.get());
                request.setAttribute("ratingThanks", thanksKey(request));
                page.render("episode", HttpServletResponse.SC_OK);
                return;
            }
        } else if (show.matches()) {
            var found = pages.show(show.group(1), FormFields.wholeNumber(request.getParameter("page")).orElse(1), commentsPage(request),
                    page.views);
            if (found.isPresent()) {
                request.setAttribute("show", found.get());
                request.setAttribute("ratingThanks", thanksKey(request));
                page.render("show", HttpServletResponse.SC_OK);
                return;
            }
        }
        var asked = episode.matches() ? Optional.of(new PublicCatalog.Address(episode.group(1), Optional.of(episode.group(2))))
                : show.matches() ? Optional.of(new PublicCatalog.Address(show.group(1), Optional.empty())) : Optional.<PublicCatalog.Address>empty();
        Optional<PublicCatalog.Address> moved;
        try {
            moved = asked.flatMap(address -> catalog.movedTo(address, Instant.now()));
        } catch (RuntimeException databaseDown) {
            moved = Optional.empty(); // the not-found page; the old address answers again once the database is back
        }
        if (moved.isPresent()) {
            var now = moved.get();
            MovedPermanently.send(response, urls.base(request) + now.episode().map(e -> PublicPaths.episodePage(now.show(), e))
                    .orElseGet(() -> PublicPaths.showPage(now.show())), request.getQueryString());
            return;
        }
        page.render("not-found", HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doPost(HttpServletRequest original, HttpServletResponse response) throws ServletException, IOException {
        var request = FormFields.read(original);
        var page = new Page(request, response);
        var refusal = FormFields.refusal(request);
        if (refusal.isPresent()) {
            page.fail(refusal.get().status(), "error", refusal.get().messageKey());
            return;
        }
        var rate = RATE.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (request.getServletPath().isEmpty() || !rate.matches()) {
            page.fail(HttpServletResponse.SC_NOT_FOUND, "not-found", "error.notFound");
            return;
        }
        var podcast = rate.group(1);
        var episode = Optional.ofNullable(rate.group(2));
        var outcome = ratingForm.submit(request, page.visitor, podcast, episode);
        if (outcome instanceof RatingForm.Thanked thanked) {
            page.thanked(urls.base(request) + "/podcasts/" + podcast + episode.map(e -> "/" + e).orElse(""), thanked);
        } else if (outcome instanceof RatingForm.Invalid invalid) {
            page.invalid(podcast, episode, invalid);
        } else if (outcome instanceof RatingForm.Refused refused) {
            refused.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", String.valueOf(wait.toSeconds())));
            var view = switch (refused.reason()) {
                case FOREIGN_FORM -> "forbidden";
                case NOT_FOUND -> "not-found";
                case TOO_MANY -> "too-many";
            };
            page.fail(refused.reason().status(), view, ErrorPagesServlet.messageKey(refused.reason().status()));
        }
    }

    /** One request's rendering context: locale, visitor, and how to answer (a page, or JSON for scripts). */
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
            this.visitor = ratingForm.visitor(request, response);
        }

        void render(String view, int status) throws ServletException, IOException {
            Config.set(request, Config.FMT_LOCALE, locale);
            request.setAttribute("lang", locale.getLanguage());
            request.setAttribute("csrf", ratingForm.csrfToken(visitor));
            request.setAttribute("base", urls.base(request));
            response.setStatus(status);
            response.setContentType("text/html; charset=utf-8");
            response.setHeader("Content-Language", locale.getLanguage());
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("Vary", "Accept-Language, Cookie");
            request.getRequestDispatcher("/WEB-INF/pages/" + view + ".jsp").forward(request, response);
        }

        void thanked(String back, RatingForm.Thanked thanked) throws IOException {
            if (wantsJson) {
                // "ok" for one release: a page loaded before the upgrade runs the old script, which
                // posts the form again when it does not find it.
                var json = Json.createObjectBuilder().add("ok", true)
                        .add("message", message(thanked.commentAwaitsReview() ? THANKS_REVIEW : THANKS));
                thanked.summary().ifPresent(s -> json.add("average", s.average()).add("count", s.count())
                        .add("summary", new MessageFormat(message("rating.average"), locale)
                                .format(new Object[] {new Formats(locale).average(s.average()), s.count()})));
                var bytes = json.build().toString().getBytes(StandardCharsets.UTF_8);
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("application/json; charset=utf-8");
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
                return;
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", back + (thanked.commentAwaitsReview() ? "?rated=review#rate" : "?rated=1#rate"));
        }

        /** Each field's message key (rating.error.{field}) next to the field, and what was typed kept. */
        void invalid(String podcast, Optional<String> episode, RatingForm.Invalid invalid) throws ServletException, IOException {
            var errors = messageKeysByField(invalid.violations());
            if (wantsJson) {
                var reasons = Json.createArrayBuilder();
                errors.forEach((field, key) -> reasons.add(Json.createObjectBuilder().add("field", field).add("reason", message(key))));
                var detail = String.join(" ", errors.values().stream().map(this::message).toList());
                problem(422, message("rating.invalid.title"), detail, reasons.build());
                return;
            }
            request.setAttribute("ratingErrors", errors);
            request.setAttribute("ratingStars", invalid.stars());
            request.setAttribute("ratingComment", invalid.comment());
            var found = episode.isPresent()
                    ? pages.episode(podcast, episode.get(), 1, views).map(e -> Map.entry("episode", (Object) e))
                    : pages.show(podcast, 1, 1, views).map(s -> Map.entry("show", (Object) s));
            if (found.isEmpty()) {
                render("not-found", HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            request.setAttribute(found.get().getKey(), found.get().getValue());
            render(found.get().getKey(), 422);
        }

        /** {@code messageKey}: error.*, whose .title and .text the page or the problem shows. */
        void fail(int status, String view, String messageKey) throws ServletException, IOException {
            if (wantsJson) {
                problem(status, message(messageKey + ".title"), message(messageKey + ".text"), null);
                return;
            }
            request.setAttribute("errorKey", messageKey);
            render(view, status);
        }

        private void problem(int status, String title, String detail, JsonArray errors) throws IOException {
            response.setHeader("Content-Language", locale.getLanguage());
            new Problem(status, title, detail, errors).writeTo(response);
        }

        private String message(String key) {
            return ResourceBundle.getBundle(Formats.BUNDLE, locale).getString(key);
        }
    }

    /** One message per field, in the order the rules were broken. */
    private static final String THANKS = "rating.thanks";
    private static final String THANKS_REVIEW = "rating.thanks.review";

    /** The thanks after a rating's redirect ({@code ?rated=1}, or {@code ?rated=review} when its comment waits), or none. */
    private static String thanksKey(HttpServletRequest request) {
        var rated = request.getParameter("rated");
        return rated == null ? "" : "review".equals(rated) ? THANKS_REVIEW : THANKS;
    }

    /** Which page of published comments ({@code ?comments=N}, from 1). */
    private static int commentsPage(HttpServletRequest request) {
        return FormFields.wholeNumber(request.getParameter("comments")).orElse(1);
    }

    private static Map<String, String> messageKeysByField(List<Violation> violations) {
        var keys = new LinkedHashMap<String, String>();
        violations.forEach(v -> keys.putIfAbsent(v.field(), "rating.error." + v.field()));
        return keys;
    }
}
