package dev.chapitre.web.boundary;

import dev.chapitre.downloads.boundary.DownloadStats;
import dev.chapitre.episodes.boundary.EpisodeJson;
import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.boundary.Uploads;
import dev.chapitre.platform.boundary.FormFields;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.podcasts.boundary.PodcastJson;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.podcasts.boundary.Teams;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.ratings.boundary.Ratings;
import dev.chapitre.ratings.entity.Rating;
import dev.chapitre.security.boundary.ProducerAuthentication;
import dev.chapitre.security.boundary.Producers;
import dev.chapitre.security.boundary.Tokens;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.entity.Producer;
import dev.chapitre.web.control.CategoryChoices;
import dev.chapitre.web.control.DayFormat;
import dev.chapitre.web.control.DownloadChart;
import dev.chapitre.web.control.ShowReadiness;
import dev.chapitre.web.control.StatisticsPeriod;
import dev.chapitre.web.control.StudioMessages;
import dev.chapitre.web.control.StudioViews;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.jstl.core.Config;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The producer's studio: the pages of shows, episodes, the chapter editor and the producers
 * (admin); signing in and out is security's (SignInServlet). The pages' forms and the editor write
 * through the producer API ({@code /api}) with the session cookie and the CSRF token, so the studio keeps
 * exactly the API's rules and messages. Access: a show or episode of another producer is a 404,
 * as in the API.
 */
@WebServlet("/studio/*")
public class StudioServlet extends HttpServlet {

    private static final String SLUG = Slug.CAPTURE;
    private static final Pattern SHOW = Pattern.compile("/shows/" + SLUG + "/?");
    private static final Pattern IMPORT = Pattern.compile("/imports/([0-9a-f-]{36})/?");
    private static final Pattern NEW_EPISODE = Pattern.compile("/shows/" + SLUG + "/new-episode/?");
    private static final Pattern EPISODE = Pattern.compile("/shows/" + SLUG + "/episodes/" + SLUG + "/?");
    private static final Pattern CHAPTERS = Pattern.compile("/shows/" + SLUG + "/episodes/" + SLUG + "/chapters/?");
    private static final Pattern STATISTICS = Pattern.compile("/shows/" + SLUG + "/statistics/?");
    private static final Pattern COMMENTS = Pattern.compile("/shows/" + SLUG + "/comments/?");
    static final int COMMENTS_PER_PAGE = 20;

    @Inject
    Podcasts podcasts;

    @Inject
    Episodes episodes;

    @Inject
    Producers producers;

    @Inject
    DownloadStats stats;

    @Inject
    Tokens tokens;

    @Inject
    Ratings ratings;

    @Inject
    Teams teams;

    @Inject
    Caller caller;

    @Inject
    Uploads uploads;

