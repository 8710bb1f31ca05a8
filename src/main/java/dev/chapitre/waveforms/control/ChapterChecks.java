package dev.chapitre.waveforms.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.waveforms.entity.Pause;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;

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

    /**
     * One warning: {@code code} names it for programs (and its message in {@code checks*.properties}),
     * {@code arguments} fill the message in.
     */
    public record Check(String app, String level, OptionalInt chapter, String code, List<Object> arguments) {

        static Check warning(String app, OptionalInt chapter, String code, Object... arguments) {
            return new Check(app, WARNING, chapter, code, List.of(arguments));
        }

        /** The message in English. */
        public String message() {
            return message(Locale.ENGLISH);
        }

        /** The message in French or English (any other language gets English). */
        public String message(Locale locale) {
            var messages = ResourceBundle.getBundle(MESSAGES, locale, ONLY_ITS_OWN);
            // numbers as the words are written: a German reader gets English words, and "6.0 s" with them
            var written = messages.getLocale().equals(Locale.ROOT) ? Locale.ENGLISH : messages.getLocale();
            return new MessageFormat(messages.getString(app + "." + code), written).format(arguments.toArray());
        }
    }

    static final String MESSAGES = "dev.chapitre.waveforms.control.checks";
    /** A language without messages gets English, never the server's own language. */
    private static final ResourceBundle.Control ONLY_ITS_OWN = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

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
            checks.add(Check.warning("apple", OptionalInt.empty(), "fewChapters", chapters.size()));
        }
        firstAtZero(chapters).ifPresent(first -> checks.add(Check.warning("apple", OptionalInt.of(1), "firstNotAtZero", first)));
    }

    private static void images(List<Chapter> chapters, java.util.function.IntFunction<Optional<ImageFacts>> images, List<Check> checks) {
        for (int i = 0; i < chapters.size(); i++) {
            int number = i + 1;
            images.apply(i).ifPresent(image -> {
                if (image.width() != image.height()) {
                    checks.add(Check.warning("apple", OptionalInt.of(number), "imageNotSquare", number, image.width(), image.height()));
                } else if (image.width() < MIN_IMAGE_SIDE) { // a square one: a crop would say enough of the other
                    checks.add(Check.warning("apple", OptionalInt.of(number), "imageSmall", number, image.width(), image.height(), MIN_IMAGE_SIDE));
                }
                if (image.transparent()) {
                    checks.add(Check.warning("apple", OptionalInt.of(number), "imageTransparent", number));
                }
            });
        }
    }

    private static void spotify(List<Chapter> chapters, List<Check> checks) {
        firstAtZero(chapters).ifPresent(first -> checks.add(Check.warning("spotify", OptionalInt.of(1), "firstNotAtZero", first)));
    }

    private static void youtube(List<Chapter> chapters, long durationMs, List<Check> checks) {
        if (chapters.size() < 3) {
            checks.add(Check.warning("youtube", OptionalInt.empty(), "fewChapters", chapters.size()));
        }
        firstAtZero(chapters).ifPresent(first -> checks.add(Check.warning("youtube", OptionalInt.of(1), "firstNotAtZero", first)));
        for (int i = 1; i <= chapters.size(); i++) {
            long end = i < chapters.size() ? chapters.get(i).startMs() : durationMs; // the last one runs to the end
            long length = end - chapters.get(i - 1).startMs();
            if (length < YOUTUBE_MIN_CHAPTER_MS) {
                checks.add(Check.warning("youtube", OptionalInt.of(i), "shortChapter", i,
                        // tenths cut, not rounded: 9.96 s is said 9.9 s, never "10.0 s, shorter than 10 s"
                        Math.floorDiv(length, 100) / 10.0, YOUTUBE_MIN_CHAPTER_MS / 1000));
            }
        }
    }

    private static void id3(List<Chapter> chapters, List<Check> checks) {
        long listed = chapters.stream().filter(Chapter::toc).count();
        if (listed > ID3_TOC_ENTRIES) {
            checks.add(Check.warning("id3", OptionalInt.empty(), "tableOfContentsFull", ID3_TOC_ENTRIES, listed));
        }
        for (int i = 0; i < chapters.size(); i++) {
            var title = chapters.get(i).title();
            if (title.codePointCount(0, title.length()) > ChapterList.MAX_TITLE) {
                checks.add(Check.warning("id3", OptionalInt.of(i + 1), "longTitle", i + 1, ChapterList.MAX_TITLE));
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
            var at = ChapterTime.clock(start);
            checks.add(nearest.map(p -> Check.warning("listeners", OptionalInt.of(number), "inSpeechNearPause", number, at,
                    ChapterTime.clock(p.nearestBoundary(start)))).orElse(Check.warning("listeners", OptionalInt.of(number), "inSpeech", number, at)));
        }
    }

    private static long distance(Pause pause, long ms) {
        return Math.abs(pause.nearestBoundary(ms) - ms);
    }

    private static Optional<String> firstAtZero(List<Chapter> chapters) {
        return chapters.isEmpty() || chapters.get(0).startMs() == 0 ? Optional.empty() : Optional.of(ChapterTime.clock(chapters.get(0).startMs()));
    }
}
