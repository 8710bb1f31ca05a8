package dev.chapitre.waveforms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WaveformDataTest {

    @Test
    void binaryIsAudiowaveformsEightBitVersionOne() {
        var data = WaveformData.binary(44_100, 441, new byte[] {-10, 12, -128, 127});
        var header = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals(24, data.length);
        assertEquals(1, header.getInt());
        assertEquals(1, header.getInt(), "flags: 8-bit");
        assertEquals(44_100, header.getInt());
        assertEquals(441, header.getInt());
        assertEquals(2, header.getInt(), "pixels");
        assertEquals(-10, header.get());
        assertEquals(127, data[23]);
    }

    @Test
    void jsonHasTheSameFields() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        WaveformData.writeJson(out, 48_000, 480, new byte[] {-1, 2});
        var json = jakarta.json.Json.createReader(new java.io.StringReader(out.toString())).readObject();

        assertEquals(8, json.getInt("bits"));
        assertEquals(480, json.getInt("samples_per_pixel"));
        assertEquals(1, json.getInt("length"));
        assertEquals(-1, json.getJsonArray("data").getInt(0));
        assertEquals(2, json.getJsonArray("data").getInt(1));
    }
}
