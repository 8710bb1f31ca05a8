package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.podcasts.entity.Person;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpeakerMatchTest {

    static final Person ELODIE = new Person("Élodie Durand", "host", "cast", null, null);
    static final Person MARC = new Person("Marc Petit", "guest", "cast", null, null);
    static final Person MARC_AUTRE = new Person("Marc Lévy", "producer", "crew", null, null);

    @Test
    void fullNamesMatchWhateverTheirCaseAccentsAndSpacing() {
        var matched = SpeakerMatch.of(Set.of("elodie  DURAND"), List.of(ELODIE, MARC));
        assertEquals(ELODIE, matched.get("elodie  DURAND"));
    }

    @Test
    void aFirstNameMatchesOnlyWhenOnePersonHasIt() {
        assertEquals(ELODIE, SpeakerMatch.of(Set.of("Élodie"), List.of(ELODIE, MARC)).get("Élodie"));
        assertEquals(MARC, SpeakerMatch.of(Set.of("Marc"), List.of(ELODIE, MARC)).get("Marc"));
        assertEquals(0, SpeakerMatch.of(Set.of("Marc"), List.of(ELODIE, MARC, MARC_AUTRE)).size(), "two Marcs: it stays a label");
    }

    @Test
    void speakersNobodyIsCreditedAsStayLabels() {
        assertEquals(0, SpeakerMatch.of(Set.of("Speaker 1", "Invité"), List.of(ELODIE, MARC)).size());
    }
}
