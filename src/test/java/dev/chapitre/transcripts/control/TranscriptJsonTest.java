package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptJsonTest {

    @Test
    void readsPodcastingTwoSegmentsWithTheLineEachStartsOn() {
        var parsed = TranscriptJson.read("""
                {
                  "version": "1.0.0",
                  "extra": {"ignored": [1, 2]},
                  "segments": [
                    {"speaker": "Marie", "startTime": 0, "endTime": 1.5, "body": "Bonjour à tous"},
                    {
                      "startTime": "1.5",
                      "endTime": 61.501,
                      "body": "Ça va ?"
                    }
                  ]
                }
                """);
        assertEquals(List.of(new Cue(0, 1_500, Optional.of("Marie"), "Bonjour à tous"),
                new Cue(1_500, 61_501, Optional.empty(), "Ça va ?")), parsed.cues());
        assertEquals(List.of(5, 6), parsed.lines());
        assertEquals(List.of(), parsed.problems());
    }

    @Test
    void aSegmentMissingItsTimesOrBodyIsAProblemOnThatSegment() {
        var parsed = TranscriptJson.read("""
                {"segments": [
                  {"startTime": 0, "endTime": 1, "body": "Bien"},
                  {"endTime": 2, "body": "Sans début"},
                  {"startTime": 2, "endTime": "bientôt", "body": "Fin illisible"},
                  {"startTime": 3, "endTime": 4}
                ]}
                """);
        assertEquals(1, parsed.cues().size());
        var invalid = assertThrows(InvalidInput.class, () -> parsed.checked(60_000));
        assertEquals(List.of("cue 2 (line 3): start time is missing: every segment needs one (in seconds)",
                "cue 3 (line 4): end time must be a number of seconds, not \"bientôt\"",
                "cue 4 (line 5): body is missing: every segment needs one"),
                invalid.violations().stream().map(Violation::describe).toList());
    }

    @Test
    void jsonThatIsNotWellFormedIsReportedWithLineAndColumn() {
        var parsed = TranscriptJson.read("{\"segments\": [\n  {\"startTime\": 0,, }\n]}");
        assertEquals(List.of(), parsed.cues());
        var reason = parsed.problems().get(0).reason().toString();
        assertTrue(reason.startsWith("is not well-formed JSON: line 2, column "), reason);
    }

    @Test
    void writesSecondsExactToTheMillisecond() {
        var cues = List.of(new Cue(1, 61_500, Optional.of("Marie"), "Un « deux »"), new Cue(61_500, 123_457, Optional.empty(), "Trois"));
        var json = TranscriptJson.write(cues);
        assertEquals("{\"version\":\"1.0.0\",\"segments\":[{\"speaker\":\"Marie\",\"startTime\":0.001,\"endTime\":61.5,"
                + "\"body\":\"Un « deux »\"},{\"startTime\":61.5,\"endTime\":123.457,\"body\":\"Trois\"}]}", json);
        assertEquals(cues, TranscriptJson.read(json).cues());
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aBodyCutOffInsideWhatIsSkippedIsMalformedNotAnEndlessLoop() {
        for (var cut : List.of("{\"a\":{\"b\":1", "{\"segments\":[],\"x\":[1", "{\"x\":[{\"y\":[")) {
            var parsed = TranscriptJson.read(cut);
            assertEquals(List.of(), parsed.cues(), cut);
            assertTrue(parsed.problems().get(0).reason().toString().contains("not well-formed"), parsed.problems().toString());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void secondsThatAreCostlyToReadAreRefusedOrRoundedAtOnce() {
        var parsed = TranscriptJson.read("{\"segments\":["
                + "{\"startTime\":\"" + "1".repeat(100_000) + "\",\"endTime\":2,\"body\":\"a\"},"
                + "{\"startTime\":1e-30000000,\"endTime\":\"1e-30000000\",\"body\":\"b\"},"
                + "{\"startTime\":0.1,\"endTime\":12.340000000000002,\"body\":\"c\"}]}");
        assertEquals("startTime", parsed.problems().get(0).field(), parsed.problems().toString());
        assertEquals(List.of(0L, 100L), parsed.cues().stream().map(Cue::startMs).toList(), "a tiny time rounds to 0 ms");
        assertEquals(12_340, parsed.cues().get(1).endMs(), "float noise from a tool's export is read to the millisecond");
    }
}
