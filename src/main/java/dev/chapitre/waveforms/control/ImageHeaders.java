package dev.chapitre.waveforms.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/** A stored image's size and whether it has an alpha channel, read from its header (no pixel is decoded). */
public final class ImageHeaders {

    private ImageHeaders() {
    }

    public static Optional<ChapterChecks.ImageFacts> read(InputStream in) throws IOException {
        try (var stream = ImageIO.createImageInputStream(in)) {
            var readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                var types = reader.getImageTypes(0);
                boolean alpha = types.hasNext() && types.next().getColorModel().hasAlpha();
                return Optional.of(new ChapterChecks.ImageFacts(reader.getWidth(0), reader.getHeight(0), alpha));
            } finally {
                reader.dispose();
            }
        }
    }
}
