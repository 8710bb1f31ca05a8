package dev.chapitre.ratings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.ratings.entity.Rating.CommentState;
import dev.chapitre.ratings.entity.Rating.Contribution;
import dev.chapitre.ratings.entity.Rating.State;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a rating adds to its show's and episode's totals, in each state and through each change. */
class RatingTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00.123456789Z");
    static final CommentPolicy REVIEW = new CommentPolicy(12);

    static CommentPolicy publishingExcept(String... words) {
        var policy = new CommentPolicy(12);
        policy.change(true, List.of(words));
        return policy;
    }

    static Rating rating(int stars) {
        return new Rating(12, Optional.of(34L), "a".repeat(32), "address-hash", stars, " Bien \r\n", NOW, REVIEW);
    }

    @Test
    void aNewRatingCountsItsStarsOnce() {
        var rating = rating(4);
        assertEquals(State.COUNTED, rating.state());
        assertEquals(new Contribution(4, 1), rating.contribution());
        assertEquals("episode:34", Rating.target(12, Optional.of(34L)));
        assertEquals(Optional.of("Bien"), rating.comment());
        assertEquals(Instant.parse("2026-03-10T12:00:00.123456Z"), rating.createdAt(), "to the stored precision");
    }

    @Test
    void aHeldRatingAddsNothingUntilApprovedAndThenExactlyItsStars() {
        var rating = rating(1);
        rating.holdForReview();
        assertEquals(State.HELD, rating.state());
        assertEquals(Contribution.NONE, rating.contribution());

        rating.change(2, "", NOW.plusSeconds(60), REVIEW);
        assertEquals(State.HELD, rating.state(), "changing one's own rating does not get it out of review");
        assertEquals(Contribution.NONE, rating.contribution());

        var before = rating.contribution();
        rating.approve();
        assertEquals(State.COUNTED, rating.state());
        assertEquals(new Contribution(2, 1), rating.contribution().minus(before));
    }

    @Test
    void hidingTakesOutOnlyWhatCounted() {
        var counted = rating(5);
        var before = counted.contribution();
        counted.hide();
        assertEquals(new Contribution(-5, -1), counted.contribution().minus(before));

        var held = rating(5);
        held.holdForReview();
        before = held.contribution();
        held.hide();
        assertEquals(State.HIDDEN, held.state());
        assertEquals(Contribution.NONE, held.contribution().minus(before), "a held rating never counted");

        held.approve();
        assertEquals(new Contribution(5, 1), held.contribution(), "approving brings a hidden rating back");
    }

    @Test
    void changingACountedRatingMovesTheTotalsByTheDifference() {
        var rating = rating(2);
        var before = rating.contribution();
        rating.change(5, "Finalement", NOW.plusSeconds(60), REVIEW);
        assertEquals(new Contribution(3, 0), rating.contribution().minus(before));
        assertTrue(rating.contribution().minus(rating.contribution()).isNone());
    }

    @Test
    void starsOutOfRangeAreRefusedWithTheField() {
        var rating = rating(3);
        var refused = assertThrows(InvalidInput.class, () -> rating.change(6, "", NOW, REVIEW));
        assertEquals(3, rating.stars(), "nothing changed");
        assertEquals(List.of("stars: must be from 1 to 5 (got 6)"), english(refused.violations()));
        assertEquals("The rating is not valid: stars must be from 1 to 5 (got 6)", refused.detail(Locale.ENGLISH));
        assertEquals("La note n’est pas valide : Étoiles : doit aller de 1 à 5 (reçu 6)", refused.detail(Locale.FRENCH));
    }

    @Test
    void starsAreRequiredAndCommentsHaveALengthAndCarryOnlyText() {
        assertEquals(List.of("stars: is required: choose from 1 to 5 stars"), english(violationsOf(null, null)));
        assertEquals(List.of("stars: must be from 1 to 5 (got 0)"), english(violationsOf(0, "")));
        assertEquals(List.of(), violationsOf(1, "é".repeat(Rating.MAX_COMMENT)));
        assertEquals(List.of("comment: must be at most 1000 characters"), english(violationsOf(5, "é".repeat(Rating.MAX_COMMENT + 1))));
        assertEquals(List.of(), violationsOf(5, "🎙️".repeat(Rating.MAX_COMMENT / 2)), "characters, not UTF-16 units");
        var control = violationsOf(5, "Bien\u0007");
        assertEquals(List.of("comment"), control.stream().map(Violation::field).toList());
        assertEquals("platform.xmlText", control.get(0).reason().key(), control.toString());
    }

    @Test
    void aNewRatingWithBrokenRulesIsNeverMade() {
        var refused = assertThrows(InvalidInput.class, () -> new Rating(12, Optional.empty(), "v", "a", 9, "\uFFFE", NOW, REVIEW));
        assertEquals("The rating is not valid", refused.summary().toString());
        assertEquals(List.of("stars", "comment"), refused.violations().stream().map(Violation::field).toList());
    }

    private static List<String> english(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.reason().in(Locale.ENGLISH)).toList();
    }

    private static List<Violation> violationsOf(Integer stars, String comment) {
        var violations = new Violations();
        Rating.check(stars, comment, violations);
        return violations.list();
    }

    @Test
    void aCommentWaitsForReviewUnlessTheShowPublishesWithoutAndThenOnlyWithoutAHeldWord() {
        assertEquals(Optional.of(CommentState.AWAITING), rating(4).commentState(), "the default: every comment is read first");
        var published = new Rating(12, Optional.empty(), "v", "a", 5, "Super épisode", NOW, publishingExcept("arnaque"));
        assertEquals(Optional.of(CommentState.PUBLISHED), published.commentState());
        var held = new Rating(12, Optional.empty(), "v", "a", 1, "Une ARNAQUÉ !", NOW, publishingExcept("arnaque"));
        assertEquals(Optional.of(CommentState.AWAITING), held.commentState(), "case and accents do not matter");
        var starsOnly = new Rating(12, Optional.empty(), "v", "a", 5, "  ", NOW, publishingExcept());
        assertEquals(Optional.empty(), starsOnly.commentState(), "no comment, nothing to moderate");
    }

    @Test
    void aChangedCommentIsJudgedAgainButTheSameWordsKeepTheirState() {
        var policy = publishingExcept("spam");
        var rating = new Rating(12, Optional.empty(), "v", "a", 5, "Bien", NOW, policy);
        rating.hideComment();
        rating.change(4, "Bien", NOW.plusSeconds(60), policy);
        assertEquals(Optional.of(CommentState.HIDDEN), rating.commentState(), "new stars, same words: still hidden");
        rating.change(4, "Bien.", NOW.plusSeconds(90), policy);
        assertEquals(Optional.of(CommentState.AWAITING), rating.commentState(), "a hidden comment, edited, is read again first");
        rating.publishComment();
        rating.change(4, "Buy spam now", NOW.plusSeconds(120), policy);
        assertEquals(Optional.of(CommentState.AWAITING), rating.commentState(), "new words, judged again: a held word");
        rating.change(4, "", NOW.plusSeconds(180), policy);
        assertEquals(Optional.empty(), rating.commentState());
    }

    @Test
    void aHeldRatingsCommentWaitsAndApprovingItCountsTheStars() {
        var rating = new Rating(12, Optional.empty(), "v", "a", 3, "Bien", NOW, publishingExcept());
        rating.holdForReview();
        assertEquals(Optional.of(CommentState.AWAITING), rating.commentState(), "an address over its allowance is read first");
        rating.change(3, "Très bien", NOW.plusSeconds(60), publishingExcept());
        assertEquals(Optional.of(CommentState.AWAITING), rating.commentState(), "still held: not published by the policy");
        rating.publishComment();
        assertEquals(State.COUNTED, rating.state());
        assertEquals(Optional.of(CommentState.PUBLISHED), rating.commentState());
    }

    @Test
    void deletingACommentErasesItsWordsAndKeepsTheStars() {
        var rating = rating(4);
        rating.deleteComment();
        assertEquals(Optional.empty(), rating.comment());
        assertEquals(Optional.empty(), rating.commentState());
        assertEquals(new Contribution(4, 1), rating.contribution());
        assertThrows(IllegalStateException.class, rating::publishComment, "nothing left to publish");
    }

    @Test
    void eachStateHasTheSameRuleInQueries() {
        assertEquals("r.hidden = false AND r.held = false", State.COUNTED.condition("r"));
        assertEquals("r.hidden = false AND r.held = true", State.HELD.condition("r"));
        assertEquals("r.hidden = true", State.HIDDEN.condition("r"));
    }
}
