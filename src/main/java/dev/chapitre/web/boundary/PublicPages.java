package dev.chapitre.web.boundary;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.ratings.boundary.Ratings;
import dev.chapitre.web.control.PageViews;
import dev.chapitre.web.control.Views.EpisodePage;
import dev.chapitre.web.control.Views.ShowCard;
import dev.chapitre.web.control.Views.ShowPage;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the public pages read: shows, their published episodes, and ratings. Never drafts or scheduled episodes. */
@Stateless
@PermitAll
public class PublicPages {

    public static final int EPISODES_PER_PAGE = 20;
    static final int OTHER_EPISODES = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    Ratings ratings;

    public List<ShowCard> shows(PageViews views) {
        return em.createQuery("SELECT p FROM Podcast p ORDER BY p.title", Podcast.class).getResultList().stream()
                .map(podcast -> card(podcast, views)).toList();
    }

    /** A show's page; {@code page} counts from 1 and is clamped to the pages there are. */
    public Optional<ShowPage> show(String slug, int page, PageViews views) {
        return podcast(slug).map(podcast -> {
            var now = Instant.now();
            long published = em.createQuery("SELECT COUNT(e) FROM Episode e WHERE e.podcast = :podcast AND e.publishedAt <= :now", Long.class)
                    .setParameter("podcast", podcast).setParameter("now", now).getSingleResult();
            int pages = (int) Math.max(1, (published + EPISODES_PER_PAGE - 1) / EPISODES_PER_PAGE);
            int current = Math.min(Math.max(1, page), pages);
            var episodes = em.createNamedQuery(Episode.PUBLISHED_OF_PODCAST, Episode.class)
                    .setParameter("podcast", podcast).setParameter("now", now)
                    .setFirstResult((current - 1) * EPISODES_PER_PAGE).setMaxResults(EPISODES_PER_PAGE).getResultList();
            return views.showPage(card(podcast, views), podcast, episodes, current, pages);
        });
    }

    /** A published episode's page with a few other episodes of the show. */
    public Optional<EpisodePage> episode(String podcastSlug, String episodeSlug, PageViews views) {
        var now = Instant.now();
        return podcast(podcastSlug).flatMap(podcast -> em.createNamedQuery(Episode.BY_SLUG, Episode.class)
                        .setParameter("podcast", podcast).setParameter("slug", episodeSlug).getResultStream().findFirst())
                .filter(episode -> episode.status(now) == Episode.Status.PUBLISHED)
                .map(episode -> {
                    var others = em.createNamedQuery(Episode.PUBLISHED_OF_PODCAST, Episode.class)
                            .setParameter("podcast", episode.podcast()).setParameter("now", now)
                            .setMaxResults(OTHER_EPISODES + 1).getResultStream()
                            .filter(other -> !other.id().equals(episode.id())).limit(OTHER_EPISODES).toList();
                    var rating = ratings.ofEpisode(episode.podcast().id(), episode.id());
                    return views.episodePage(card(episode.podcast(), views), episode, others, rating.average(), rating.count());
                });
    }

    private ShowCard card(Podcast podcast, PageViews views) {
        var rating = ratings.ofShow(podcast.id());
        return views.card(podcast, rating.average(), rating.count());
    }

    private Optional<Podcast> podcast(String slug) {
        return em.createNamedQuery(Podcast.BY_SLUG, Podcast.class).setParameter("slug", slug).getResultStream().findFirst();
    }
}
