package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.platform.control.PublicPaths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PublishedFormatTest {

    /** The episode's JSON (episodes cannot see this enum) lists the public addresses from PublicPaths. */
    @Test
    void thePublicAddressesNameTheSameFormatsInTheFeedsOrder() {
        assertEquals(PublicPaths.TRANSCRIPT_EXTENSIONS, Arrays.stream(PublishedFormat.values()).map(PublishedFormat::extension).toList());
        assertEquals("text/vtt", PublishedFormat.values()[0].mediaType(), "WebVTT first: Apple Podcasts reads it");
    }
}
