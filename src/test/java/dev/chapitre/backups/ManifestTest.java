package dev.chapitre.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.backups.entity.Manifest;
import dev.chapitre.backups.entity.UnusableArchive;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {

    static final String SHA = "a".repeat(64);

    static Manifest manifest() {
        return new Manifest(Instant.parse("2026-11-30T14:03:05.123456Z"), "H2 2.2.224", "1",
                List.of(new Manifest.TableEntry("podcast", "tables/01-podcast.jsonl",
                        List.of(new Manifest.ColumnEntry("id", "bigint"), new Manifest.ColumnEntry("title", "text")), 2, SHA)),
                false, List.of(new Manifest.MediaFile("episodes/0b0e-1.mp3", 1234, SHA)));
    }

    @Test
    void whatIsWrittenIsReadBack() {
        assertEquals(manifest(), Manifest.parse(manifest().toJson().toString()));
    }

    @Test
    void aManifestThatIsNotOursOrIsDamagedIsRefusedWithTheReason() {
        var json = manifest().toJson().toString();
        assertRefused("{", "not a JSON object");
        assertRefused(json.replace("chapitre-backup", "other-backup"), "does not describe a Chapitre backup");
        assertRefused(json.replace("\"version\":1", "\"version\":2"), "format version 2");
        assertRefused(json.replace("\"rows\":2", "\"rows\":-2"), "invalid row count");
        assertRefused(json.replace("\"rows\":2,\"sha256\":\"" + SHA + "\"", "\"rows\":2,\"sha256\":\"zz\""), "invalid row count or SHA-256");
        assertRefused(json.replace("episodes/0b0e-1.mp3", "../../etc/passwd"), "invalid media file entry");
        assertRefused(json.replace("episodes/0b0e-1.mp3", "/etc/passwd"), "invalid media file entry");
        assertRefused(json.replace("\"included\":false", "\"included\":\"no\""), "\"included\"");
        assertRefused(json.replace("\"createdAt\":\"2026-11-30T14:03:05.123456Z\"", "\"createdAt\":\"yesterday\""), "createdAt");
    }

    @Test
    void aTableListedTwiceIsRefused() {
        var twice = new Manifest(Instant.EPOCH, "H2", "1", List.of(manifest().tables().get(0), manifest().tables().get(0)), false, List.of());
        assertRefused(twice.toJson().toString(), "lists the table podcast twice");
    }

    private static void assertRefused(String json, String reason) {
        var refused = assertThrows(UnusableArchive.class, () -> Manifest.parse(json));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
