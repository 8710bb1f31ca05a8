package dev.chapitre.podcasts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PodcastGuidTest {

    @Test
    void matchesTheSpecsExample() {
        // podcast:guid spec: "podnews.net/rss" → 9b024349-ccf0-5f69-a609-6b82873eab3c
        var expected = UUID.fromString("9b024349-ccf0-5f69-a609-6b82873eab3c");
        assertEquals(expected, PodcastGuid.forFeedUrl("https://podnews.net/rss"));
        assertEquals(expected, PodcastGuid.forFeedUrl("http://podnews.net/rss/"));
        assertEquals(5, expected.version());
    }
}
