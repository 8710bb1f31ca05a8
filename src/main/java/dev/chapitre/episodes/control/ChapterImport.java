package dev.chapitre.episodes.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.tagging.control.Id3ChapterReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Logger;

/**
 * The chapters an uploaded MP3 already carries (Auphonic, Hindenburg, ffmpeg, eyeD3…) become the
 * episode's when the upload names none. They obey the same rules as any other chapters; those
 * that break one (past the end, same start as another) are left out rather than failing the upload.
 */
public final class ChapterImport {

    private static final Logger LOG = Logger.getLogger(ChapterImport.class.getName());

    private ChapterImport() {
    }

    public static List<Chapter> fromFile(Path mp3, long durationMs) {
        List<Chapter> found;
        try {
            found = Id3ChapterReader.read(mp3).stream()
                    .map(c -> new Chapter(c.startMs(), truncated(c.title()), c.url().orElse(null), c.imageUrl().orElse(null), c.toc()))
                    .toList();
        } catch (IOException e) {
            LOG.warning(() -> "Could not read the chapters of an upload: " + e);
            return List.of();
        }
        return kept(found, durationMs);
    }

    /**
     * The chapters that obey the rules, in order; those that break one (past the end, the same start
     * as another, no title…) are left out rather than failing what brought them (an upload, an import).
     */
    public static List<Chapter> kept(List<Chapter> found, long durationMs) {
        try {
            return ChapterList.validated(found, durationMs);
        } catch (InvalidInput invalid) {
            var broken = new HashSet<Integer>();
            invalid.violations().forEach(v -> v.item().ifPresent(item -> broken.add(item.index())));
            var kept = new ArrayList<Chapter>();
            for (int i = 0; i < found.size() && kept.size() < ChapterList.MAX_CHAPTERS; i++) {
                if (!broken.contains(i)) {
                    kept.add(found.get(i));
                }
            }
            LOG.info(() -> "Left out " + (found.size() - kept.size()) + " chapter(s) that break the rules: " + invalid.violations());
            try {
                return ChapterList.validated(kept, durationMs);
            } catch (InvalidInput stillBroken) { // a rule about the list as a whole: none rather than a failure
                return List.of();
            }
        }
    }

    /** A title within the chapter rules' length, cut with an ellipsis. */
    public static String truncated(String title) {
        return title.codePointCount(0, title.length()) <= ChapterList.MAX_TITLE ? title
                : title.substring(0, title.offsetByCodePoints(0, ChapterList.MAX_TITLE - 1)) + "…";
    }
}
