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
import java.util.Locale;
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
        assertEquals(List.of("link: must be an absolute http or https URL of at most 2000 characters"),
                english(violationsOf(Records.with(VALID, "link", "https://example.fr/" + "a".repeat(2000)))));
    }

    @Test
    void eachRuleNamesItsFieldAndReason() {
        assertBroken("slug", "-epique", "must be 1 to 64 of a-z, 0-9 and '-', not starting or ending with '-'");
        assertBroken("title", null, "is required");
        assertBroken("title", " ", "is required");
        assertBroken("title", "a".repeat(Podcast.MAX_TITLE + 1), "must be at most 255 characters");
        assertBroken("description", "a".repeat(Podcast.MAX_DESCRIPTION + 1), "must be at most 4000 characters");
        assertBroken("language", "français", "must be a BCP 47 language tag such as 'fr' or 'en-GB'");
        assertBroken("author", "a".repeat(256), "must be at most 255 characters");
        assertBroken("ownerName", "a".repeat(256), "must be at most 255 characters");
        assertBroken("copyright", "a".repeat(501), "must be at most 500 characters");
        assertBroken("ownerEmail", "prod.example.fr", "must be an email address");
        assertBroken("type", "daily", "must be 'episodic' or 'serial'");
        assertBroken("link", "ftp://example.fr", "must be an absolute http or https URL of at most 2000 characters");
        assertBroken("medium", "radio", "must be one of the Podcasting 2.0 mediums: podcast, music, audiobook, … (got 'radio')");
        assertEquals(List.of(new Violation("slug", Slug.RULE)), violationsOf(Records.with(VALID, "slug", "-epique")));
    }

    @Test
    void categoriesAreApplesAndASubcategoryBelongsToItsCategory() {
        assertBroken("category", "Histoire", "must be one of Apple Podcasts' categories, e.g. 'History' or 'Society & Culture'");
        assertEquals(List.of(), violationsOf(Records.with(Records.with(VALID, "category", "Society & Culture"), "subcategory", "Documentary")));
        assertEquals(List.of("subcategory: is not a subcategory of 'History'"),
                english(violationsOf(Records.with(VALID, "subcategory", "Documentary"))));
        assertEquals(List.of("subcategory: needs a category"),
                english(violationsOf(Records.with(Records.with(VALID, "category", null), "subcategory", "Documentary"))));
    }

    @Test
    void creditsNameTheirPositionFieldAndReason() {
        var violations = new Violations();
        Person.check("persons", List.of(new Person("", "singer", "band", "https://example.fr", null)), violations);
        assertEquals(List.of("persons[0].name: must be 1 to 128 characters",
                "persons[0].role: 'singer' is not a role of the Podcasting 2.0 person taxonomy (e.g. host, guest, producer)",
                "persons[0].group: 'band' is not a group of the Podcasting 2.0 person taxonomy (e.g. cast, writing)"),
                english(violations.list()));
    }

    @Test
    void anInvalidShowIsRefusedWholeWithEveryRuleItBreaks() {
        var podcast = new Podcast(null, "epique", UUID.randomUUID().toString(), VALID);
        var broken = Records.with(Records.with(VALID, "title", ""), "language", "français");
        var refused = assertThrows(InvalidInput.class, () -> podcast.apply(broken));
        assertEquals("The show is not valid", refused.summary().toString());
        assertEquals(List.of("title", "language"), refused.violations().stream().map(Violation::field).toList());
        assertEquals("Épique", podcast.title(), "nothing changed");
    }

    @Test
    void theRulesAreSaidInFrenchToo() {
        var broken = Records.with(Records.with(VALID, "ownerEmail", "prod.example.fr"), "medium", "radio");
        var refused = assertThrows(InvalidInput.class, () -> new Podcast(null, "epique", UUID.randomUUID().toString(), broken));
        assertEquals("L’émission n’est pas valide : E-mail du propriétaire : doit être une adresse e-mail ; "
                + "Média : doit être un des médias de Podcasting 2.0 : podcast, music, audiobook, … (reçu « radio »)", refused.detail(Locale.FRENCH));
        assertEquals("The show is not valid: owner email must be an email address; medium must be one of the Podcasting 2.0 mediums: "
                + "podcast, music, audiobook, … (got 'radio')", refused.detail(Locale.ENGLISH));
    }

    /** The one rule {@code value} in {@code field} breaks, as an English reader is told it. */
    private static void assertBroken(String field, Object value, String reason) {
        assertEquals(List.of(field + ": " + reason), english(violationsOf(Records.with(VALID, field, value))), field + " = " + value);
    }

    private static List<String> english(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.reason().in(Locale.ENGLISH)).toList();
    }

    private static List<Violation> violationsOf(PodcastFields fields) {
        var violations = new Violations();
        Podcast.check(fields, violations);
        return violations.list();
    }
}
