package dev.chapitre.chapters.control;

import dev.chapitre.platform.entity.Message;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A chapter's image as we store it: checked to be JPEG or PNG by its bytes (whatever it was sent
 * as), decoded whole, at most {@link #MAX_SIDE} pixels on its long side, and encoded again by us.
 * <p>
 * Encoded again even when its size is fine: what we publish (in the feed, and inside every CHAP of
 * the MP3) is then only pixels we decoded, never a phone photo's EXIF block with the place it was
 * taken, nor bytes appended after the image. A PNG stays a lossless PNG (transparency kept); a
 * JPEG costs one generation at quality {@link #JPEG_QUALITY}.
 */
public final class ChapterArt {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /**
     * Chapter art replaces the cover in players (Apple's minimum for covers is 1400 px, and a phone
     * shows it at most about that wide), and it is embedded in the MP3 once per chapter: a bigger
     * image costs every listener's download without looking any sharper.
     */
    public static final int MAX_SIDE = 1400;
    /**
     * What we agree to decode, told from the header before any pixel is: every camera's photos fit
     * (a 48 MP phone photo too), while a few kilobytes that claim 100,000 × 100,000 pixels do not.
     */
    public static final long MAX_PIXELS = 50_000_000L;
    public static final int MAX_SOURCE_SIDE = 20_000;
    static final float JPEG_QUALITY = 0.9f;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The image to store: its bytes, type and size in pixels. */
    public record Image(byte[] bytes, String mediaType, int width, int height) {
        public String extension() {
            return PNG.equals(mediaType) ? "png" : "jpg";
        }
    }

    private ChapterArt() {
    }

    /** {@code declaredType}: the Content-Type it was sent with, {@code image/jpeg} or {@code image/png}. */
    public static Image prepare(Path file, String declaredType) throws IOException, NotChapterArt {
        var actualType = typeOf(file);
        if (!actualType.equals(declaredType)) {
            throw new NotChapterArt(NotChapterArt.Kind.NOT_AN_IMAGE, actualType.equals(PNG)
                    ? Message.of("chapters.image.sentAs.png", declaredType, actualType)
                    : Message.of("chapters.image.sentAs.jpeg", declaredType, actualType));
        }
        var decoded = decode(file, actualType);
        var scaled = scaled(decoded, actualType.equals(PNG) && decoded.getColorModel().hasAlpha());
        return new Image(encode(scaled, actualType), actualType, scaled.getWidth(), scaled.getHeight());
    }

    /** JPEG or PNG by the file's first bytes, or what it looks like instead. */
    static String typeOf(Path file) throws IOException, NotChapterArt {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return PNG;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return JPEG;
        }
        throw new NotChapterArt(NotChapterArt.Kind.NOT_AN_IMAGE, Message.of("chapters.image.notJpegOrPng", lookOf(head)));
    }

    private static Message lookOf(byte[] head) {
        var text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.length == 0) {
            return Message.of("chapters.image.looks.empty");
        } else if (text.startsWith("GIF8")) {
            return Message.of("chapters.image.looks.gif");
        } else if (text.startsWith("RIFF") && text.startsWith("WEBP", 8)) {
            return Message.of("chapters.image.looks.webp");
        } else if (text.startsWith("II*\0") || text.startsWith("MM\0*")) {
            return Message.of("chapters.image.looks.tiff");
        } else if (text.startsWith("BM")) {
            return Message.of("chapters.image.looks.bmp");
        } else if (text.startsWith("ftyp", 4)) {
            return Message.of("chapters.image.looks.isoMedia");
        } else if (text.chars().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f))) {
            return Message.of("chapters.image.looks.text");
        }
        return Message.of("chapters.image.looks.unknown");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The whole image, or a refusal: too many pixels (read from the header, before decoding), a
     * decoder error, or a warning (a JPEG cut short decodes "successfully" as grey, with a warning).
     * A very large photo is decoded subsampled to at most twice the size we keep, so the heap holds
     * a few megapixels whatever was sent.
     */
    private static BufferedImage decode(Path file, String type) throws IOException, NotChapterArt {
        var readers = ImageIO.getImageReadersByFormatName(type.equals(PNG) ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("This Java has no " + type + " decoder");
        }
        ImageReader reader = readers.next();
        try (var input = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(input, true, true);
            var warnings = new ArrayList<String>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw unusable(Message.of("chapters.image.headerUnreadable", reason(e)));
            }
            if (width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE || (long) width * height > MAX_PIXELS) {
                throw unusable(Message.of("chapters.image.tooManyPixels", width, height, MAX_PIXELS / 1_000_000, MAX_SOURCE_SIDE,
                        MAX_SIDE));
            }
            var param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image;
            try {
                image = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                // the decoders throw what they meet (IIOException, but also IndexOutOfBounds on some damage)
                throw unusable(type.equals(JPEG) && isCmyk(e) ? Message.of("chapters.image.undecodable.cmyk", reason(e))
                        : Message.of("chapters.image.undecodable", reason(e)));
            }
            if (!warnings.isEmpty()) {
                throw unusable(Message.of("chapters.image.damaged", warnings.get(0)));
            }
            return image;
        } finally {
            reader.dispose();
        }
    }

    private static boolean isCmyk(Exception e) {
        return String.valueOf(e.getMessage()).contains("Unsupported Image Type");
    }

    private static String reason(Exception e) {
        var cause = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("Error reading") ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
    }

    private static NotChapterArt unusable(Message reason) {
        return new NotChapterArt(NotChapterArt.Kind.UNUSABLE, reason);
    }

    /**
     * At most {@link #MAX_SIDE} on the long side, the aspect kept (a side never below a pixel), in
     * plain RGB or ARGB. Down in halves first: one bilinear step from far above the target skips
     * most pixels and shimmers; halving averages them all.
     */
    static BufferedImage scaled(BufferedImage source, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        int longSide = Math.max(source.getWidth(), source.getHeight());
        double factor = longSide > MAX_SIDE ? (double) MAX_SIDE / longSide : 1;
        int targetWidth = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int targetHeight = Math.max(1, (int) Math.round(source.getHeight() * factor));
        var current = source;
        boolean last;
        do {
            last = current.getWidth() / 2 < targetWidth || current.getHeight() / 2 < targetHeight;
            current = drawn(current, last ? targetWidth : current.getWidth() / 2, last ? targetHeight : current.getHeight() / 2, type);
        } while (!last);
        return current;
    }

    private static BufferedImage drawn(BufferedImage source, int width, int height, int type) {
        var target = new BufferedImage(width, height, type);
        var g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(java.awt.Color.WHITE); // a JPEG has no transparency: what had none stays as it was
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, String type) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName(type.equals(PNG) ? "png" : "jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) { // no temporary files (ImageIO's cache)
            writer.setOutput(out);
            var param = writer.getDefaultWriteParam();
            if (type.equals(JPEG)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
