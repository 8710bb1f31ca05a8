package dev.chapitre.web.boundary;

import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.platform.boundary.MovedPermanently;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.Locales;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.web.control.PageViews;
import dev.chapitre.web.control.Views.EpisodePage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.jstl.core.Config;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The player other sites put in an iframe: {@code /embed/{show}/{episode}}, a published episode's
 * audio with its chapters listed and clickable, light or dark ({@code ?theme=}, else the reader's
 * system choice), in French or English by the browser's language, with nothing fetched from
 * anyone else. The only address other sites may frame (SecurityHeaders). An old address of the
 * episode answers 301 to its new one, so a snippet pasted once keeps playing.
 */
@WebServlet("/embed/*")
public class EmbedServlet extends HttpServlet {

    private static final Pattern EPISODE = Pattern.compile("/" + Slug.CAPTURE + "/" + Slug.CAPTURE + "/?");
    private static final Set<String> THEMES = Set.of("light", "dark");

    @Inject
    PublicPages pages;

    @Inject
    PublicCatalog catalog;

    @Inject
    PublicUrls urls;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        var locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH : Locales.choose(request.getLocales());
        var matched = EPISODE.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
        var episode = matched.matches() ? pages.embedded(matched.group(1), matched.group(2), new PageViews(urls.base(request), locale))
                : Optional.<EpisodePage>empty();
        if (episode.isEmpty() && matched.matches()) {
            var moved = movedTo(matched.group(1), matched.group(2));
            if (moved.isPresent()) {
                MovedPermanently.send(response, urls.base(request) + "/embed/" + moved.get().show() + "/" + moved.get().episode().orElseThrow(),
                        request.getQueryString());
                return;
            }
        }
        Config.set(request, Config.FMT_LOCALE, locale);
        request.setAttribute("lang", locale.getLanguage());
        request.setAttribute("theme", Optional.ofNullable(request.getParameter("theme")).filter(THEMES::contains).orElse("auto"));
        episode.ifPresent(found -> request.setAttribute("episode", found));
        response.setStatus(episode.isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Content-Language", locale.getLanguage());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Language");
        request.getRequestDispatcher("/WEB-INF/pages/embed.jsp").forward(request, response);
    }

    /** Where an episode's old address leads now, if anywhere (never a show's page: an embed plays one episode). */
    private Optional<PublicCatalog.Address> movedTo(String show, String episode) {
        try {
            return catalog.movedTo(new PublicCatalog.Address(show, Optional.of(episode)), Instant.now())
                    .filter(address -> address.episode().isPresent());
        } catch (RuntimeException databaseDown) {
            return Optional.empty(); // not found for now; the old address answers again once the database is back
        }
    }
}
