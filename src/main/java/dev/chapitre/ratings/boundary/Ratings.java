package dev.chapitre.ratings.boundary;

import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.ratings.control.AddressAllowance;
import dev.chapitre.ratings.entity.CommentPolicy;
import dev.chapitre.ratings.entity.Rating;
import dev.chapitre.ratings.entity.RatingTotal;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Listeners rate (anyone may, through the form); producers read, approve and hide. Each show and
 * episode has running totals updated in the same transaction as its ratings, so pages read one
 * row, and concurrent submissions add up exactly. New ratings from one address beyond its daily
 * allowance per target are stored but held for the producer's review.
 */
@Stateless
@PermitAll
public class Ratings {

    /** Average stars and how many ratings, hidden ones left out. */
    public record Summary(double average, long count) {

        public static final Summary NONE = new Summary(0, 0);
    }

    /** What a listener is told: the new average, and whether their comment waits for the producer's review. */
    public record Receipt(Summary summary, boolean commentAwaitsReview) {
    }

    /** A listener's submission; the episode is absent when the show itself is rated. */
    public record Submission(String podcast, Optional<String> episode, int stars, String comment, String visitorId,
                             String addressHash) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Podcasts podcasts;

    @Inject
    Episodes episodes;

    @Inject
    PublicCatalog catalog;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "CHAPITRE_RATING_LIMIT_PER_DAY", defaultValue = "3")
    int ratingsPerAddressAndDay;

    /**
     * Records a rating, or updates the listener's earlier one for the same target (found by their
     * cookie only: someone else behind the same address is someone else); 404 for an unknown or
     * unpublished episode. The answer is the same whether the rating counts or is held.
     */
    public Receipt submit(Submission submission) {
        var now = clock.instant();
        var podcast = publicShow(submission.podcast());
        var episode = submission.episode().map(slug -> publishedEpisode(podcast, slug, now));
        var target = Rating.target(podcast.id(), episode.map(Episode::id));
        var targets = totalsOf(podcast.id(), episode.map(Episode::id)); // first: what follows reads what the one before committed
        episode.ifPresent(rated -> publishedEpisode(podcast, rated.slug(), now)); // still there: a deletion takes these locks too
        var earlier = earlier(target, submission.visitorId());
        var policy = commentPolicyOf(podcast.id());
        Rating rating;
        if (earlier.isPresent()) {
            rating = earlier.get();
            var before = rating.contribution();
            rating.change(submission.stars(), submission.comment(), now, policy);
            add(targets, rating.contribution().minus(before));
        } else {
            rating = new Rating(podcast.id(), episode.map(Episode::id), submission.visitorId(), submission.addressHash(),
                    submission.stars(), submission.comment(), now, policy);
            var allowance = new AddressAllowance(ratingsPerAddressAndDay);
            if (allowance.holds(fromAddressSince(target, submission.addressHash(), allowance.windowStart(now)))) {
                rating.holdForReview();
            }
            em.persist(rating);
            add(targets, rating.contribution());
        }
        em.flush(); // a concurrent twin of this submission fails here, inside the caller's retry
        return new Receipt(summary(targets.get(targets.size() - 1)),
                rating.commentState().filter(state -> state == Rating.CommentState.AWAITING).isPresent());
    }

    private Optional<Rating> earlier(String target, String visitorId) {
        return em.createQuery("SELECT r FROM Rating r WHERE r.target = :target AND r.visitorId = :visitor", Rating.class)
                .setParameter("target", target).setParameter("visitor", visitorId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** Read while the target's totals row is locked, so that concurrent ratings from one address are counted one after the other. */
    private long fromAddressSince(String target, String addressHash, Instant since) {
        return em.createQuery("SELECT COUNT(r) FROM Rating r WHERE r.target = :target AND r.addressHash = :address "
                        + "AND r.createdAt >= :since", Long.class)
                .setParameter("target", target).setParameter("address", addressHash).setParameter("since", since).getSingleResult();
    }

    /** The show's own ratings and its episodes'. */
    public Summary ofShow(long podcastId) {
        return summary(Rating.target(podcastId, Optional.empty()));
    }

    public Summary ofEpisode(long podcastId, long episodeId) {
        return summary(Rating.target(podcastId, Optional.of(episodeId)));
    }

    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Summary ofOwned(String podcast, Optional<String> episode) {
        var owned = podcasts.editable(podcast);
        return summary(Rating.target(owned.id(), episode.map(slug -> episodes.owned(podcast, slug).id())));
    }

    /** The ratings of a producer's show (or of one episode) in any state or in one, newest first. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public List<Rating> list(String podcast, Optional<String> episode, Optional<Rating.State> state) {
        return ofScope("SELECT r", podcast, episode, state, " ORDER BY r.updatedAt DESC, r.id DESC", Rating.class).getResultList();
    }

    /** How many ratings of a producer's show (or of one episode) wait for review. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public long held(String podcast, Optional<String> episode) {
        return ofScope("SELECT COUNT(r)", podcast, episode, Optional.of(Rating.State.HELD), "", Long.class).getSingleResult();
    }

    /** A query over the ratings of a producer's show, its episodes' included, or of one episode. */
    private <T> TypedQuery<T> ofScope(String select, String podcast, Optional<String> episode, Optional<Rating.State> state,
                                      String order, Class<T> type) {
        var owned = podcasts.editable(podcast);
        var episodeId = episode.map(slug -> episodes.owned(podcast, slug).id());
        var query = em.createQuery(select + " FROM Rating r WHERE r.podcastId = :podcast"
                + (episodeId.isPresent() ? " AND r.episodeId = :episode" : "")
                + state.map(s -> " AND " + s.condition("r")).orElse("") + order, type)
                .setParameter("podcast", owned.id());
        episodeId.ifPresent(id -> query.setParameter("episode", id));
        return query;
    }

    /** Hides a rating from pages and averages (it stays listed for the producer). */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Rating hide(String podcast, long ratingId) {
        return moderate(podcast, ratingId, Rating::hide);
    }

    /** Makes a held (or hidden) rating count in the averages. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Rating approve(String podcast, long ratingId) {
        return moderate(podcast, ratingId, Rating::approve);
    }

    /** Shows the comment on the public pages; a held rating counts from then on too (the producer vouched for it). */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Rating publishComment(String podcast, long ratingId) {
        return moderateComment(podcast, ratingId, Rating::publishComment);
    }

    /** Takes the comment off the public pages (or keeps it off); the stars are left as they were. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Rating hideComment(String podcast, long ratingId) {
        return moderateComment(podcast, ratingId, Rating::hideComment);
    }

    /** Erases the comment's words for good; the stars stay. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Rating deleteComment(String podcast, long ratingId) {
        return moderateComment(podcast, ratingId, Rating::deleteComment);
    }

    private Rating moderateComment(String podcast, long ratingId, Consumer<Rating> decision) {
        return moderate(podcast, ratingId, rating -> {
            if (rating.comment().isEmpty()) { // read after the refresh: a comment deleted meanwhile is gone
                throw ProblemException.notFound("ratings.comment.none", ratingId, podcast);
            }
            decision.accept(rating);
        });
    }

    /** The comments of a producer's show in one state, its episodes' included, newest first. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public List<Rating> comments(String podcast, Rating.CommentState state, int offset, int limit) {
        return em.createQuery("SELECT r FROM Rating r WHERE r.podcastId = :podcast AND r.commentState = :state"
                        + " ORDER BY r.updatedAt DESC, r.id DESC", Rating.class)
                .setParameter("podcast", podcasts.editable(podcast).id()).setParameter("state", state)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many comments of a producer's show are in each state (the studio's navigation shows those awaiting review). */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Map<Rating.CommentState, Long> commentCounts(String podcast) {
        var counts = new EnumMap<Rating.CommentState, Long>(Rating.CommentState.class);
        for (var state : Rating.CommentState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("SELECT r.commentState, COUNT(r) FROM Rating r WHERE r.podcastId = :podcast AND r.commentState IS NOT NULL"
                        + " GROUP BY r.commentState", Object[].class).setParameter("podcast", podcasts.editable(podcast).id())
                .getResultList().forEach(row -> counts.put((Rating.CommentState) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** How many comments wait for review in each of the caller's shows that has some, by the show's slug. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Map<String, Long> awaitingCommentsOfMine() {
        var slugs = new HashMap<Long, String>();
        podcasts.mine().forEach(podcast -> slugs.put(podcast.id(), podcast.slug()));
        var awaiting = new HashMap<String, Long>();
        if (slugs.isEmpty()) {
            return awaiting;
        }
        em.createQuery("SELECT r.podcastId, COUNT(r) FROM Rating r WHERE r.podcastId IN :shows AND r.commentState = :awaiting"
                        + " GROUP BY r.podcastId", Object[].class)
                .setParameter("shows", slugs.keySet()).setParameter("awaiting", Rating.CommentState.AWAITING)
                .getResultList().forEach(row -> awaiting.put(slugs.get((Long) row[0]), ((Number) row[1]).longValue()));
        return awaiting;
    }

    /** The published comments of a show's own page (no episode) or of one episode's, newest first. */
    public List<Rating> publishedComments(long podcastId, Optional<Long> episodeId, int offset, int limit) {
        return em.createQuery("SELECT r FROM Rating r WHERE r.target = :target AND " + PUBLIC_COMMENT
                        + " ORDER BY r.updatedAt DESC, r.id DESC", Rating.class)
                .setParameter("target", Rating.target(podcastId, episodeId)).setParameter("published", Rating.CommentState.PUBLISHED)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long publishedCommentCount(long podcastId, Optional<Long> episodeId) {
        return em.createQuery("SELECT COUNT(r) FROM Rating r WHERE r.target = :target AND " + PUBLIC_COMMENT, Long.class)
                .setParameter("target", Rating.target(podcastId, episodeId)).setParameter("published", Rating.CommentState.PUBLISHED)
                .getSingleResult();
    }

    /** A published comment of a rating the producer hid (through the API) is not shown either. */
    private static final String PUBLIC_COMMENT = "r.commentState = :published AND r.hidden = false";

    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public CommentPolicy commentPolicy(String podcast) {
        return commentPolicyOf(podcasts.editable(podcast).id());
    }

    /** Applies to comments written or changed from now on: those waiting stay in the queue. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public CommentPolicy changeCommentPolicy(String podcast, boolean publishWithoutReview, List<String> heldWords) {
        var podcastId = podcasts.editable(podcast).id();
        var policy = Optional.ofNullable(em.find(CommentPolicy.class, podcastId)).orElseGet(() -> {
            var fresh = new CommentPolicy(podcastId);
            em.persist(fresh);
            return fresh;
        });
        policy.change(publishWithoutReview, heldWords);
        return policy;
    }

    private CommentPolicy commentPolicyOf(long podcastId) {
        return Optional.ofNullable(em.find(CommentPolicy.class, podcastId)).orElseGet(() -> new CommentPolicy(podcastId));
    }

    /** The totals move by exactly what the rating's contribution changed: nothing when it was already in that state. */
    private Rating moderate(String podcast, long ratingId, Consumer<Rating> decision) {
        var owned = podcasts.editable(podcast);
        var rating = Optional.ofNullable(em.find(Rating.class, ratingId)).filter(r -> r.podcastId() == owned.id())
                .orElseThrow(() -> ProblemException.notFound("ratings.rating.notFound", podcast, ratingId));
        var targets = totalsOf(owned.id(), rating.episodeId());
        try {
            em.refresh(rating); // as the transaction before this one left it: two approvals of one rating add it once
        } catch (EntityNotFoundException deletedMeanwhile) {
            throw ProblemException.notFound("ratings.rating.notFound", podcast, ratingId);
        }
        var before = rating.contribution();
        decision.accept(rating);
        add(targets, rating.contribution().minus(before));
        return rating;
    }

    /** Slugs of the episodes that ratings point to, for the producer's list. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Map<Long, String> episodeSlugs(String podcast) {
        var owned = podcasts.editable(podcast);
        var slugs = new HashMap<Long, String>();
        em.createQuery("SELECT e.id, e.slug FROM Episode e WHERE e.podcast = :podcast", Object[].class)
                .setParameter("podcast", owned).getResultList().forEach(row -> slugs.put((Long) row[0], (String) row[1]));
        return slugs;
    }

    /**
     * The targets whose totals a rating counts in: the show, and its episode when it rates one
     * (that one last), their rows locked until the commit, so that ratings of one target (and the
     * address counts they read) go one after the other.
     */
    private List<String> totalsOf(long podcastId, Optional<Long> episodeId) {
        var targets = new ArrayList<String>();
        targets.add(Rating.target(podcastId, Optional.empty()));
        episodeId.ifPresent(id -> targets.add(Rating.target(podcastId, Optional.of(id))));
        for (var target : targets) {
            if (em.find(RatingTotal.class, target) == null) {
                em.persist(new RatingTotal(podcastId, target)); // a concurrent first rating makes one of the two retry
                em.flush();
            }
        }
        // Locked the way the increments lock them, by an UPDATE, which waits for the transactions
        // that hold the rows: a PESSIMISTIC_WRITE find did not keep two racing ratings from one
        // address from each missing the other (RatingsIT's racing test).
        lock(em, targets);
        return targets;
    }

    /**
     * Takes the totals rows of {@code targets} until the commit (also for a deletion's cleanup), one
     * by one in the order of their names: one UPDATE over both rows locks them in the order its plan
     * meets them, which on PostgreSQL changes as each update writes a new version of a row, and two
     * ratings of one episode then deadlocked (RatingsIT's 300 listeners at once).
     */
    static void lock(EntityManager em, List<String> targets) {
        targets.stream().sorted().forEach(target -> em.createQuery(
                "UPDATE RatingTotal t SET t.ratingCount = t.ratingCount WHERE t.target = :target").setParameter("target", target).executeUpdate());
    }

    /** Atomic increments: concurrent submissions queue on the row, none is lost. */
    private void add(List<String> targets, Rating.Contribution change) {
        if (change.isNone()) {
            return;
        }
        em.createQuery("UPDATE RatingTotal t SET t.starsSum = t.starsSum + :stars, t.ratingCount = t.ratingCount + :count "
                + "WHERE t.target IN :targets").setParameter("stars", change.stars()).setParameter("count", change.count())
                .setParameter("targets", targets).executeUpdate();
    }

    /** Read from the database, not the persistence context (which a bulk update does not refresh). */
    private Summary summary(String target) {
        return em.createQuery("SELECT t.starsSum, t.ratingCount FROM RatingTotal t WHERE t.target = :target", Object[].class)
                .setParameter("target", target).getResultStream().findFirst()
                .filter(row -> ((Number) row[1]).longValue() > 0)
                .map(row -> new Summary(((Number) row[0]).doubleValue() / ((Number) row[1]).longValue(), ((Number) row[1]).longValue()))
                .orElse(Summary.NONE);
    }

    private Podcast publicShow(String slug) {
        return catalog.show(slug).orElseThrow(() -> ProblemException.notFound("ratings.show.notFound", slug));
    }

    private Episode publishedEpisode(Podcast podcast, String slug, Instant now) {
        return catalog.episode(podcast, slug, now)
                .orElseThrow(() -> ProblemException.notFound("ratings.episode.notFound", podcast.slug(), slug));
    }
}
