package dev.chapitre.waveforms.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.waveforms.entity.Pause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What each listening app makes of an episode's chapters, as warnings: never a reason to refuse a
 * save (a producer may have good reasons), but said before the episode reaches listeners. Chapters
 * are numbered from 1, as the editor shows them.
 */
public final class ChapterChecks {

    public static final String WARNING = "warning";
    /** YouTube turns description timestamps into chapters only from three on, each at least 10 s long. */
    static final long YOUTUBE_MIN_CHAPTER_MS = 10_000;
    static final int ID3_TOC_ENTRIES = 255;
    /** A start this close to a pause is at it: the editor's 10 ms pixels and a hand's precision. */
    static final long AT_PAUSE_MS = 150;

    public record Check(String app, String level, OptionalInt chapter, String message) {
    }

    /** A stored chapter image as its header describes it. */
    public record ImageFacts(int width, int height, boolean transparent) {
    }

    /** Apple's chapter art is square (its template is 3000 px); under this, as for show covers, it looks soft. */
    static final int MIN_IMAGE_SIDE = 1400;

    private ChapterChecks() {
    }

    /** {@code pauses}: the audio's, once known; without them the checks that need them are left out. */
    public static List<Check> of(List<Chapter> chapters, long durationMs, Optional<List<Pause>> pauses) {
        return of(chapters, durationMs, pauses, index -> Optional.empty());
    }

    /** {@code images}: the facts of chapter {@code index}'s stored image (from 0), if it has one. */
    public static List<Check> of(List<Chapter> chapters, long durationMs, Optional<List<Pause>> pauses,
                                 java.util.function.IntFunction<Optional<ImageFacts>> images) {
        var checks = new ArrayList<Check>();
        apple(chapters, checks);
        images(chapters, images, checks);
        spotify(chapters, checks);
        youtube(chapters, durationMs, checks);
        id3(chapters, checks);
        pauses.ifPresent(known -> atPauses(chapters, known, checks));
        return checks;
    }

    private static void apple(List<Chapter> chapters, List<Check> checks) {
        if (chapters.size() < 3) {
            checks.add(new Check("apple", WARNING, OptionalInt.empty(), "Apple Podcasts shows a creator's chapters from three on; with "
                    + chapters.size() + " it may show chapters it generates itself instead."));
        }
        firstAtZero(chapters).ifPresent(first -> checks.add(new Check("apple", WARNING, OptionalInt.of(1),
                "Apple Podcasts replaces its automatic chapters only when the first chapter starts at 0:00; yours starts at " + first + ".")));
    }

    private static void images(List<Chapter> chapters, java.util.function.IntFunction<Optional<ImageFacts>> images, List<Check> checks) {
        for (int i = 0; i < chapters.size(); i++) {
            int number = i + 1;
            images.apply(i).ifPresent(image -> {
                var size = image.width() + " × " + image.height() + " px";
                if (image.width() != image.height()) {
                    checks.add(new Check("apple", WARNING, OptionalInt.of(number), "Chapter " + number + "'s image is " + size
                            + ": Apple Podcasts shows chapter art square, so it will be cropped."));
                } else if (image.width() < MIN_IMAGE_SIDE) { // a square one: a crop would say enough of the other
                    checks.add(new Check("apple", WARNING, OptionalInt.of(number), "Chapter " + number + "'s image is " + size
                            + ": chapter art under " + MIN_IMAGE_SIDE + " px a side looks soft on large screens."));
                }
                if (image.transparent()) {
                    checks.add(new Check("apple", WARNING, OptionalInt.of(number), "Chapter " + number
                            + "'s image has transparent parts: Apple Podcasts asks for chapter art without transparency."));
                }
            });
        }
    }

    private static void spotify(List<Chapter> chapters, List<Check> checks) {
        firstAtZero(chapters).ifPresent(first -> checks.add(new Check("spotify", WARNING, OptionalInt.of(1),
                "Spotify shows chapters only when the first starts at 0:00; yours starts at " + first + ".")));
    }

    private static void youtube(List<Chapter> chapters, long durationMs, List<Check> checks) {
        if (chapters.size() < 3) {
            checks.add(new Check("youtube", WARNING, OptionalInt.empty(),
                    "YouTube makes chapters of the description's timestamps from three on; there are " + chapters.size() + "."));
        }
        firstAtZero(chapters).ifPresent(first -> checks.add(new Check("youtube", WARNING, OptionalInt.of(1),
                "YouTube needs the first timestamp at 00:00; yours is " + first + ".")));
        for (int i = 1; i <= chapters.size(); i++) {
            long end = i < chapters.size() ? chapters.get(i).startMs() : durationMs; // the last one runs to the end
            long length = end - chapters.get(i - 1).startMs();
            if (length < YOUTUBE_MIN_CHAPTER_MS) {
                checks.add(new Check("youtube", WARNING, OptionalInt.of(i), "Chapter " + i + " lasts " + seconds(length)
                        + " s; YouTube ignores chapters shorter than 10 s."));
            }
        }
    }

    private static void id3(List<Chapter> chapters, List<Check> checks) {
        long listed = chapters.stream().filter(Chapter::toc).count();
        if (listed > ID3_TOC_ENTRIES) {
            checks.add(new Check("id3", WARNING, OptionalInt.empty(), "An MP3's table of contents (ID3 CTOC) counts its entries in one byte: at most "
                    + ID3_TOC_ENTRIES + "; " + listed + " chapters are listed."));
        }
        for (int i = 0; i < chapters.size(); i++) {
            var title = chapters.get(i).title();
            if (title.codePointCount(0, title.length()) > ChapterList.MAX_TITLE) {
                checks.add(new Check("id3", WARNING, OptionalInt.of(i + 1), "Chapter " + (i + 1) + "'s title is longer than the "
                        + ChapterList.MAX_TITLE + " characters a chapter title may have here."));
            }
        }
    }

    private static void atPauses(List<Chapter> chapters, List<Pause> pauses, List<Check> checks) {
        for (int i = 0; i < chapters.size(); i++) {
            long start = chapters.get(i).startMs();
            if (start == 0 || pauses.stream().anyMatch(p -> start >= p.startMs() - AT_PAUSE_MS && start <= p.endMs() + AT_PAUSE_MS)) {
                continue;
            }
            var nearest = pauses.stream().min((a, b) -> Long.compare(distance(a, start), distance(b, start)));
            int number = i + 1;
            checks.add(new Check("listeners", WARNING, OptionalInt.of(number), "Chapter " + number + " (" + ChapterTime.clock(start)
                    + ") starts while someone is speaking" + nearest.map(p -> "; the nearest pause is at "
                    + ChapterTime.clock(p.nearestBoundary(start)) + ".").orElse(".")));
        }
    }

    private static long distance(Pause pause, long ms) {
        return Math.abs(pause.nearestBoundary(ms) - ms);
    }

    private static Optional<String> firstAtZero(List<Chapter> chapters) {
        return chapters.isEmpty() || chapters.get(0).startMs() == 0 ? Optional.empty() : Optional.of(ChapterTime.clock(chapters.get(0).startMs()));
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
