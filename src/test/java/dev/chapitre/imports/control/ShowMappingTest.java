package dev.chapitre.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.feeds.control.SourceFeed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShowMappingTest {

    static SourceFeed feed(List<SourceFeed.Category> categories, String email, String link) {
        return new SourceFeed("Épique\u0007", Optional.of("<p>L'histoire</p>"), Optional.of("fr_FR"), Optional.of("Radio"),
                Optional.of("Élodie"), Optional.ofNullable(email), categories, Optional.of(true), Optional.of("Serial"),
                Optional.empty(), Optional.ofNullable(link), Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(new SourceFeed.Person("Jean", "Host", null, Optional.empty(), Optional.empty()),
                new SourceFeed.Person("X", "emperor", null, Optional.empty(), Optional.empty())), List.of());
    }

    @Test
    void whatFitsIsKeptAndTheRestIsReportedNotGuessed() {
        var mapped = ShowMapping.fields(feed(List.of(new SourceFeed.Category("Games & Hobbies", Optional.empty()),
                new SourceFeed.Category("society &amp; culture", Optional.of("documentary")),
                new SourceFeed.Category("History", Optional.empty())), "not-an-email", "javascript:alert(1)"));
        var fields = mapped.fields();
        assertEquals("Épique", fields.title(), "control characters dropped");
        assertEquals("L'histoire", fields.description());
        assertEquals("fr-FR", fields.language());
        assertEquals("Society & Culture", fields.category());
        assertEquals("Documentary", fields.subcategory());
        assertEquals("serial", fields.type());
        assertEquals(Boolean.TRUE, fields.locked(), "locked here by default");
        assertNull(fields.ownerEmail());
        assertNull(fields.link());
        assertEquals(List.of("Jean"), fields.persons().stream().map(p -> p.name()).toList());
        var notes = String.join("\n", mapped.attention().stream().map(Object::toString).toList());
        assertTrue(notes.contains("'Games & Hobbies' is not one of Apple Podcasts' categories"), notes);
        assertTrue(notes.contains("'History' was not kept"), notes);
        assertTrue(notes.contains("ownerEmail was not kept"), notes);
        assertTrue(notes.contains("link was not kept"), notes);
        assertTrue(notes.contains("Person 'X' not kept"), notes);
    }

    @Test
    void theNotesAreSaidInFrenchToAFrenchReader() {
        var mapped = ShowMapping.fields(feed(List.of(new SourceFeed.Category("History", Optional.of("Nope"))), "not-an-email", null));
        var notes = mapped.attention().stream().map(note -> note.in(Locale.FRENCH)).toList();
        assertEquals(List.of("La sous-catégorie « Nope » ne fait pas partie de celles d’Apple pour « History » : elle n’a pas été reprise.",
                "Personne « X » non reprise : « emperor » n’est pas un rôle de la taxonomie des personnes de Podcasting 2.0"
                        + " (par exemple host, guest, producer).",
                "Le champ « E-mail du propriétaire » de l’émission n’a pas été repris : doit être une adresse e-mail."), notes);
        assertEquals(List.of("The subcategory 'Nope' is not one of Apple's for 'History': not kept.",
                "Person 'X' not kept: 'emperor' is not a role of the Podcasting 2.0 person taxonomy (e.g. host, guest, producer).",
                "The show's ownerEmail was not kept: it must be an email address."),
                mapped.attention().stream().map(note -> note.in(Locale.ENGLISH)).toList());
    }
}
