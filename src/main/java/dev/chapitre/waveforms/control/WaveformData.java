package dev.chapitre.waveforms.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The peaks in audiowaveform's formats, which players and editors already read (peaks.js, wavesurfer
 * via its JSON): version 1, mono, 8-bit. Binary: a 20-byte little-endian header (version, flags with
 * bit 0 set for 8-bit samples, sample rate, samples per pixel, pixel count) followed by the (min, max)
 * pairs. JSON: the same fields and {@code data}.
 */
public final class WaveformData {

    public static final String BINARY = "application/vnd.audiowaveform.dat";
    static final int VERSION = 1;
    static final int EIGHT_BIT = 1;
    static final int HEADER = 20;

    private WaveformData() {
    }

    public static byte[] binary(int sampleRate, int samplesPerPixel, byte[] peaks) {
        var buffer = ByteBuffer.allocate(HEADER + peaks.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(VERSION).putInt(EIGHT_BIT).putInt(sampleRate).putInt(samplesPerPixel).putInt(peaks.length / 2).put(peaks);
        return buffer.array();
    }

    /**
     * The JSON layout, written as it goes: a 3-hour episode's 2 million values as a JSON tree would
     * hold some 80 MB per request; written by hand it is a 64 KiB buffer.
     */
    public static void writeJson(OutputStream out, int sampleRate, int samplesPerPixel, byte[] peaks) throws IOException {
        var text = new StringBuilder(64 * 1024);
        text.append("{\"version\":").append(VERSION).append(",\"channels\":1,\"sample_rate\":").append(sampleRate)
                .append(",\"samples_per_pixel\":").append(samplesPerPixel).append(",\"bits\":8,\"length\":").append(peaks.length / 2)
                .append(",\"data\":[");
        for (int i = 0; i < peaks.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(peaks[i]);
            if (text.length() > 60 * 1024) {
                out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
                text.setLength(0);
            }
        }
        out.write(text.append("]}").toString().getBytes(StandardCharsets.US_ASCII));
    }
}
