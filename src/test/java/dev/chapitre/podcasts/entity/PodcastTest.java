package dev.chapitre.podcasts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.control.Records;
import dev.chapitre.platform.control.WebUrls;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PodcastTest {

    private static final PodcastFields VALID = new PodcastFields("epique", "Épique", "L'histoire", "fr", "Radio Épique", "Élodie",
            "prod@example.fr", "History", null, false, "serial", "https://example.fr", "© 2026", false, "podcast",
            List.of(new Person("Élodie", "host", "cast", "https://example.fr/elodie", "https://example.fr/elodie.jpg")), List.of(), null);

    @Test
    void theExampleIsValid() {
        assertEquals(List.of(), violationsOf(VALID));
    }

    @Test
    void everyTextFieldRefusesWhatAFeedCannotCarry() {
        for (var field : Records.textComponents(PodcastFields.class)) {
            for (var bad : new String[] {"\u0001", "\uD800", "\uFFFE"}) {
                var fields = violationsOf(Records.with(VALID, field, Records.get(VALID, field) + bad));
                assertTrue(fields.stream().anyMatch(v -> v.field().equals(field)), field + " accepted U+" + Integer.toHexString(bad.charAt(0)));
            }
        }
    }

    @Test
    void creditsRefuseItToo() {
        var violations = new Violations();
        Person.check("persons", List.of(new Person("Élo\u0002die", "host", "cast", "https://example.fr/\uFFFF", null)), violations);
        assertEquals(List.of("persons[0].name", "persons[0].href"), violations.list().stream().map(Violation::field).toList());
    }

    @Test
    void linksHaveALength() {
        assertEquals(List.of(new Violation("link", WebUrls.RULE)), violationsOf(Records.with(VALID, "link", "https://example.fr/" + "a".repeat(2000))));
    }

    @Test
    void eachRuleNamesItsFieldAndReason() {
        assertBroken("slug", "-epique", new Violation("slug", Slug.RULE));
        assertBroken("title", null, new Violation("title", "is required"));
        assertBroken("title", " ", new Violation("title", "is required"));
        assertBroken("title", "a".repeat(Podcast.MAX_TITLE + 1), new Violation("title", "must be at most 255 characters"));
        assertBroken("description", "a".repeat(Podcast.MAX_DESCRIPTION + 1), new Violation("description", "must be at most 4000 characters"));
        assertBroken("language", "français", new Violation("language", "must be a BCP 47 language tag such as 'fr' or 'en-GB'"));
        assertBroken("author", "a".repeat(256), new Violation("author", "must be at most 255 characters"));
        assertBroken("ownerName", "a".repeat(256), new Violation("ownerName", "must be at most 255 characters"));
        assertBroken("copyright", "a".repeat(501), new Violation("copyright", "must be at most 500 characters"));
        assertBroken("ownerEmail", "prod.example.fr", new Violation("ownerEmail", "must be an email address"));
        assertBroken("type", "daily", new Violation("type", "must be 'episodic' or 'serial'"));
        assertBroken("link", "ftp://example.fr", new Violation("link", WebUrls.RULE));
        assertBroken("medium", "radio", new Violation("medium", "must be one of the Podcasting 2.0 mediums: podcast, music, audiobook, … (got 'radio')"));
    }

    @Test
    void categoriesAreApplesAndASubcategoryBelongsToItsCategory() {
        assertBroken("category", "Histoire", new Violation("category", "must be one of Apple Podcasts' categories, e.g. 'History' or 'Society & Culture'"));
        assertEquals(List.of(), violationsOf(Records.with(Records.with(VALID, "category", "Society & Culture"), "subcategory", "Documentary")));
        assertEquals(List.of(new Violation("subcategory", "is not a subcategory of 'History'")),
                violationsOf(Records.with(VALID, "subcategory", "Documentary")));
        assertEquals(List.of(new Violation("subcategory", "needs a category")),
                violationsOf(Records.with(Records.with(VALID, "category", null), "subcategory", "Documentary")));
    }

    @Test
    void creditsNameTheirPositionFieldAndReason() {
        var violations = new Violations();
        Person.check("persons", List.of(new Person("", "singer", "band", "https://example.fr", null)), violations);
        assertEquals(List.of(new Violation("persons[0].name", "must be 1 to 128 characters"),
                new Violation("persons[0].role", "'singer' is not a role of the Podcasting 2.0 person taxonomy (e.g. host, guest, producer)"),
                new Violation("persons[0].group", "'band' is not a group of the Podcasting 2.0 person taxonomy (e.g. cast, writing)")),
                violations.list());
    }

    @Test
    void anInvalidShowIsRefusedWholeWithEveryRuleItBreaks() {
        var podcast = new Podcast(null, "epique", UUID.randomUUID().toString(), VALID);
        var broken = Records.with(Records.with(VALID, "title", ""), "language", "français");
        var refused = assertThrows(InvalidInput.class, () -> podcast.apply(broken));
        assertEquals("The show is not valid", refused.summary());
        assertEquals(List.of("title", "language"), refused.violations().stream().map(Violation::field).toList());
        assertEquals("Épique", podcast.title(), "nothing changed");
    }

    private static void assertBroken(String field, Object value, Violation expected) {
        assertEquals(List.of(expected), violationsOf(Records.with(VALID, field, value)), field + " = " + value);
    }

    private static List<Violation> violationsOf(PodcastFields fields) {
        var violations = new Violations();
        Podcast.check(fields, violations);
        return violations.list();
    }
}
