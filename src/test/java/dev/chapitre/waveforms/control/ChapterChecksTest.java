package dev.chapitre.waveforms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.waveforms.entity.Pause;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ChapterChecksTest {

    static final long DURATION = 600_000;

    static Chapter at(long ms) {
        return new Chapter(ms, "Chapitre à " + ms, null, null, true);
    }

    static List<String> apps(List<ChapterChecks.Check> checks) {
        return checks.stream().map(ChapterChecks.Check::app).toList();
    }

    @Test
    void twoChaptersWarnForAppleAndYoutubeThreeDoNot() {
        var two = ChapterChecks.of(List.of(at(0), at(60_000)), DURATION, Optional.empty());
        var three = ChapterChecks.of(List.of(at(0), at(60_000), at(120_000)), DURATION, Optional.empty());

        assertEquals(List.of("apple", "youtube"), apps(two));
        assertTrue(two.get(0).message().contains("three"), two.get(0).message());
        assertEquals(List.of(), three);
    }

    @Test
    void aFirstChapterAfterTheStartWarnsForEachApp() {
        var checks = ChapterChecks.of(List.of(at(5_000), at(60_000), at(120_000)), DURATION, Optional.empty());

        assertEquals(List.of("apple", "spotify", "youtube"), apps(checks));
        checks.forEach(check -> assertEquals(OptionalInt.of(1), check.chapter()));
        assertTrue(checks.get(1).message().contains("0:05"), checks.get(1).message());
    }

    @Test
    void youtubeWantsTenSecondsPerChapterNumberedAsTheEditorShowsThem() {
        var checks = ChapterChecks.of(List.of(at(0), at(6_000), at(60_000)), DURATION, Optional.empty());

        assertEquals(1, checks.size(), checks.toString());
        assertEquals("youtube", checks.get(0).app());
        assertEquals(OptionalInt.of(1), checks.get(0).chapter());
        assertEquals("Chapter 1 lasts 6.0 s; YouTube ignores chapters shorter than 10 s.", checks.get(0).message());
    }

    @Test
    void inFrenchTheSameWarningIsWordedTheFrenchWayWithItsDecimalComma() {
        var defaultLocale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE); // a server in France still answers English to whoever does not ask for French
            var check = ChapterChecks.of(List.of(at(0), at(6_000), at(60_000)), DURATION, Optional.empty()).get(0);
            assertEquals("shortChapter", check.code());
            assertEquals("Le chapitre 1 dure 6,0 s ; YouTube ignore les chapitres de moins de 10 s.", check.message(Locale.FRENCH));
            assertEquals("Chapter 1 lasts 6.0 s; YouTube ignores chapters shorter than 10 s.", check.message(Locale.ENGLISH));
            assertEquals(check.message(Locale.ENGLISH), check.message(Locale.GERMAN));
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    void theLastChapterRunsToTheEndOfTheAudio() {
        var checks = ChapterChecks.of(List.of(at(0), at(20_000), at(30_000)), 32_000, Optional.empty());

        assertEquals(List.of("Chapter 3 lasts 2.0 s; YouTube ignores chapters shorter than 10 s."),
                checks.stream().map(ChapterChecks.Check::message).toList());
    }

    @Test
    void aStartInsideSpeechIsToldWithTheNearestPause() {
        var pauses = List.of(new Pause(59_000, 60_000), new Pause(121_000, 122_500));

        var checks = ChapterChecks.of(List.of(at(0), at(60_100), at(119_000)), DURATION, Optional.of(pauses));

        assertEquals(1, checks.size(), checks.toString());
        assertEquals(OptionalInt.of(3), checks.get(0).chapter());
        assertEquals("Chapter 3 (1:59) starts while someone is speaking; the nearest pause is at 2:01.", checks.get(0).message());
    }

    @Test
    void chapterArtIsSquareLargeAndOpaqueForApple() {
        var facts = java.util.Map.of(1, new ChapterChecks.ImageFacts(1400, 933, false), 2, new ChapterChecks.ImageFacts(600, 600, true));

        var checks = ChapterChecks.of(List.of(at(0), at(60_000), at(120_000)), DURATION, Optional.empty(),
                index -> Optional.ofNullable(facts.get(index)));

        assertEquals(List.of("apple", "apple", "apple"), apps(checks), checks.toString());
        assertEquals("Chapter 2's image is 1400 × 933 px: Apple Podcasts shows chapter art square, so it will be cropped.",
                checks.get(0).message());
        assertEquals(OptionalInt.of(3), checks.get(1).chapter());
        assertTrue(checks.get(1).message().contains("under 1400 px"), checks.get(1).message());
        assertTrue(checks.get(2).message().contains("transparent"), checks.get(2).message());
    }

    @Test
    void anImagesHeaderSaysItsSizeAndAlpha() throws Exception {
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_ARGB), "png", png);
        var jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", jpeg);

        assertEquals(Optional.of(new ChapterChecks.ImageFacts(30, 20, true)),
                ImageHeaders.read(new java.io.ByteArrayInputStream(png.toByteArray())));
        assertEquals(Optional.of(new ChapterChecks.ImageFacts(16, 16, false)),
                ImageHeaders.read(new java.io.ByteArrayInputStream(jpeg.toByteArray())));
        assertEquals(Optional.empty(), ImageHeaders.read(new java.io.ByteArrayInputStream("WEBVTT".getBytes())));
    }
}
