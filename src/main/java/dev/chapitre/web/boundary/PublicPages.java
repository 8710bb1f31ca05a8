package dev.chapitre.web.boundary;

import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.ratings.boundary.Ratings;
import dev.chapitre.transcripts.boundary.PublicTranscripts;
import dev.chapitre.web.control.PageViews;
import dev.chapitre.web.control.Views.CommentsView;
import dev.chapitre.web.control.Views.EpisodePage;
import dev.chapitre.web.control.Views.ShowCard;
import dev.chapitre.web.control.Views.ShowPage;
import dev.chapitre.web.control.Views.TranscriptView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the public pages show: what {@link PublicCatalog} lets the public see, with its ratings and transcripts. */
@Stateless
@PermitAll
public class PublicPages {

    public static final int EPISODES_PER_PAGE = 20;
    public static final int COMMENTS_PER_PAGE = 10;
    static final int OTHER_EPISODES = 5;

    @Inject
    PublicCatalog catalog;

    @Inject
    Ratings ratings;

    @Inject
    PublicTranscripts transcripts;

    @Inject
    ReadAlongViews readAlong;

    public List<ShowCard> shows(PageViews views) {
        return catalog.shows().stream().map(podcast -> card(podcast, views)).toList();
    }

    /** A show's page; {@code page} (of episodes) and {@code commentsPage} count from 1 and are clamped to the pages there are. */
    public Optional<ShowPage> show(String slug, int page, int commentsPage, PageViews views) {
        return catalog.show(slug).map(podcast -> {
            var now = Instant.now();
            long published = catalog.episodeCount(podcast, now);
            int pages = (int) Math.max(1, (published + EPISODES_PER_PAGE - 1) / EPISODES_PER_PAGE);
            int current = Math.min(Math.max(1, page), pages);
            var episodes = catalog.episodes(podcast, now, (current - 1) * EPISODES_PER_PAGE, EPISODES_PER_PAGE);
            return views.showPage(card(podcast, views), podcast, episodes, current, pages,
                    comments(podcast.id(), Optional.empty(), commentsPage, views));
        });
    }

    /** A published episode's page with a few other episodes of the show, and a page of its published comments. */
    public Optional<EpisodePage> episode(String podcastSlug, String episodeSlug, int commentsPage, PageViews views) {
        var now = Instant.now();
        return catalog.episode(podcastSlug, episodeSlug, now)
                .map(episode -> {
                    var others = catalog.episodes(episode.podcast(), now, 0, OTHER_EPISODES + 1).stream()
                            .filter(other -> !other.id().equals(episode.id())).limit(OTHER_EPISODES).toList();
                    var rating = ratings.ofEpisode(episode.podcast().id(), episode.id());
                    var transcript = episode.transcriptLanguage().flatMap(language -> readAlong.get(
                            String.join(" ", views.base(), episode.etag(), episode.podcast().updatedAt().toString()),
                            () -> transcripts.of(episode).map(stored -> views.transcript(episode, stored)))).orElse(TranscriptView.NONE);
                    return views.episodePage(card(episode.podcast(), views), episode, others, rating.average(), rating.count(),
                            transcript, comments(episode.podcast().id(), Optional.of(episode.id()), commentsPage, views));
                });
    }

    /** A published episode as the embedded player shows it: no other episodes, no transcript. */
    public Optional<EpisodePage> embedded(String podcastSlug, String episodeSlug, PageViews views) {
        return catalog.episode(podcastSlug, episodeSlug, Instant.now()).map(episode -> views.episodePage(card(episode.podcast(), views),
                episode, List.of(), 0, 0, TranscriptView.NONE, CommentsView.NONE));
    }

    private CommentsView comments(long podcastId, Optional<Long> episodeId, int page, PageViews views) {
        long count = ratings.publishedCommentCount(podcastId, episodeId);
        int pages = (int) Math.max(1, (count + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE);
        int current = Math.min(Math.max(1, page), pages);
        return views.comments(ratings.publishedComments(podcastId, episodeId, (current - 1) * COMMENTS_PER_PAGE, COMMENTS_PER_PAGE),
                current, pages, count);
    }

    private ShowCard card(Podcast podcast, PageViews views) {
        var rating = ratings.ofShow(podcast.id());
        return views.card(podcast, rating.average(), rating.count());
    }
}