    @Inject
    PublicUrls urls;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        var path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        try {
            route(path, request, response);
        } catch (ProblemException notYours) {
            render(request, response, "not-found", HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void route(String path, HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        var now = Instant.now();
        if (path.equals("/")) {
            request.setAttribute("shows", podcasts.mine().stream().map(p -> StudioViews.show(p, urls)).toList());
            request.setAttribute("awaitingComments", ratings.awaitingCommentsOfMine());
            request.setAttribute("invitations", teams.invitations().stream().map(StudioViews::invitation).toList());
            request.setAttribute("myId", caller.producer().id());
            render(request, response, "shows", HttpServletResponse.SC_OK);
            return;
        }
        if (path.equals("/new-show") || path.equals("/new-show/")) {
            request.setAttribute("data", "{}");
            showChoices(request);
            render(request, response, "show", HttpServletResponse.SC_OK);
            return;
        }
        if (path.equals("/import") || path.equals("/import/")) {
            render(request, response, "import", HttpServletResponse.SC_OK);
            return;
        }
        var watched = IMPORT.matcher(path);
        if (watched.matches()) { // the job's own checks (yours, or not found) run when the page asks the API
            request.setAttribute("data", Json.createObjectBuilder().add("importId", watched.group(1)).build().toString());
            render(request, response, "import", HttpServletResponse.SC_OK);
            return;
        }
        if (path.equals("/account") || path.equals("/account/")) {
            request.setAttribute("producerEmail", caller.producer().email());
            request.setAttribute("tokens", tokens.mine());
            render(request, response, "account", HttpServletResponse.SC_OK);
            return;
        }
        if (path.equals("/producers") || path.equals("/producers/")) {
            if (!request.isUserInRole("admin")) {
                render(request, response, "forbidden", HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            var all = producers.all();
            request.setAttribute("producers", all);
            request.setAttribute("access", all.stream().collect(Collectors.toMap(Producer::id, producer -> producers.access(producer.id()))));
            render(request, response, "producers", HttpServletResponse.SC_OK);
            return;
        }
        var show = SHOW.matcher(path);
        if (show.matches()) {
            var podcast = podcasts.editable(show.group(1));
            var view = StudioViews.show(podcast, urls);
            var rows = episodes.of(podcast.slug()).stream().map(e -> StudioViews.episode(e, now)).toList();
            var readiness = ShowReadiness.of(podcast, rows, view.feedUrl());
            request.setAttribute("show", view);
            request.setAttribute("episodes", rows);
            request.setAttribute("readiness", readiness);
            request.setAttribute("ready", ShowReadiness.ready(readiness));
            request.setAttribute("awaitingComments", ratings.commentCounts(podcast.slug()).get(Rating.CommentState.AWAITING));
            request.setAttribute("team", StudioViews.team(podcast));
            request.setAttribute("isOwner", podcast.isOwnedBy(caller.producer()));
            request.setAttribute("myId", caller.producer().id());
            showChoices(request);
            request.setAttribute("data", StudioViews.json(PodcastJson.of(podcast, urls)));
            request.setAttribute("etag", podcast.etag());
            render(request, response, "show", HttpServletResponse.SC_OK);
            return;
        }
        var newEpisode = NEW_EPISODE.matcher(path);
        if (newEpisode.matches()) {
            request.setAttribute("show", StudioViews.show(podcasts.editable(newEpisode.group(1)), urls));
            request.setAttribute("data", "{}");
            request.setAttribute("maxUploadBytes", uploads.maxUploadBytes());
            render(request, response, "episode", HttpServletResponse.SC_OK);
            return;
        }
        var episode = EPISODE.matcher(path);
        if (episode.matches()) {
            var found = episodes.owned(episode.group(1), episode.group(2));
            episodePage(request, found, now);
            request.setAttribute("maxUploadBytes", uploads.maxUploadBytes());
            render(request, response, "episode", HttpServletResponse.SC_OK);
            return;
        }
        var chapters = CHAPTERS.matcher(path);
        if (chapters.matches()) {
            episodePage(request, episodes.owned(chapters.group(1), chapters.group(2)), now);
            render(request, response, "chapters", HttpServletResponse.SC_OK);
            return;
        }
        var statistics = STATISTICS.matcher(path);
        if (statistics.matches()) {
            statisticsPage(request, podcasts.editable(statistics.group(1)));
            render(request, response, "statistics", HttpServletResponse.SC_OK);
            return;
        }
        var comments = COMMENTS.matcher(path);
        if (comments.matches()) {
            commentsPage(request, podcasts.editable(comments.group(1)));
            render(request, response, "comments", HttpServletResponse.SC_OK);
            return;
        }
        render(request, response, "not-found", HttpServletResponse.SC_NOT_FOUND);
    }

    /** The listener comments of one state (the review queue first), a page at a time, and the show's comment policy. */
    private void commentsPage(HttpServletRequest request, Podcast podcast) {
        var state = parameter(request, "state").flatMap(StudioViews::commentState).orElse(Rating.CommentState.AWAITING);
        var counts = ratings.commentCounts(podcast.slug());
        int pages = (int) Math.max(1, (counts.get(state) + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE);
        int page = Math.min(Math.max(1, parameter(request, "page").flatMap(FormFields::wholeNumber).orElse(1)), pages);
        var slugs = ratings.episodeSlugs(podcast.slug());
        var titles = episodes.of(podcast.slug()).stream().collect(Collectors.toMap(Episode::slug, Episode::title));
        request.setAttribute("show", StudioViews.show(podcast, urls));
        request.setAttribute("state", StudioViews.name(state));
        request.setAttribute("counts", StudioViews.commentCounts(counts));
        request.setAttribute("page", page);
        request.setAttribute("pages", pages);
        request.setAttribute("comments", ratings.comments(podcast.slug(), state, (page - 1) * COMMENTS_PER_PAGE, COMMENTS_PER_PAGE)
                .stream().map(rating -> StudioViews.comment(rating, slugs, titles)).toList());
        request.setAttribute("policy", ratings.commentPolicy(podcast.slug()));
    }

    /** A show's downloads (or one episode's) over the chosen days, its apps, and its episodes' first days side by side. */
    private void statisticsPage(HttpServletRequest request, Podcast podcast) {
        var today = LocalDate.now(ZoneOffset.UTC);
        var locale = locale(request);
        var period = StatisticsPeriod.of(parameter(request, "from"), parameter(request, "to"), today, locale);
        var launches = stats.launches(podcast.slug(), today);
        var episode = parameter(request, "episode").filter(slug -> launches.stream().anyMatch(launch -> launch.slug().equals(slug)));
        var counts = episode.isPresent() ? stats.ofEpisode(podcast.slug(), episode.get(), period.from(), period.to())
                : stats.ofShow(podcast.slug(), period.from(), period.to());
        var perDay = counts.everyDay(period.from(), period.to());
        request.setAttribute("show", StudioViews.show(podcast, urls));
        request.setAttribute("period", period);
        request.setAttribute("episodeSlug", episode.orElse(""));
        request.setAttribute("counts", counts);
        request.setAttribute("perDay", perDay.entrySet().stream().toList());
        request.setAttribute("chart", DownloadChart.svg(perDay,
                StudioMessages.text(locale, "stats.chart", new DayFormat(locale).of(period.from()), new DayFormat(locale).of(period.to())), locale));
        request.setAttribute("launches", launches);
    }

    /** The studio's language for this request, as {@link StudioLanguage} chose it. */
    private static Locale locale(HttpServletRequest request) {
        return Config.get(request, Config.FMT_LOCALE) instanceof Locale chosen ? chosen : Locale.ENGLISH;
    }

    private static Optional<String> parameter(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name)).filter(value -> !value.isBlank());
    }

    /** The show form's lists: Apple's categories with their subcategories, and languages by their own names. */
    private static void showChoices(HttpServletRequest request) {
        request.setAttribute("categories", CategoryChoices.in(locale(request)));
        request.setAttribute("languages", StudioViews.LANGUAGES);
    }

    private void episodePage(HttpServletRequest request, Episode episode, Instant now) {
        request.setAttribute("show", StudioViews.show(episode.podcast(), urls));
        request.setAttribute("episode", StudioViews.episode(episode, now));
        request.setAttribute("data", StudioViews.json(EpisodeJson.of(episode, urls)));
        request.setAttribute("etag", episode.etag());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        render(request, response, "not-found", HttpServletResponse.SC_NOT_FOUND); // the pages write through the API
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String view, int status)
            throws ServletException, IOException {
        ProducerAuthentication.csrfTokenOf(request).ifPresent(csrf -> {
            request.setAttribute("csrf", csrf);
            var producer = caller.producer();
            request.setAttribute("producerName", producer.name());
            request.setAttribute("isAdmin", producer.isAdmin());
        });
        request.setAttribute("base", urls.base(request));
        request.setAttribute("slugPattern", Slug.PATTERN); // the browser checks the same rule as the API
        if (request.getAttribute("data") == null) {
            request.setAttribute("data", Json.createObjectBuilder().build().toString());
        }
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/WEB-INF/pages/studio/" + view + ".jsp").forward(request, response);
    }
}
