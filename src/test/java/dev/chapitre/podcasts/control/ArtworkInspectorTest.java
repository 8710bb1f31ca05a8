package dev.chapitre.podcasts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chapitre.platform.entity.InvalidInput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apple's rules for cover art, each refused with the field "artwork" and a reason a producer can act on. */
class ArtworkInspectorTest {

    @TempDir
    Path folder;

    @Test
    void aSquareJpegOrPngOf1400To3000PixelsIsCoverArt() throws IOException {
        assertEquals(new ArtworkInspector.Image("image/png", 1400), ArtworkInspector.inspect(file("png", 1400, 1400), "image/png"));
        assertEquals(new ArtworkInspector.Image("image/png", 3000), ArtworkInspector.inspect(file("png", 3000, 3000), "image/png"));
        assertEquals(new ArtworkInspector.Image("image/jpeg", 1400), ArtworkInspector.inspect(file("jpg", 1400, 1400), "image/jpeg"));
    }

    @Test
    void tooSmallOrTooBig() {
        assertRefused(file("jpg", 1000, 1000), "image/jpeg", "must be 1400 to 3000 pixels wide (Apple's rule); this image is 1000×1000");
        assertRefused(file("png", 3001, 3001), "image/png", "must be 1400 to 3000 pixels wide (Apple's rule); this image is 3001×3001");
    }

    @Test
    void notSquare() {
        assertRefused(file("jpg", 1600, 1400), "image/jpeg", "must be square; this image is 1600×1400 pixels");
    }

    @Test
    void saidInFrenchToo() {
        var refused = assertThrows(InvalidInput.class, () -> ArtworkInspector.inspect(file("jpg", 1000, 1000), "image/jpeg"));
        assertEquals("L’illustration n’a pas été enregistrée : Illustration : doit faire de 1400 à 3000 pixels de large (règle d’Apple) ; "
                + "cette image fait 1000×1000", refused.detail(Locale.FRENCH));
    }

    @Test
    void notTheTypeItWasSentAs() {
        assertRefused(file("png", 1400, 1400), "image/jpeg", "was sent as image/jpeg but is image/png");
    }

    @Test
    void anotherImageFormat() {
        assertRefused(file("bmp", 1400, 1400), "image/png", "must be JPEG or PNG; this image is BMP");
    }

    @Test
    void notAnImage() throws IOException {
        assertRefused(Files.writeString(folder.resolve("notes.txt"), "GIF8 but not really"), "image/png", "is not a readable image");
    }

    private void assertRefused(Path image, String declaredType, String reason) {
        var refused = assertThrows(InvalidInput.class, () -> ArtworkInspector.inspect(image, declaredType));
        assertEquals(List.of("artwork"), refused.violations().stream().map(v -> v.field()).toList());
        assertEquals(reason, refused.violations().get(0).reason().in(Locale.ENGLISH));
        assertEquals("The artwork was not saved", refused.summary().toString());
    }

    /**
     * An image of that size. The inspector reads only the header, so a PNG is just its header
     * (written in microseconds, whatever the size); other formats are blank gray images.
     */
    private Path file(String format, int width, int height) {
        try {
            var file = Files.createTempFile(folder, "art", "." + format);
            if (format.equals("png")) {
                return Files.write(file, pngHeader(width, height));
            }
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), format, file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG signature and its IHDR chunk: 8-bit grayscale, no pixels. */
    private static byte[] pngHeader(int width, int height) {
        var ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        var crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
