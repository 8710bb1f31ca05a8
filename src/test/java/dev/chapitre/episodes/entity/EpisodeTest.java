package dev.chapitre.episodes.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.platform.control.Records;
import dev.chapitre.platform.control.WebUrls;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.podcasts.entity.Person;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
        assertBroken("slug", "Premier", "slug " + Slug.RULE);
        assertBroken("title", null, "title is required");
        assertBroken("title", "a".repeat(Episode.MAX_TITLE + 1), "title must be at most 255 characters");
        assertBroken("description", "a".repeat(Episode.MAX_DESCRIPTION + 1), "description must be at most 100000 characters");
        assertBroken("publishedAt", Instant.parse("1899-12-31T23:59:59Z"),
                "published at must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        assertBroken("season", 0, "season must be 1 or more");
        assertBroken("number", -1, "number must be 0 or more");
        assertBroken("type", "extra", "type must be 'full', 'trailer' or 'bonus'");
        assertBroken("image", "/e.jpg", "image " + WebUrls.RULE);
        assertEquals(List.of("persons[0].group"), fieldsOf(Records.with(VALID, "persons", List.of(new Person("Élodie", "host", "nobody", null, null)))));
        assertEquals("'nobody' is not a group of the Podcasting 2.0 person taxonomy (e.g. cast, writing)",
                violationsOf(Records.with(VALID, "persons", List.of(new Person("Élodie", "host", "nobody", null, null)))).get(0).reason()
                        .in(Locale.ENGLISH));
        assertEquals(List.of(), violationsOf(Records.with(VALID, "number", 0)), "a trailer may be number 0");
    }

    @Test
    void theRulesSayTheirFieldsInFrench() {
        assertEquals(List.of("Saison : doit valoir 1 ou plus"), describedIn(Locale.FRENCH, Records.with(VALID, "season", 0)));
        assertEquals(List.of("Date de publication : doit être entre 1900-01-01T00:00:00Z et 9999-12-31T23:59:59Z"),
                describedIn(Locale.FRENCH, Records.with(VALID, "publishedAt", Instant.parse("1899-12-31T23:59:59Z"))));
        assertEquals(List.of("Type : doit être « full », « trailer » ou « bonus »"), describedIn(Locale.FRENCH, Records.with(VALID, "type", "x")));
    }

    @Test
    void anInvalidEpisodeIsRefusedWholeWithEveryRuleItBreaks() {
        var episode = new Episode(null, "premier", UUID.randomUUID().toString(), VALID, new AudioFile("k", 1, 1000, 128, 1));
        var broken = Records.with(Records.with(VALID, "title", " "), "season", -2);
        var refused = assertThrows(InvalidInput.class, () -> episode.apply(broken));
        assertEquals("The episode is not valid", refused.summary().in(Locale.ENGLISH));
        assertEquals(List.of("title is required", "season must be 1 or more"), refused.violations().stream().map(Violation::describe).toList());
        assertEquals("L’épisode n’est pas valide : Titre : obligatoire ; Saison : doit valoir 1 ou plus", refused.detail(Locale.FRENCH));
        assertEquals("1. Les débuts", episode.title(), "nothing changed");
    }

    @Test
    void newAudioThatWouldLeaveChaptersOutIsRefusedNamingEachInTheReadersLanguage() {
        var episode = new Episode(null, "premier", UUID.randomUUID().toString(), VALID, new AudioFile("k", 1, 60_000, 128, 1));
        episode.replaceChapters(List.of(new Chapter(0, "Intro", null, null, true), new Chapter(5_000, "Suite", null, null, true),
                new Chapter(9_000, "Conclusion", null, null, true)));
        var refused = assertThrows(InvalidInput.class, () -> episode.replaceAudio(new AudioFile("k2", 1, 6_034, 128, 2), false));
        assertEquals("The audio was not replaced, the old audio is kept: the new audio lasts 00:00:06.034 and would leave out this chapter"
                + " (to drop it, send it again with dropChapters=true): chapter 3: start time is 00:00:09.000, at or after the end of the"
                + " new audio: “Conclusion” would be dropped", refused.detail(Locale.ENGLISH));
        assertEquals(refused.getMessage(), refused.detail(Locale.ENGLISH));
        assertEquals("L’audio n’a pas été remplacé, l’ancien audio est conservé : le nouvel audio dure 00:00:06.034 et laisserait de côté"
                + " ce chapitre (pour le supprimer, renvoyez l’audio avec dropChapters=true) : Début (chapitre 3) : 00:00:09.000,"
                + " à la fin du nouvel audio ou au-delà : « Conclusion » serait supprimé", refused.detail(Locale.FRENCH));
        assertEquals(3, episode.chapters().size(), "nothing changed");

        var two = assertThrows(InvalidInput.class, () -> episode.replaceAudio(new AudioFile("k2", 1, 4_000, 128, 2), false));
        assertTrue(two.getMessage().contains("would leave out these chapters (to drop them, send it again with dropChapters=true)"),
                two.getMessage());
        assertEquals(Set.of(), episode.replaceAudio(new AudioFile("k2", 1, 4_000, 128, 2), true));
        assertEquals(List.of("Intro"), episode.chapters().stream().map(Chapter::title).toList());
    }

    @Test
    void newAudioShorterThanTheTranscriptIsRefused() {
        var episode = new Episode(null, "premier", UUID.randomUUID().toString(), VALID, new AudioFile("k", 1, 60_000, 128, 1));
        episode.transcriptChanged(Optional.of("fr"), Optional.of(30_000L));
        var refused = assertThrows(InvalidInput.class, () -> episode.replaceAudio(new AudioFile("k2", 1, 20_000, 128, 2), true));
        assertEquals("The audio was not replaced, the old audio is kept: audio is shorter than the transcript, whose last cue ends at"
                + " 00:00:30.000 (the new audio lasts 00:00:20.000): upload the transcript that goes with the new audio first, or delete it",
                refused.getMessage());
        assertEquals("Audio : plus court que la transcription, dont la dernière réplique finit à 00:00:30.000 (le nouvel audio dure"
                + " 00:00:20.000) : envoyez d’abord la transcription qui va avec le nouvel audio, ou supprimez-la",
                refused.descriptions().get(0).in(Locale.FRENCH));
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

    /** {@code expected}: the one violation as an English reader is told it ("season must be 1 or more"). */
    private static void assertBroken(String field, Object value, String expected) {
        var found = violationsOf(Records.with(VALID, field, value));
        assertEquals(List.of(field), found.stream().map(Violation::field).toList(), field + " = " + value);
        assertEquals(List.of(expected), found.stream().map(Violation::describe).toList(), field + " = " + value);
    }

    /** As the refusal of the episode says each rule, in {@code locale}'s language. */
    private static List<String> describedIn(Locale locale, EpisodeFields fields) {
        return new InvalidInput(Message.of("episodes.invalid"), violationsOf(fields)).descriptions().stream().map(rule -> rule.in(locale)).toList();
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
