package dev.chapitre.ratings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.entity.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which comments a show's word list holds for review. */
class CommentPolicyTest {

    static CommentPolicy publishingExcept(String... words) {
        var policy = new CommentPolicy(1);
        policy.change(true, List.of(words));
        return policy;
    }

    @Test
    void wordsMatchWholeWhateverTheirCaseAndAccents() {
        var policy = publishingExcept("arnaque", "code promo");
        assertEquals(Optional.of("arnaque"), policy.heldWordIn("C'est une Arnaqué, fuyez"));
        assertEquals(Optional.of("arnaque"), policy.heldWordIn("arnaque"), "the whole comment");
        assertEquals(Optional.empty(), policy.heldWordIn("des arnaques partout"), "another word: the producer adds it if they mean it");
        assertEquals(Optional.empty(), policy.heldWordIn("Contrarnaque"));
        assertEquals(Optional.of("code promo"), policy.heldWordIn("Avec le CODE\n  PROMO: X12"), "a phrase, across spaces and lines");
        assertFalse(policy.publishesWithoutReview("Utilisez mon code promo"));
        assertTrue(policy.publishesWithoutReview("Très bon épisode, merci !"));
    }

    @Test
    void withoutReviewOffEverythingWaits() {
        var policy = new CommentPolicy(1);
        policy.change(false, List.of("spam"));
        assertFalse(policy.publishesWithoutReview("Très bon épisode"));
        assertFalse(new CommentPolicy(1).publishesWithoutReview("Très bon épisode"), "the default of a show without a policy");
    }

    @Test
    void theListIsKeptTrimmedWithoutBlanksOrRepeats() {
        var policy = publishingExcept(" spam ", "", "SPAM", "Spâm", "casino\nviagra", "\u0301");
        assertEquals(List.of("spam", "casino", "viagra"), policy.heldWords());
    }

    @Test
    void aListTooLongOrAWordTooLongIsRefused() {
        var policy = new CommentPolicy(1);
        var words = new ArrayList<String>();
        for (int i = 0; i <= CommentPolicy.MAX_WORDS; i++) {
            words.add("word" + i);
        }
        var refused = assertThrows(InvalidInput.class, () -> policy.change(true, words));
        assertEquals("heldWords", refused.violations().get(0).field());
        assertTrue(refused.violations().get(0).reason().toString().contains("at most 500 words"), refused.violations().toString());
        assertThrows(InvalidInput.class, () -> policy.change(true, List.of("x".repeat(CommentPolicy.MAX_WORD + 1))));
        var long_ = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            long_.add(i + "x".repeat(90)); // 100 words of 91 or 92 characters: more than the stored list holds
        }
        var tooMuch = assertThrows(InvalidInput.class, () -> policy.change(true, long_));
        assertTrue(tooMuch.violations().get(0).reason().toString().contains("at most 8000 characters in all"), tooMuch.violations().toString());
        assertEquals(List.of(), policy.heldWords(), "nothing changed");
    }
}
