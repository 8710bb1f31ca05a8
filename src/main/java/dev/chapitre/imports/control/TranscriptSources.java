package dev.chapitre.imports.control;

import dev.chapitre.feeds.control.SourceFeed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which of an item's {@code podcast:transcript} files to bring over, best first: an item often links
 * the same transcript in several formats, and one is stored (then published in all of them again).
 * WebVTT carries speakers and times; the JSON format too; SRT times only; plain text may have
 * timestamps. An HTML transcript has no times: it is left, and the report says so.
 */
public final class TranscriptSources {

    private TranscriptSources() {
    }

    /** The transcripts worth reading, in the order to try them. */
    public static List<SourceFeed.Transcript> inOrder(List<SourceFeed.Transcript> linked) {
        return linked.stream().filter(t -> rank(t) < Integer.MAX_VALUE).sorted(Comparator.comparingInt(TranscriptSources::rank)).toList();
    }

    /** Those that cannot be brought over: no times to store. */
    public static List<SourceFeed.Transcript> untimed(List<SourceFeed.Transcript> linked) {
        return linked.stream().filter(t -> rank(t) == Integer.MAX_VALUE).toList();
    }

    private static int rank(SourceFeed.Transcript transcript) {
        var type = transcript.type().toLowerCase(Locale.ROOT);
        if (type.contains("vtt")) {
            return 0;
        } else if (type.contains("json")) {
            return 1;
        } else if (type.contains("srt") || type.contains("subrip")) {
            return 2;
        } else if (type.startsWith("text/plain")) {
            return 3;
        } else if (type.contains("html")) {
            return Integer.MAX_VALUE;
        }
        return 4; // a type we do not know: the content decides
    }
}
