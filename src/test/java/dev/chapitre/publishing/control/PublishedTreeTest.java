package dev.chapitre.publishing.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.publishing.entity.TreeFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedTreeTest {

    static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    Path stored(String name, String content) throws Exception {
        var file = dir.resolve("media").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    static TreeFile.Document feed(String slug, String xml, Instant modified) {
        var bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new TreeFile.Document("feeds/" + slug + ".xml", bytes, Optional.of(("gz:" + xml).getBytes(StandardCharsets.UTF_8)), modified);
    }

    @Test
    void aShowsFilesAreWrittenAtTheirPublicPathsWithTheirDates() throws Exception {
        var tree = new PublishedTree(dir.resolve("published"));
        var audio = stored("episodes/a.mp3", "ID3 and audio");
        int changes = tree.sync("epique", List.of(feed("epique", "<rss/>", MONDAY),
                new TreeFile.Document("chapters/epique/un.json", "{}".getBytes(), Optional.empty(), MONDAY),
                new TreeFile.Link("media/epique/un.mp3", audio)));
        assertEquals(4, changes);
        var root = tree.root();
        assertEquals("<rss/>", Files.readString(root.resolve("feeds/epique.xml")));
        assertEquals("gz:<rss/>", Files.readString(root.resolve("feeds/epique.xml.gz")));
        assertEquals(MONDAY, Files.getLastModifiedTime(root.resolve("feeds/epique.xml")).toInstant());
        assertTrue(Files.isSameFile(audio, root.resolve("media/epique/un.mp3")), "a hard link, not a copy");
        assertEquals(Set.of("epique"), tree.shows());
        assertEquals(0, tree.sync("epique", List.of(feed("epique", "<rss/>", MONDAY),
                new TreeFile.Document("chapters/epique/un.json", "{}".getBytes(), Optional.empty(), MONDAY),
                new TreeFile.Link("media/epique/un.mp3", audio))), "nothing changed, nothing written");
    }

    @Test
    void anEpisodesTranscriptsAreTreeFilesThatGoWhenTheTranscriptOrTheShowDoes() throws Exception {
        var tree = new PublishedTree(dir.resolve("published"));
        var transcripts = List.of("vtt", "srt", "json", "html").stream()
                .map(f -> (TreeFile) new TreeFile.Document("transcripts/epique/un." + f, f.getBytes(), Optional.of(("gz:" + f).getBytes()), MONDAY))
                .toList();
        var files = new java.util.ArrayList<TreeFile>(List.of(feed("epique", "<rss/>", MONDAY)));
        files.addAll(transcripts);
        assertEquals(10, tree.sync("epique", files));
        var root = tree.root();
        assertEquals("vtt", Files.readString(root.resolve("transcripts/epique/un.vtt")));
        assertEquals("gz:html", Files.readString(root.resolve("transcripts/epique/un.html.gz")));

        assertEquals(8, tree.sync("epique", List.of(feed("epique", "<rss/>", MONDAY))), "the transcript deleted: its files go");
        assertFalse(Files.exists(root.resolve("transcripts/epique/un.vtt")));
        tree.sync("epique", files);
        tree.removeShow("epique");
        assertFalse(Files.exists(root.resolve("transcripts/epique")), "the show's folder goes with it");
        assertThrows(IllegalArgumentException.class,
                () -> new TreeFile.Document("transcripts/epique/un.txt", new byte[0], Optional.empty(), MONDAY));
    }

    @Test
    void changedBytesAreNeverDatedAtOrBeforeTheVersionTheyReplace() throws Exception {
        var tree = new PublishedTree(dir.resolve("published"));
        tree.sync("epique", List.of(feed("epique", "<rss>1</rss>", MONDAY)));
        tree.sync("epique", List.of(feed("epique", "<rss>2</rss>", MONDAY.minusSeconds(60)))); // an episode deleted: no date moved
        var file = tree.root().resolve("feeds/epique.xml");
        assertEquals("<rss>2</rss>", Files.readString(file));
        assertEquals(MONDAY.plusSeconds(1), Files.getLastModifiedTime(file).toInstant());
    }

    @Test
    void whatIsNoLongerPublicLeavesTheTreeAndAReplacedFileIsLinkedAgain() throws Exception {
        var tree = new PublishedTree(dir.resolve("published"));
        var one = stored("episodes/one.mp3", "one");
        var two = stored("episodes/two.mp3", "two");
        tree.sync("epique", List.of(feed("epique", "<rss/>", MONDAY), new TreeFile.Link("media/epique/un.mp3", one),
                new TreeFile.Link("media/epique/deux.mp3", two)));
        var retagged = dir.resolve("retagged.mp3");
        Files.writeString(retagged, "one, tagged again");
        Files.move(retagged, one, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        tree.sync("epique", List.of(new TreeFile.Document("feeds/epique.xml", "<rss/>".getBytes(), Optional.empty(), MONDAY),
                new TreeFile.Link("media/epique/un.mp3", one)));
        var root = tree.root();
        assertEquals("one, tagged again", Files.readString(root.resolve("media/epique/un.mp3")));
        assertFalse(Files.exists(root.resolve("media/epique/deux.mp3")), "unpublished");
        assertFalse(Files.exists(root.resolve("feeds/epique.xml.gz")), "no gzipped copy when gzip does not help");
        assertTrue(Files.exists(two), "the stored file stays");

        tree.removeShow("epique");
        assertEquals(Set.of(), tree.shows());
        assertTrue(Files.exists(one));
    }

    @Test
    void aWriteCutOffByAKillLeavesOnlyAStagingFileThatTheWriterRemovesBeforeWriting() throws Exception {
        var root = dir.resolve("published");
        new PublishedTree(root);
        Files.writeString(root.resolve(".staging/0b1e.part"), "<rss><chan");
        var reopened = new PublishedTree(root);
        assertTrue(Files.exists(root.resolve(".staging/0b1e.part")), "opening the tree is no writing (another instance may write)");
        reopened.removeLeftovers();
        try (var left = Files.list(root.resolve(".staging"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aTreeNoLongerKeptIsRemovedButOnlyIfItIsOne() throws Exception {
        var root = dir.resolve("published");
        var tree = new PublishedTree(root);
        tree.sync("epique", List.of(feed("epique", "<rss/>", MONDAY)));
        var notATree = dir.resolve("elsewhere");
        Files.createDirectories(notATree.resolve("feeds"));
        PublishedTree.removeIfPresent(notATree);
        assertTrue(Files.exists(notATree.resolve("feeds")), "a folder without the tree's staging folder is not ours");
        PublishedTree.removeIfPresent(root);
        assertFalse(Files.exists(root.resolve("feeds/epique.xml")));
    }

    @Test
    void onlyFilesOfTheTreesShapeAreEverRemoved() throws Exception {
        var root = dir.resolve("published");
        var tree = new PublishedTree(root);
        tree.sync("epique", List.of(feed("epique", "<rss/>", MONDAY)));
        var foreign = root.resolve("media/episodes/notes.txt");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "not the tree's");
        tree.removeShow("episodes");
        tree.removeShow("epique");
        PublishedTree.removeIfPresent(root);
        assertTrue(Files.exists(foreign), "a file the tree does not write is left alone");
        assertFalse(Files.exists(root.resolve("feeds/epique.xml")));
    }

    @Test
    void onlyPublicPathsCanBeNamed() {
        assertThrows(IllegalArgumentException.class, () -> new TreeFile.Link("media/../etc/passwd", dir));
        assertThrows(IllegalArgumentException.class, () -> new TreeFile.Document("feeds/x.json", new byte[0], Optional.empty(), MONDAY));
        assertArrayEquals(new byte[0], new TreeFile.Document("feeds/x.xml", new byte[0], Optional.empty(), MONDAY).plain());
    }
}
