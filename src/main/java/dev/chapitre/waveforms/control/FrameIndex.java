package dev.chapitre.waveforms.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where each MPEG audio frame of a file starts, found by walking from header to header (each header
 * says its frame's length): what lets parts of the file be decoded side by side, each starting at a
 * frame whose place in time is known. Only for a clean stream: a header that changes version, layer
 * or sample rate, a free-format frame, or junk before the last few KiB (where tags may follow the
 * audio) gives none, and the file is decoded in one pass instead.
 */
final class FrameIndex {

    /** ID3v1, APE and Lyrics3 tags after the audio are at most this long in practice. */
    static final long TRAILING_TAGS = 256 * 1024;
    private static final int CHUNK = 1 << 20;
    private static final int[][] BITRATES_V1 = {
            {}, {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // layer III
            {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // layer II
            {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}}; // layer I
    private static final int[][] BITRATES_V2 = {
            {}, {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
            {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
            {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}};
    private static final int[][] RATES = {{11_025, 12_000, 8_000}, {}, {22_050, 24_000, 16_000}, {44_100, 48_000, 32_000}};

    private FrameIndex() {
    }

    /** The offsets of the frames from {@code first} (a frame's start) on. */
    static Optional<long[]> of(FileChannel file, long first) throws IOException {
        long size = file.size();
        var offsets = new long[4096];
        int count = 0;
        var buffer = ByteBuffer.allocate(CHUNK);
        long bufferStart = -1;
        int kind = -1;
        long at = first;
        while (at + 4 <= size) {
            if (bufferStart < 0 || at + 4 > bufferStart + buffer.limit()) {
                buffer.clear();
                file.read(buffer, at);
                buffer.flip();
                bufferStart = at;
            }
            int i = (int) (at - bufferStart);
            int header = buffer.getInt(i);
            int length = length(header);
            int thisKind = (header >>> 19 & 0x3) << 4 | (header >>> 17 & 0x3) << 2 | (header >>> 10 & 0x3); // version, layer, rate
            if (length <= 0 || (kind >= 0 && thisKind != kind)) {
                break;
            }
            kind = thisKind;
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count++] = at;
            at += length;
        }
        boolean clean = count > 0 && size - Math.min(at, size) <= TRAILING_TAGS;
        return clean ? Optional.of(Arrays.copyOf(offsets, count)) : Optional.empty();
    }

    /** A frame's length in bytes from its header; 0 for what is not a usable header. */
    static int length(int header) {
        if ((header >>> 21) != 0x7ff) {
            return 0;
        }
        int version = header >>> 19 & 0x3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        int layer = header >>> 17 & 0x3; // 1: III, 2: II, 3: I
        int bitrateIndex = header >>> 12 & 0xf;
        int rateIndex = header >>> 10 & 0x3;
        int padding = header >>> 9 & 0x1;
        if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return 0;
        }
        int bitrate = (version == 3 ? BITRATES_V1 : BITRATES_V2)[layer][bitrateIndex - 1] * 1000;
        int rate = RATES[version][rateIndex];
        return switch (layer) {
            case 3 -> (12 * bitrate / rate + padding) * 4;
            case 2 -> 144 * bitrate / rate + padding;
            default -> (version == 3 ? 144 : 72) * bitrate / rate + padding;
        };
    }
}
