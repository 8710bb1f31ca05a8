package dev.chapitre.ratings.boundary;

import com.hazelcast.core.HazelcastInstance;
import dev.chapitre.platform.boundary.ClientAddress;
import dev.chapitre.platform.boundary.FormFields;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.ratings.control.ListenerKeys;
import dev.chapitre.ratings.control.RateLimiter;
import dev.chapitre.ratings.entity.Rating;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The listener's rating form, posted from a show's or an episode's page. It must come from our
 * page to this browser (its token matches the visitor cookie), from no bot (the honeypot field is
 * empty), from a network that has not sent too many this minute, and keep {@link Rating}'s rules;
 * then it is stored. The pages render the {@link Outcome} and know nothing of these checks.
 */
@ApplicationScoped
public class RatingForm {

    /** What became of a submission. */
    public sealed interface Outcome permits Thanked, Invalid, Refused {
    }

    /**
     * Stored; the target's new average, absent when a bot was thanked and nothing was stored, and
     * whether the comment waits for the producer's review (the listener is told it will appear later).
     */
    public record Thanked(Optional<Ratings.Summary> summary, boolean commentAwaitsReview) implements Outcome {
    }

    /** Breaks the rating's rules: every violation by field, and what was typed, to show again. */
    public record Invalid(List<Violation> violations, String stars, String comment) implements Outcome {
    }

    /** Not considered at all. */
    public record Refused(Reason reason) implements Outcome {

        public enum Reason {
            /** The form was not served by us to this browser (cross-site, or expired). */
            FOREIGN_FORM(403),
            /** No such show, or no published episode of that name. */
            NOT_FOUND(404),
            TOO_MANY(429);

            private final int status;

            Reason(int status) {
                this.status = status;
            }

            public int status() {
                return status;
            }
        }

        /** When the client may try again (Retry-After), for a refusal that passes. */
        public Optional<Duration> retryAfter() {
            return reason == Reason.TOO_MANY ? Optional.of(RateLimiter.WINDOW) : Optional.empty();
        }
    }

    static final String VISITOR_COOKIE = "chapitre_visitor";
    /** A field people do not see and leave empty; bots fill it in. */
    static final String HONEYPOT = "website";
    private static final int ATTEMPTS = 3;

    @Inject
    Ratings ratings;

    @Inject
    RatingKeys keys;

    @Inject
    ClientAddress clients;

    @Inject
    PublicUrls urls;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "CHAPITRE_RATING_LIMIT_PER_MINUTE", defaultValue = "10")
    int ratingsPerMinute;

    /** Per listener network, the times of its last minute's ratings: one budget for the whole cluster. */
    static final String RECENT_RATINGS = "chapitre.ratings.recent";

    @Inject
    HazelcastInstance grid;

    private RateLimiter limiter;

    @PostConstruct
    void createLimiter() {
        limiter = new RateLimiter(grid.getMap(RECENT_RATINGS), ratingsPerMinute, clock);
    }

    /** The listener this browser is (its visitor cookie), made up and set on the response for a new one. */
    public String visitor(HttpServletRequest request, HttpServletResponse response) {
        var known = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> VISITOR_COOKIE.equals(c.getName())).map(Cookie::getValue).filter(ListenerKeys::isVisitorId).findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        var visitor = ListenerKeys.newVisitorId();
        var cookie = new Cookie(VISITOR_COOKIE, visitor);
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setSecure(urls.base(request).startsWith("https:"));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return visitor;
    }

    /** The token the pages put in the form for this visitor. */
    public String csrfToken(String visitor) {
        return keys.keys().csrfToken(visitor);
    }

    /** The form's fields (already read: see FormFields) rating the show {@code podcast}, or one of its episodes. */
    public Outcome submit(HttpServletRequest form, String visitor, String podcast, Optional<String> episode) {
        if (!keys.keys().isCsrfToken(visitor, form.getParameter("csrf"))) {
            return new Refused(Refused.Reason.FOREIGN_FORM);
        }
        if (!Optional.ofNullable(form.getParameter(HONEYPOT)).orElse("").isEmpty()) {
            return new Thanked(Optional.empty(), false); // a bot: it is told all went well, nothing is stored
        }
        var address = clients.of(form);
        if (!limiter.tryAcquire(ClientAddress.networkOf(address))) {
            return new Refused(Refused.Reason.TOO_MANY);
        }
        var stars = Optional.ofNullable(form.getParameter("stars")).orElse("");
        var comment = Rating.normalized(Optional.ofNullable(form.getParameter("comment")).orElse(""));
        var number = FormFields.wholeNumber(stars);
        var violations = new Violations();
        Rating.check(number.orElse(stars.isBlank() ? null : -1), comment, violations); // not a number: out of range
        if (!violations.isEmpty()) { // checked before the transaction, which locks the target's totals
            return new Invalid(violations.list(), stars, comment);
        }
        var submission = new Ratings.Submission(podcast, episode, number.get(), comment, visitor, keys.keys().addressHash(address));
        try {
            var receipt = submit(submission);
            return new Thanked(Optional.of(receipt.summary()), receipt.commentAwaitsReview());
        } catch (InvalidInput invalid) {
            return new Invalid(invalid.violations(), stars, comment);
        } catch (ProblemException notFound) {
            return new Refused(Refused.Reason.NOT_FOUND);
        }
    }

    /**
     * A listener's double click can race with itself into the unique constraints (or a show's
     * first two ratings into its totals row): the retry finds what the other attempt made.
     */
    private Ratings.Receipt submit(Ratings.Submission submission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ratings.submit(submission);
            } catch (EJBException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
