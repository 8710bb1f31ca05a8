package dev.chapitre.it;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real encoded audio (a few seconds, committed) and images drawn on the spot. */
public final class Fixtures {

    private Fixtures() {
    }

    /** 6.03 s, 44.1 kHz stereo, CBR 128 kbit/s, encoded by LAME through ffmpeg. */
    public static byte[] cbrMp3() {
        return resource("/audio/tone-cbr-128k.mp3");
    }

    /** 5.04 s, 44.1 kHz mono, VBR (LAME -V5) with a Xing header. */
    public static byte[] vbrMp3() {
        return resource("/audio/noise-vbr.mp3");
    }

    /** An MP3 of at least {@code size} bytes: MPEG frames concatenate, so the audio frames are repeated. */
    public static byte[] mp3OfAtLeast(long size) {
        var source = cbrMp3();
        int audioStart = id3Size(source);
        var frames = Arrays.copyOfRange(source, audioStart, source.length);
        var out = new ByteArrayOutputStream((int) size + frames.length);
        out.write(source, 0, audioStart);
        while (out.size() < size) {
            out.writeBytes(frames);
        }
        return out.toByteArray();
    }

    /**
     * At least {@code seconds} of CBR audio: the tone's frames repeated without its first frame, the
     * LAME Info frame, whose frame count would keep the length at 6 s (a 417-byte frame: 128 kbit/s,
     * 44.1 kHz, no padding).
     */
    public static byte[] cbrMp3Of(int seconds) {
        var source = cbrMp3();
        int audioStart = id3Size(source);
        var frames = Arrays.copyOfRange(source, audioStart + 417, source.length);
        var out = new ByteArrayOutputStream(seconds * 16_000 + frames.length);
        out.write(source, 0, audioStart);
        while (out.size() < audioStart + seconds * 16_000L) {
            out.writeBytes(frames);
        }
        return out.toByteArray();
    }

    public static int id3Size(byte[] mp3) {
        if (mp3[0] != 'I' || mp3[1] != 'D' || mp3[2] != '3') {
            return 0;
        }
        return 10 + (((mp3[6] & 0x7f) << 21) | ((mp3[7] & 0x7f) << 14) | ((mp3[8] & 0x7f) << 7) | (mp3[9] & 0x7f));
    }

    public static byte[] image(String format, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2a, 0x4d, 0x69));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] resource(String path) {
        try (var in = Fixtures.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
