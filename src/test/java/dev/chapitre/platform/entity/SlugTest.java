package dev.chapitre.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void derivesUrlSafeNames() {
        assertEquals(new Slug("epique"), Slug.derive("Épique"));
        assertEquals("1-2017-1er-pm-les-debuts", Slug.derive("1. 2017 – 1er PM : les débuts…").value());
        assertEquals("coeur-ame", Slug.derive("Cœur & Âme").value());
        assertEquals("untitled", Slug.derive("🎙️").value());
        assertEquals(64, Slug.derive("a".repeat(100)).value().length());
        assertEquals("a".repeat(63), Slug.derive("a".repeat(63) + " b").value(), "cut at 64 without a trailing '-'");
    }

    @Test
    void oneRuleOneToSixtyFourOfLettersDigitsAndInnerDashes() {
        for (var good : List.of("a", "9", "epique-2", "a--b", "a".repeat(64))) {
            assertTrue(Slug.isValid(good), good);
        }
        for (var bad : java.util.Arrays.asList(null, "", "-epique", "epique-", "-", "Épique", "é", "a_b", "a b", "a/b", "a".repeat(65))) {
            assertFalse(Slug.isValid(bad), String.valueOf(bad));
        }
    }

    @Test
    void anInvalidSlugIsNeverMadeAndSaysWhy() {
        var refused = assertThrows(InvalidInput.class, () -> new Slug("-epique"));
        assertEquals(List.of(new Violation("slug", Slug.RULE)), refused.violations());
        assertEquals("The slug is not valid: slug must be 1 to 64 of a-z, 0-9 and '-', not starting or ending with '-'", refused.getMessage());
    }

    @Test
    void entitiesCheckItUnderTheirField() {
        var violations = new Violations();
        Slug.check("slug", "epique", violations);
        Slug.check("slug", null, violations);
        assertTrue(violations.isEmpty(), "absent is no violation: the slug is derived from the title");
        Slug.check("slug", "UPPER", violations);
        assertEquals(List.of(new Violation("slug", Slug.RULE)), violations.list());
    }

    @Test
    void pathsMatchExactlyWhatTheRuleAccepts() {
        var route = Pattern.compile("/" + Slug.CAPTURE + "/" + Slug.CAPTURE + "\\.mp3");
        var matcher = route.matcher("/epique/premier-2.mp3");
        assertTrue(matcher.matches());
        assertEquals(Set.of("epique", "premier-2"), Set.of(matcher.group(1), matcher.group(2)));
        assertFalse(route.matcher("/-epique/premier.mp3").matches());
        assertFalse(route.matcher("/" + "a".repeat(65) + "/premier.mp3").matches());
    }

    @Test
    void numbersStayWithinTheRule() {
        assertEquals(new Slug("epique"), new Slug("epique").numbered(1));
        assertEquals(new Slug("epique-2"), new Slug("epique").numbered(2));
        assertEquals(64, new Slug("a".repeat(64)).numbered(12).value().length());
        assertEquals(new Slug("a".repeat(60) + "-12"), new Slug("a".repeat(60) + "-bcd").numbered(12), "no '--' where the cut falls on a dash");
    }

    @Test
    void theFirstFreeNameIsNumbered() {
        var taken = Set.of("epique", "epique-2");
        assertEquals(new Slug("epique-3"), Slug.firstFree("Épique", taken::contains));
        assertEquals(new Slug("autre"), Slug.firstFree("Autre", taken::contains));
    }
}
