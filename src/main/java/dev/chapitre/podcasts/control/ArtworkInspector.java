package dev.chapitre.podcasts.control;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Checks cover art against Apple's rules (JPEG or PNG, square, 1400 to 3000 pixels) by reading
 * the image header only, never decoding the pixels. A broken rule is an {@link InvalidInput} on
 * the field "artwork", like any other rule of a show.
 */
public final class ArtworkInspector {

    public static final int MIN_SIZE = 1400;
    public static final int MAX_SIZE = 3000;
    static final String FIELD = "artwork";

    public record Image(String mediaType, int size) {
    }

    private ArtworkInspector() {
    }

    public static Image inspect(Path file, String declaredType) throws IOException {
        try (var input = ImageIO.createImageInputStream(file.toFile())) {
            var readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw refused(Message.of("podcasts.artwork.unreadable"));
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                var format = reader.getFormatName().toLowerCase(Locale.ROOT);
                var actualType = format.equals("png") ? "image/png" : format.startsWith("jp") ? "image/jpeg" : null;
                if (actualType == null) {
                    throw refused(Message.of("podcasts.artwork.format", format.toUpperCase(Locale.ROOT)));
                }
                if (!actualType.equals(declaredType)) {
                    throw refused(Message.of("podcasts.artwork.sentAs", String.valueOf(declaredType), actualType));
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != height) {
                    throw refused(Message.of("podcasts.artwork.square", width, height));
                }
                if (width < MIN_SIZE || width > MAX_SIZE) {
                    throw refused(Message.of("podcasts.artwork.size", MIN_SIZE, MAX_SIZE, width, height));
                }
                return new Image(actualType, width);
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            throw refused(Message.of("podcasts.artwork.cannotRead", String.valueOf(e.getMessage())));
        }
    }

    private static InvalidInput refused(Message reason) {
        return new InvalidInput(Message.of("podcasts.artwork.notSaved"), List.of(new Violation(FIELD, reason)));
    }
}
