package dev.chapitre.tagging.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A deliberately naive ID3v2 walker for tests, written from the specification, not from our reader. */
final class Frames {

    record Frame(String id, byte[] body) {
    }

    record Chap(String elementId, long start, long end, long startOffset, long endOffset, List<Frame> subFrames) {
    }

    static List<Frame> parse(byte[] tag) {
        int version = tag[3];
        int size = syncsafe(tag, 6);
        return frames(Arrays.copyOfRange(tag, 10, 10 + size), version);
    }

    static List<Frame> frames(byte[] data, int version) {
        var frames = new ArrayList<Frame>();
        int at = 0;
        while (at + 10 <= data.length && data[at] != 0) {
            var id = new String(data, at, 4, StandardCharsets.ISO_8859_1);
            int size = version == 4 ? syncsafe(data, at + 4) : ByteBuffer.wrap(data, at + 4, 4).getInt();
            frames.add(new Frame(id, Arrays.copyOfRange(data, at + 10, at + 10 + size)));
            at += 10 + size;
        }
        return frames;
    }

    static Chap chap(byte[] body, Id3Version version) {
        int end = 0;
        while (body[end] != 0) {
            end++;
        }
        var id = new String(body, 0, end, StandardCharsets.ISO_8859_1);
        var numbers = ByteBuffer.wrap(body, end + 1, 16);
        long start = numbers.getInt() & 0xffffffffL;
        long stop = numbers.getInt() & 0xffffffffL;
        long startOffset = numbers.getInt() & 0xffffffffL;
        long endOffset = numbers.getInt() & 0xffffffffL;
        var sub = frames(Arrays.copyOfRange(body, end + 17, body.length), version == Id3Version.V2_4 ? 4 : 3);
        return new Chap(id, start, stop, startOffset, endOffset, sub);
    }

    /** A text frame's value: encoding byte, then ISO-8859-1, UTF-16 with BOM, UTF-16BE or UTF-8. */
    static String text(byte[] body) {
        var charset = switch (body[0]) {
            case 0 -> StandardCharsets.ISO_8859_1;
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            default -> StandardCharsets.UTF_8;
        };
        var value = new String(body, 1, body.length - 1, charset);
        int nul = value.indexOf('\0');
        return nul >= 0 ? value.substring(0, nul) : value;
    }

    static int syncsafe(byte[] b, int at) {
        return ((b[at] & 0x7f) << 21) | ((b[at + 1] & 0x7f) << 14) | ((b[at + 2] & 0x7f) << 7) | (b[at + 3] & 0x7f);
    }
}
