package dev.chapitre.waveforms.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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

    public static JsonObject json(int sampleRate, int samplesPerPixel, byte[] peaks) {
        var data = Json.createArrayBuilder();
        for (byte value : peaks) {
            data.add(value);
        }
        return Json.createObjectBuilder().add("version", VERSION).add("channels", 1).add("sample_rate", sampleRate)
                .add("samples_per_pixel", samplesPerPixel).add("bits", 8).add("length", peaks.length / 2).add("data", data).build();
    }
}
