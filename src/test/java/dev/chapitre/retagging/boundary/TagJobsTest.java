package dev.chapitre.retagging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.tagging.control.TagContent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagJobsTest {

    static final String BASE = "https://podcasts.example.org";

    /** Embedded in time order while the budget lasts; past it, or when the file is missing, linked at the image's address. */
    @Test
    void storedImagesAreEmbeddedWithinTheBudgetAndLinkedBeyond() {
        int third = (int) (TagJobs.EMBEDDED_IMAGES_BYTES / 3); // a, b and c together one byte or two over the budget
        var files = Map.of("chapter-images/a.jpg", new byte[third], "chapter-images/b.png", new byte[third],
                "chapter-images/c.jpg", new byte[third + 2]);
        var chapters = List.of(new Chapter(0, "Un", null, null, true).withStoredImage("chapter-images/a.jpg"),
                new Chapter(1000, "Deux", null, "https://example.org/deux.jpg", true),
                new Chapter(2000, "Trois", null, null, true).withStoredImage("chapter-images/b.png"),
                new Chapter(3000, "Quatre", null, null, true).withStoredImage("chapter-images/c.jpg"),
                new Chapter(4000, "Cinq", null, null, true).withStoredImage("chapter-images/gone.jpg"));

        var tagged = TagJobs.withEnds(chapters, 5000, key -> Optional.ofNullable(files.get(key)),
                key -> Optional.of(BASE + "/media/" + key));

        assertEquals(List.of(Optional.of("image/jpeg"), Optional.empty(), Optional.of("image/png"), Optional.empty(), Optional.empty()),
                tagged.stream().map(c -> c.image().map(TagContent.Picture::mimeType)).toList());
        assertEquals(Optional.of("https://example.org/deux.jpg"), tagged.get(1).imageUrl());
        assertEquals(Optional.of(BASE + "/media/chapter-images/c.jpg"), tagged.get(3).imageUrl(), "past the budget: linked");
        assertEquals(Optional.of(BASE + "/media/chapter-images/gone.jpg"), tagged.get(4).imageUrl(), "missing: linked");
        assertEquals(List.of(1000L, 2000L, 3000L, 4000L, 5000L), tagged.stream().map(TagContent.TagChapter::endMs).toList());
    }
}
