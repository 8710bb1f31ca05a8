package dev.chapitre.chapters.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChapterArtTest {

    @TempDir
    Path folder;

    @Test
    void aWidePngIsScaledToTheLongSideKeepingItsAspectAndTransparency() throws Exception {
        var image = new BufferedImage(3000, 1500, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new Color(200, 30, 30, 255));
        g.fillRect(0, 0, 1500, 1500); // the left half red and opaque, the right half transparent
        g.dispose();

        var stored = ChapterArt.prepare(file("wide.png", encoded(image, "png")), ChapterArt.PNG);

        assertEquals(ChapterArt.PNG, stored.mediaType());
        assertEquals("png", stored.extension());
        var decoded = decoded(stored.bytes());
        assertEquals(1400, decoded.getWidth());
        assertEquals(700, decoded.getHeight());
        assertEquals(255, new Color(decoded.getRGB(100, 350), true).getAlpha());
        assertEquals(200, new Color(decoded.getRGB(100, 350), true).getRed(), 2);
        assertEquals(0, new Color(decoded.getRGB(1300, 350), true).getAlpha(), "transparency is kept");
    }

    @Test
    void aSmallJpegKeepsItsSizeButIsEncodedAgainWithoutItsMetadata() throws Exception {
        var image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 800, 600);
        g.dispose();
        var withExif = withApp1(encoded(image, "jpeg"), "Exif\0\0GPS 48.8566 N 2.3522 E");

        var stored = ChapterArt.prepare(file("photo.jpg", withExif), ChapterArt.JPEG);

        assertEquals(ChapterArt.JPEG, stored.mediaType());
        assertEquals(800, stored.width());
        assertEquals(600, stored.height());
        assertFalse(new String(stored.bytes(), StandardCharsets.ISO_8859_1).contains("GPS 48.8566"), "the EXIF block is not published");
        var decoded = decoded(stored.bytes());
        assertEquals(800, decoded.getWidth());
        assertEquals(255, new Color(decoded.getRGB(400, 300)).getBlue(), 3);
    }

    @Test
    void aLargePhotoIsDecodedSubsampledAndScaled() throws Exception {
        var image = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
        var stored = ChapterArt.prepare(file("big.jpg", encoded(image, "jpeg")), ChapterArt.JPEG);
        assertEquals(1400, stored.width());
        assertEquals(933, stored.height());
        assertEquals(1400, decoded(stored.bytes()).getWidth());
    }

    @Test
    void aThinImageKeepsAtLeastOnePixel() throws Exception {
        var stored = ChapterArt.prepare(file("thin.png", encoded(new BufferedImage(2, 4000, BufferedImage.TYPE_INT_RGB), "png")),
                ChapterArt.PNG);
        assertEquals(1, stored.width());
        assertEquals(1400, stored.height());
    }

    @Test
    void textIsNotAnImage() throws Exception {
        var refused = assertThrows(NotChapterArt.class,
                () -> ChapterArt.prepare(file("notes.png", "Hello, this is not a picture".getBytes(StandardCharsets.UTF_8)), ChapterArt.PNG));
        assertEquals(NotChapterArt.Kind.NOT_AN_IMAGE, refused.kind());
        assertEquals("it is not a JPEG or PNG image (it is text)", refused.getMessage());
    }

    @Test
    void aGifIsToldAsSuch() throws Exception {
        var refused = assertThrows(NotChapterArt.class,
                () -> ChapterArt.prepare(file("a.gif", encoded(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "gif")), ChapterArt.PNG));
        assertEquals(NotChapterArt.Kind.NOT_AN_IMAGE, refused.kind());
        assertTrue(refused.getMessage().contains("GIF"), refused.getMessage());
    }

    @Test
    void aJpegSentAsPngIsRefusedWithTheTypeToSend() throws Exception {
        var refused = assertThrows(NotChapterArt.class,
                () -> ChapterArt.prepare(file("a.png", encoded(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "jpeg")), ChapterArt.PNG));
        assertEquals(NotChapterArt.Kind.NOT_AN_IMAGE, refused.kind());
        assertTrue(refused.getMessage().contains("Content-Type: image/jpeg"), refused.getMessage());
    }

    @Test
    void aTruncatedPngIsUnusable() throws Exception {
        var whole = encoded(noise(300, 300), "png");
        var refused = assertThrows(NotChapterArt.class,
                () -> ChapterArt.prepare(file("cut.png", Arrays.copyOf(whole, whole.length / 2)), ChapterArt.PNG));
        assertEquals(NotChapterArt.Kind.UNUSABLE, refused.kind());
        assertTrue(refused.getMessage().startsWith("it cannot be decoded") || refused.getMessage().startsWith("it is damaged"),
                refused.getMessage());
    }

    /** ImageIO decodes a cut JPEG "successfully", grey where the bytes ran out, and says so only in a warning. */
    @Test
    void aTruncatedJpegIsUnusable() throws Exception {
        var whole = encoded(noise(300, 300), "jpeg");
        var refused = assertThrows(NotChapterArt.class,
                () -> ChapterArt.prepare(file("cut.jpg", Arrays.copyOf(whole, whole.length / 2)), ChapterArt.JPEG));
        assertEquals(NotChapterArt.Kind.UNUSABLE, refused.kind());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
        var refused = assertThrows(NotChapterArt.class,
                () -> ChapterArt.prepare(file("bomb.png", pngClaiming(10_000, 10_000)), ChapterArt.PNG));
        assertEquals(NotChapterArt.Kind.UNUSABLE, refused.kind());
        assertTrue(refused.getMessage().startsWith("it is 10000×10000 pixels; a chapter image may have at most 50 megapixels"),
                refused.getMessage());
        var tooLong = assertThrows(NotChapterArt.class,
                () -> ChapterArt.prepare(file("strip.png", pngClaiming(30_000, 10)), ChapterArt.PNG));
        assertEquals(NotChapterArt.Kind.UNUSABLE, tooLong.kind());
    }

    @Test
    void anEmptyBodyIsNotAnImage() throws Exception {
        var refused = assertThrows(NotChapterArt.class, () -> ChapterArt.prepare(file("empty", new byte[0]), ChapterArt.JPEG));
        assertEquals("it is not a JPEG or PNG image (the body is empty)", refused.getMessage());
        assertEquals("ce n’est pas une image JPEG ou PNG (le corps de la requête est vide)", refused.reason().in(Locale.FRENCH));
    }

    @Test
    void encodingTheSameImageTwiceGivesTheSameBytes() throws Exception {
        var png = encoded(noise(200, 100), "png");
        assertArrayEquals(ChapterArt.prepare(file("a.png", png), ChapterArt.PNG).bytes(),
                ChapterArt.prepare(file("b.png", png), ChapterArt.PNG).bytes());
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(folder.resolve(name), bytes);
    }

    static byte[] encoded(BufferedImage image, String format) throws Exception {
        var out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    private static BufferedImage decoded(byte[] bytes) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    static BufferedImage noise(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    /** A JPEG with an APP1 segment (where EXIF lives) right after its SOI marker. */
    private static byte[] withApp1(byte[] jpeg, String payload) {
        var data = payload.getBytes(StandardCharsets.ISO_8859_1);
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xff);
        out.writeBytes(data);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A 1×1 PNG whose header claims another size (with a valid CRC): a few bytes that would decode to gigabytes. */
    static byte[] pngClaiming(int width, int height) throws Exception {
        var png = encoded(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        var buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height); // IHDR's data starts at 16: 8 signature + 4 length + 4 type
        var crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }
}
