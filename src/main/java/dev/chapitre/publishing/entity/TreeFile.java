package dev.chapitre.publishing.entity;

import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.Slug;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file of the published tree, named by its public path without the leading slash
 * ("feeds/epique.xml", "media/epique/episode-1.mp3").
 */
public sealed interface TreeFile {

    /** The paths the tree may hold: a show's feed, its episodes' chapters, transcripts and audio, its artwork. */
    Pattern PATH = Pattern.compile("feeds/" + Slug.PATTERN + "\\.xml|chapters/" + Slug.PATTERN + "/" + Slug.PATTERN + "\\.json"
            + "|transcripts/" + Slug.PATTERN + "/" + Slug.PATTERN + "\\.(?:" + String.join("|", PublicPaths.TRANSCRIPT_EXTENSIONS) + ")"
            + "|media/" + Slug.PATTERN + "/(?:" + Slug.PATTERN + "\\.mp3|artwork\\.(?:jpg|png))");

    String path();

    /**
     * A document written by the platform, with its gzipped copy when gzip makes it smaller (served
     * by nginx's gzip_static as "{path}.gz"); {@code modified} is its Last-Modified.
     */
    record Document(String path, byte[] plain, Optional<byte[]> gzipped, Instant modified) implements TreeFile {
        public Document {
            requireValid(path);
        }
    }

    /** A stored media file, published under {@code path} as a hard link (or, across file systems, a copy). */
    record Link(String path, Path source) implements TreeFile {
        public Link {
            requireValid(path);
        }
    }

    private static void requireValid(String path) {
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Not a path of the published tree: " + path);
        }
    }
}
