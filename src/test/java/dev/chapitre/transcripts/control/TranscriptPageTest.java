package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptPageTest {

    @Test
    void thePageNamesEachSpeakerAtTheirTurnTimesEachParagraphAndEscapesWhatWasSaid() {
        var cues = List.of(new Cue(0, 2000, Optional.of("Léa"), "Bonjour <tout> le monde & bienvenue."),
                new Cue(3_725_000, 3_727_000, Optional.of("Marc"), "Une heure plus tard."));
        var html = TranscriptPage.write(new TranscriptPage.Heading("Épique", "L'Élysée", "https://pod.example/podcasts/epique/elysee"),
                "fr", ReadingView.of(cues, List.of(new Chapter(3_700_000, "1. 2017 – 1er PM", null, null, true))));

        assertTrue(html.contains("<html lang=\"fr\">"), html);
        assertTrue(html.contains("<title>Transcription — L&#039;Élysée</title>"), html);
        assertTrue(html.contains("<cite>Léa:</cite>\n<time>0:00</time>\n<p>Bonjour &lt;tout&gt; le monde &amp; bienvenue.</p>"), html);
        assertTrue(html.contains("<h2><time>1:01:40</time> 1. 2017 – 1er PM</h2>"), html);
        assertTrue(html.contains("<cite>Marc:</cite>\n<time>1:02:05</time>"), html);
    }
}
