package dev.chapitre.waveforms.boundary;

import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.control.RecentlyUsed;
import dev.chapitre.waveforms.control.ChapterChecks;
import dev.chapitre.waveforms.control.ImageHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The size of each stored chapter image, for the checks the editor asks for after every change. A
 * stored image never changes under its key (a new image gets a new key), so what was read once is
 * kept: the storage (a bucket, perhaps) is read once per image, not once per keystroke.
 */
@ApplicationScoped
public class ChapterImageFacts {

    private static final Logger LOG = Logger.getLogger(ChapterImageFacts.class.getName());

    @Inject
    MediaStorage storage;

    private final RecentlyUsed<ChapterChecks.ImageFacts> read = new RecentlyUsed<>(10_000, facts -> 1);

    public Optional<ChapterChecks.ImageFacts> facts(String key) {
        return read.get(key, () -> {
            try (var in = storage.read(key, 0, 64 * 1024)) {
                return ImageHeaders.read(in);
            } catch (IOException e) {
                LOG.log(Level.FINE, "Chapter image " + key + " could not be read for the checks", e);
                return Optional.empty();
            }
        });
    }
}
