package dev.chapitre.podcasts.control;

import dev.chapitre.platform.control.ProblemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Checks cover art against Apple's rules (JPEG or PNG, square, 1400 to 3000 pixels) by reading
 * the image header only, never decoding the pixels.
 */
public final class ArtworkInspector {

    public static final int MIN_SIZE = 1400;
    public static final int MAX_SIZE = 3000;

    public record Image(String mediaType, int size) {
    }

    private ArtworkInspector() {
    }

    public static Image inspect(Path file, String declaredType) throws IOException {
        try (var input = ImageIO.createImageInputStream(file.toFile())) {
            var readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw ProblemException.unprocessable("The body is not a readable image.");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                var format = reader.getFormatName().toLowerCase(Locale.ROOT);
                var actualType = format.equals("png") ? "image/png" : format.startsWith("jp") ? "image/jpeg" : null;
                if (actualType == null) {
                    throw ProblemException.unprocessable("The image is " + format.toUpperCase(Locale.ROOT) + "; cover art must be JPEG or PNG.");
                }
                if (!actualType.equals(declaredType)) {
                    throw ProblemException.unprocessable("The body was sent as " + declaredType + " but is " + actualType + ".");
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != height) {
                    throw ProblemException.unprocessable("Cover art must be square; this image is " + width + "×" + height + " pixels.");
                }
                if (width < MIN_SIZE || width > MAX_SIZE) {
                    throw ProblemException.unprocessable("Cover art must be " + MIN_SIZE + " to " + MAX_SIZE
                            + " pixels wide (Apple's rule); this image is " + width + "×" + height + ".");
                }
                return new Image(actualType, width);
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            throw ProblemException.unprocessable("The image cannot be read: " + e.getMessage());
        }
    }
}
