package dev.chapitre.podcasts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.control.Records;
import dev.chapitre.platform.entity.Violations;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodcastTest {

    private static final PodcastFields VALID = new PodcastFields("epique", "Épique", "L'histoire", "fr", "Radio Épique", "Élodie",
            "prod@example.fr", "History", null, false, "serial", "https://example.fr", "© 2026", false, "podcast",
            List.of(new Person("Élodie", "host", "cast", "https://example.fr/elodie", "https://example.fr/elodie.jpg")));

    @Test
    void theExampleIsValid() {
        assertEquals(List.of(), violationsOf(VALID));
    }

    @Test
    void everyTextFieldRefusesWhatAFeedCannotCarry() {
        for (var field : Records.textComponents(PodcastFields.class)) {
            for (var bad : new String[] {"\u0001", "\uD800", "\uFFFE"}) {
                var fields = violationsOf(Records.with(VALID, field, Records.get(VALID, field) + bad));
                assertTrue(fields.contains(field), field + " accepted U+" + Integer.toHexString(bad.charAt(0)));
            }
        }
    }

    @Test
    void creditsRefuseItToo() {
        var violations = new Violations();
        Person.check("persons", List.of(new Person("Élo\u0002die", "host", "cast", "https://example.fr/\uFFFF", null)), violations);
        assertEquals(List.of("persons[0].name", "persons[0].href"), violations.list().stream().map(dev.chapitre.platform.entity.Violation::field).toList());
    }

    @Test
    void linksHaveALength() {
        assertEquals(List.of("link"), violationsOf(Records.with(VALID, "link", "https://example.fr/" + "a".repeat(2000))));
    }

    private static List<String> violationsOf(PodcastFields fields) {
        var violations = new Violations();
        Podcast.check(fields, violations);
        return violations.list().stream().map(dev.chapitre.platform.entity.Violation::field).toList();
    }
}
