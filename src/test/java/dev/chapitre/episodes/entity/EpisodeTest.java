package dev.chapitre.episodes.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.control.Records;
import dev.chapitre.platform.entity.Violations;
import java.time.Instant;
import java.util.List;
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
                assertTrue(fields.contains(field), field + " accepted U+" + Integer.toHexString(bad.charAt(0)));
            }
        }
    }

    @Test
    void publicationDatesStayWithinYearsAFeedCanWrite() {
        assertEquals(List.of("publishedAt"), violationsOf(Records.with(VALID, "publishedAt", Instant.parse("+300000-01-01T00:00:00Z"))));
        assertEquals(List.of("publishedAt"), violationsOf(Records.with(VALID, "publishedAt", Instant.parse("1899-12-31T23:59:59Z"))));
        assertEquals(List.of(), violationsOf(Records.with(VALID, "publishedAt", Instant.parse("1900-01-01T00:00:00Z"))));
        assertEquals(List.of(), violationsOf(Records.with(VALID, "publishedAt", Instant.parse("9999-12-31T23:59:59Z"))));
    }

    private static List<String> violationsOf(EpisodeFields fields) {
        var violations = new Violations();
        Episode.check(fields, violations);
        return violations.list().stream().map(dev.chapitre.platform.entity.Violation::field).toList();
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
