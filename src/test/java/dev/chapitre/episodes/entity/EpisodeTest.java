package dev.chapitre.episodes.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.platform.control.Records;
import dev.chapitre.platform.control.WebUrls;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.podcasts.entity.Person;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EpisodeTest {

    private static final EpisodeFields VALID = new EpisodeFields("premier", "1. Les débuts", "<p>Notes</p>",
            Instant.parse("2026-10-01T06:00:00Z"), 1, 1, "full", null, "https://example.fr/e.jpg", List.of());

    @Test
    void theExampleIsValid() {
        assertEquals(List.of(), violationsOf(VALID));
    }

    @Test
    void everyTextFieldRefusesWhatAFeedCannotCarry() {
        for (var field : Records.textComponents(EpisodeFields.class)) {
            for (var bad : new String[] {"\u001F", "\uDBFF", "\uFFFF"}) {
                var fields = violationsOf(Records.with(VALID, field, Records.get(VALID, field) + bad));
                assertTrue(fields.stream().anyMatch(v -> v.field().equals(field)), field + " accepted U+" + Integer.toHexString(bad.charAt(0)));
            }
        }
    }

    @Test
    void publicationDatesStayWithinYearsAFeedCanWrite() {
        assertEquals(List.of("publishedAt"), fieldsOf(Records.with(VALID, "publishedAt", Instant.parse("+300000-01-01T00:00:00Z"))));
        assertEquals(List.of("publishedAt"), fieldsOf(Records.with(VALID, "publishedAt", Instant.parse("1899-12-31T23:59:59Z"))));
        assertEquals(List.of(), violationsOf(Records.with(VALID, "publishedAt", Instant.parse("1900-01-01T00:00:00Z"))));
        assertEquals(List.of(), violationsOf(Records.with(VALID, "publishedAt", Instant.parse("9999-12-31T23:59:59Z"))));
    }

    @Test
    void eachRuleNamesItsFieldAndReason() {
        assertBroken("slug", "Premier", new Violation("slug", Slug.RULE));
        assertBroken("title", null, new Violation("title", "is required"));
        assertBroken("title", "a".repeat(Episode.MAX_TITLE + 1), new Violation("title", "must be at most 255 characters"));
        assertBroken("description", "a".repeat(Episode.MAX_DESCRIPTION + 1), new Violation("description", "must be at most 100000 characters"));
        assertBroken("publishedAt", Instant.parse("1899-12-31T23:59:59Z"),
                new Violation("publishedAt", "must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
        assertBroken("season", 0, new Violation("season", "must be 1 or more"));
        assertBroken("number", -1, new Violation("number", "must be 0 or more"));
        assertBroken("type", "extra", new Violation("type", "must be 'full', 'trailer' or 'bonus'"));
        assertBroken("image", "/e.jpg", new Violation("image", WebUrls.RULE));
        assertBroken("persons", List.of(new Person("Élodie", "host", "nobody", null, null)),
                new Violation("persons[0].group", "'nobody' is not a group of the Podcasting 2.0 person taxonomy (e.g. cast, writing)"));
        assertEquals(List.of(), violationsOf(Records.with(VALID, "number", 0)), "a trailer may be number 0");
    }

    @Test
    void anInvalidEpisodeIsRefusedWholeWithEveryRuleItBreaks() {
        var episode = new Episode(null, "premier", UUID.randomUUID().toString(), VALID, new AudioFile("k", 1, 1000, 128, 1));
        var broken = Records.with(Records.with(VALID, "title", " "), "season", -2);
        var refused = assertThrows(InvalidInput.class, () -> episode.apply(broken));
        assertEquals("The episode is not valid", refused.summary());
        assertEquals(List.of(new Violation("title", "is required"), new Violation("season", "must be 1 or more")), refused.violations());
        assertEquals("1. Les débuts", episode.title(), "nothing changed");
    }

    @Test
    void aChaptersStoredImageFollowsItsAddressThroughAReplacementAndGoesWhenNoChapterShowsIt() {
        var episode = new Episode(null, "premier", UUID.randomUUID().toString(), VALID, new AudioFile("k", 1, 60_000, 128, 1));
        episode.replaceChapters(List.of(new Chapter(0, "Intro", null, null, true), new Chapter(10_000, "Suite", null, null, true),
                new Chapter(20_000, "Fin", null, "https://example.org/fin.jpg", true)));
        assertEquals(Set.of(), episode.replaceChapterImage(1, Optional.of("chapter-images/a.jpg")));
        assertEquals(Set.of(), episode.replaceChapterImage(2, Optional.of("chapter-images/b.png")));
        assertEquals(Set.of("chapter-images/a.jpg", "chapter-images/b.png"), episode.chapterImageKeys());
        assertEquals(Optional.of("https://podcasts.example.org/media/chapter-images/a.jpg"),
                episode.publicChapters("https://podcasts.example.org").get(0).img());

        // what an editor sends back, read under another host name, with a new chapter first and "Suite" dropped
        var read = episode.publicChapters("http://localhost:8080");
        var dropped = episode.replaceChapters(List.of(new Chapter(5_000, "Nouveau", null, null, true),
                new Chapter(0, "Intro", null, read.get(0).img().orElseThrow(), true), read.get(2)));

        assertEquals(Set.of("chapter-images/b.png"), dropped);
        var chapters = episode.chapters();
        assertEquals(Optional.of("chapter-images/a.jpg"), chapters.get(0).imageKey());
        assertEquals(Optional.empty(), chapters.get(0).img(), "stored by its key, not by the address it was read at");
        assertEquals(Optional.empty(), chapters.get(1).imageKey());
        assertEquals(Optional.of("https://example.org/fin.jpg"), chapters.get(2).img(), "a linked image stays a link");

        assertEquals(Set.of("chapter-images/a.jpg"), episode.replaceChapterImage(1, Optional.of("chapter-images/c.jpg")));
        assertEquals(Set.of("chapter-images/c.jpg"), episode.replaceChapterImage(1, Optional.empty()));
        assertEquals(Set.of(), episode.replaceChapterImage(3, Optional.empty()));
        assertEquals(Optional.empty(), episode.chapters().get(2).img());
        assertThrows(IllegalArgumentException.class, () -> episode.replaceChapterImage(4, Optional.empty()));
    }

    @Test
    void anotherHostsAddressOfTheSameShapeIsALink() {
        var episode = new Episode(null, "premier", UUID.randomUUID().toString(), VALID, new AudioFile("k", 1, 60_000, 128, 1));
        episode.replaceChapters(List.of(new Chapter(0, "Intro", null, null, true)));
        episode.replaceChapterImage(1, Optional.of("chapter-images/a.jpg"));
        var elsewhere = "https://other.example/media/chapter-images/b.jpg"; // a show moved in from another Chapitre
        assertEquals(Set.of("chapter-images/a.jpg"), episode.replaceChapters(List.of(new Chapter(0, "Intro", null, elsewhere, true))));
        assertEquals(Optional.of(elsewhere), episode.chapters().get(0).img());
        assertEquals(Optional.empty(), episode.chapters().get(0).imageKey());
    }

    private static List<String> fieldsOf(EpisodeFields fields) {
        return violationsOf(fields).stream().map(Violation::field).toList();
    }

    private static void assertBroken(String field, Object value, Violation expected) {
        assertEquals(List.of(expected), violationsOf(Records.with(VALID, field, value)), field + " = " + value);
    }

    private static List<Violation> violationsOf(EpisodeFields fields) {
        var violations = new Violations();
        Episode.check(fields, violations);
        return violations.list();
    }

    @Test
    void theEpisodeTypeIsWrittenTheSameOnATurkishServer() {
        var previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR")); // "TRAILER".toLowerCase() is "traıler" there
            assertEquals("trailer", EpisodeType.TRAILER.json());
            assertEquals(EpisodeType.TRAILER, EpisodeType.fromJson("trailer").orElseThrow());
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }
}
