package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeakerLabelsTest {

    @Test
    void aLabelNamesTheSpeakerUntilTheNextLabel() {
        var labelled = SpeakerLabels.apply(cues("Avant tout label", "Jean de La Fontaine: Le corbeau", "et le renard",
                "[Speaker 2]: Une fable", "Marie Dupont : Bravo", "encore"));
        assertEquals(List.of(Optional.empty(), Optional.of("Jean de La Fontaine"), Optional.of("Jean de La Fontaine"),
                Optional.of("Speaker 2"), Optional.of("Marie Dupont"), Optional.of("Marie Dupont")),
                labelled.stream().map(Cue::speaker).toList());
        assertEquals(List.of("Avant tout label", "Le corbeau", "et le renard", "Une fable", "Bravo", "encore"),
                labelled.stream().map(Cue::text).toList());
    }

    @Test
    void sentencesWithAColonAreNotSpeakers() {
        var prose = cues("Il a dit: non.", "La question: pourquoi ?", "Remarque: une seule fois.", "Rien ici.");
        assertEquals(prose, SpeakerLabels.apply(prose));
    }

    @Test
    void labelsOutnumberedByLowerCaseColonsAreProse() {
        var prose = cues("Note: un", "Attention: deux", "en bref: trois", "bref: quatre", "à retenir: cinq");
        assertEquals(prose, SpeakerLabels.apply(prose));
    }

    @Test
    void aNameLongerThanFortyCharactersOrFiveWordsIsNoLabel() {
        var prose = cues("Marie: un", "Paul: deux", "Un Deux Trois Quatre Cinq: six",
                "Maximilienne-Géraldine Dupont-Delacourtois: sept");
        var labelled = SpeakerLabels.apply(prose);
        assertEquals(List.of("Marie", "Paul", "Paul", "Paul"), labelled.stream().map(c -> c.speaker().orElseThrow()).toList());
        assertEquals("Un Deux Trois Quatre Cinq: six", labelled.get(2).text());
    }

    @Test
    void aCueWithAVoiceKeepsIt() {
        var voiced = new Cue(0, 1, Optional.of("Voix"), "Paul: dit");
        var labelled = SpeakerLabels.apply(List.of(new Cue(0, 1, Optional.empty(), "Marie: un"), voiced,
                new Cue(0, 1, Optional.empty(), "Marie: deux")));
        assertEquals(voiced, labelled.get(1));
    }

    private static List<Cue> cues(String... texts) {
        return List.of(texts).stream().map(text -> new Cue(0, 1, Optional.empty(), text)).toList();
    }
}
