package dev.chapitre.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PublishedDocumentTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.750Z");

    @Test
    void carriesBothEncodingsWithTheirOwnStrongValidators() throws Exception {
        var plain = "<rss>".concat("<item>Épisode</item>".repeat(50)).concat("</rss>").getBytes(StandardCharsets.UTF_8);
        var document = PublishedDocument.of("application/rss+xml", plain, AT, Optional.empty());
        assertTrue(document.compresses());
        try (var in = new GZIPInputStream(new ByteArrayInputStream(document.gzipped()))) {
            assertEquals(new String(plain, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(document.etag(false).matches("\"[0-9a-f]{32}\""), document.etag(false));
        assertEquals(document.etag(false).replace("\"", "") + "-gzip", document.etag(true).replace("\"", ""));
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), document.lastModified(), "HTTP dates have whole seconds");
        assertNotEquals(document.etag(false),
                PublishedDocument.of("application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8), AT, Optional.empty()).etag(false));
    }

    @Test
    void aTinyDocumentIsNotWorthCompressing() {
        assertFalse(PublishedDocument.of("application/json+chapters", "{}".getBytes(StandardCharsets.UTF_8), AT, Optional.empty()).compresses());
    }

    @Test
    void expiresAtTheNextScheduledEpisode() {
        var document = PublishedDocument.of("text/plain", new byte[] {1}, AT, Optional.of(AT.plusSeconds(60)));
        assertFalse(document.isExpired(AT.plusSeconds(59)));
        assertTrue(document.isExpired(AT.plusSeconds(60)));
        assertFalse(PublishedDocument.of("text/plain", new byte[] {1}, AT, Optional.empty()).isExpired(Instant.MAX));
    }
}
