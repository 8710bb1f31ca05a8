package dev.chapitre.waveforms.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where an MP3's sound starts as browsers and ffmpeg play it. Encoders write a first frame that
 * holds no sound ("Xing"/"Info", or Fraunhofer's "VBRI") and, in LAME's extension of it, how many
 * samples of encoder delay precede the audio; players skip both, plus the decoder's own delay of
 * 529 samples. A waveform that did not would be drawn about 50 ms late against the player's
 * {@code currentTime}: enough to put a mark on the wrong side of a pause.
 *
 * @param infoFrame the first frame is a header, not sound
 * @param skipSamples samples to drop after it (encoder and decoder delay)
 * @param firstFrameAt where the first frame starts in the file (after the ID3v2 tag)
 */
public record GaplessStart(boolean infoFrame, int skipSamples, long firstFrameAt) {

    static final GaplessStart NONE = new GaplessStart(false, 0, 0);
    /** The delay of the MDCT and synthesis filter bank that LAME's tag does not count (as ffmpeg: 528 + 1). */
    static final int DECODER_DELAY = 529;
    private static final int LOOK_AHEAD = 4096;

    /**
     * Reads past the ID3v2 tag (leaving {@code in} at the first frame) and peeks at that frame;
     * {@code in} is where the frames begin afterwards.
     */
    public static GaplessStart read(BufferedInputStream in) throws IOException {
        long tag = skipId3v2(in);
        in.mark(LOOK_AHEAD);
        var head = in.readNBytes(LOOK_AHEAD);
        in.reset();
        var start = of(head);
        return new GaplessStart(start.infoFrame(), start.skipSamples(), tag);
    }

    static GaplessStart of(byte[] frame) {
        if (frame.length < 4 || (frame[0] & 0xff) != 0xff || (frame[1] & 0xe0) != 0xe0) {
            return NONE;
        }
        int version = (frame[1] >> 3) & 0x3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        int layer = (frame[1] >> 1) & 0x3; // 1: layer III
        boolean mono = ((frame[3] >> 6) & 0x3) == 3;
        if (layer != 1 || version == 1) {
            return NONE;
        }
        int sideInfo = version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int xing = 4 + sideInfo;
        if (ascii(frame, 4 + 32, 4).equals("VBRI")) {
            return new GaplessStart(true, 0, 0);
        }
        var id = ascii(frame, xing, 4);
        if (!id.equals("Xing") && !id.equals("Info")) {
            return NONE;
        }
        int flags = int32(frame, xing + 4);
        int lame = xing + 8 + (flags & 1) * 4 + ((flags >> 1) & 1) * 4 + ((flags >> 2) & 1) * 100 + ((flags >> 3) & 1) * 4;
        // LAME (and ffmpeg's "Lavc") write their extension after the Xing fields: 9 bytes naming the
        // encoder, 12 more, then 12 bits of encoder delay and 12 of end padding.
        if (lame + 24 > frame.length || !(ascii(frame, lame, 4).equals("LAME") || ascii(frame, lame, 4).equals("Lavc")
                || ascii(frame, lame, 4).equals("Lavf"))) {
            return new GaplessStart(true, 0, 0);
        }
        int delay = ((frame[lame + 21] & 0xff) << 4) | ((frame[lame + 22] & 0xff) >> 4);
        return new GaplessStart(true, delay + DECODER_DELAY, 0);
    }

    /** The bytes before the first frame: the tag and any zeros after it. */
    private static long skipId3v2(BufferedInputStream in) throws IOException {
        in.mark(10);
        var header = in.readNBytes(10);
        if (header.length < 10 || !ascii(header, 0, 3).equals("ID3")) {
            in.reset();
            return 0;
        }
        long size = ((header[6] & 0x7fL) << 21) | ((header[7] & 0x7fL) << 14) | ((header[8] & 0x7fL) << 7) | (header[9] & 0x7fL);
        boolean footer = (header[5] & 0x10) != 0;
        long skipped = 10 + size + (footer ? 10 : 0);
        in.skipNBytes(skipped - 10);
        // Padding after a tag is not part of it on every writer: zeros before the first sync.
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b != 0) {
                in.reset();
                return skipped;
            }
            skipped++;
        }
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return from + length <= bytes.length ? new String(bytes, from, length, StandardCharsets.ISO_8859_1) : "";
    }

    private static int int32(byte[] b, int at) {
        return at + 4 <= b.length ? ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff) : 0;
    }
}
