package dev.chapitre.tagging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Id3ChapterReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsChaptersWrittenByFfmpeg() throws IOException {
        var file = dir.resolve("ffmpeg.mp3");
        try (var in = getClass().getResourceAsStream("/audio/ffmpeg-chapters.mp3")) {
            Files.copy(in, file);
        }
        var chapters = Id3ChapterReader.read(file);
        assertEquals(List.of("Ouverture – « É »", "Deuxième partie 🎧", "Fin"), chapters.stream().map(TagContent.TagChapter::title).toList());
        assertEquals(List.of(0L, 1500L, 4250L), chapters.stream().map(TagContent.TagChapter::startMs).toList());
        assertTrue(chapters.stream().allMatch(TagContent.TagChapter::toc));
    }

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void readsBackWhatWeWrite(Id3Version version) throws IOException {
        var written = Id3TagBuilderTest.chapters();
        var file = Files.write(dir.resolve("ours.mp3"), Id3TagBuilder.build(Id3TagBuilderTest.content(written), version));
        var read = Id3ChapterReader.read(file);
        assertEquals(3, read.size());
        assertEquals(written.get(0).title(), read.get(0).title());
        assertEquals(Optional.of("https://example.org/d%C3%A9buts"), read.get(1).url());
        assertEquals(Optional.of("https://example.org/c.jpg"), read.get(1).imageUrl());
        assertEquals(List.of(true, true, false), read.stream().map(TagContent.TagChapter::toc).toList());
        assertEquals(List.of(0L, 2500L, 4123L), read.stream().map(TagContent.TagChapter::startMs).toList());
    }

    @Test
    void aFileWithoutATagHasNoChapters() throws IOException {
        var file = Files.write(dir.resolve("none.mp3"), new byte[] {(byte) 0xFF, (byte) 0xFB, 0x10, 0});
        assertEquals(List.of(), Id3ChapterReader.read(file));
    }
}
