package dev.chapitre.tagging.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads the chapters an MP3 already carries (CHAP frames with their TIT2/WXXX/APIC sub-frames,
 * and CTOC), as written by Auphonic, Hindenburg, ffmpeg or eyeD3. jaudiotagger keeps only one
 * CHAP frame of several and drops sub-frames, so this walks the ID3v2 tag itself. Anything it does
 * not understand (ID3v2.2, compressed or encrypted frames) is skipped, never fatal.
 */
public final class Id3ChapterReader {

    private static final int MAX_TAG = 64 * 1024 * 1024;

    private Id3ChapterReader() {
    }

    /** The file's chapters in time order; empty when it has none. */
    public static List<TagContent.TagChapter> read(Path file) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(10);
            if (!Id3v2Header.isTag(header)) {
                return List.of();
            }
            int size = Id3v2Header.syncsafe(header, 6);
            if (size > MAX_TAG) {
                return List.of();
            }
            return parse(header[3], header[5], in.readNBytes(size));
        }
    }

    static List<TagContent.TagChapter> parse(int version, int flags, byte[] tag) {
        if (version != 3 && version != 4) {
            return List.of();
        }
        var data = version == 3 && (flags & 0x80) != 0 ? resynchronised(tag) : tag;
        int at = 0;
        if ((flags & 0x40) != 0 && data.length >= 4) {
            at = version == 3 ? 4 + ByteBuffer.wrap(data, 0, 4).getInt() : Id3v2Header.syncsafe(data, 0);
        }
        var chapters = new ArrayList<Raw>();
        var inToc = new HashSet<String>();
        boolean hasToc = false;
        for (var frame : frames(data, at, version)) {
            try {
                if (frame.id().equals("CHAP")) {
                    chapters.add(chapter(frame.body(), version));
                } else if (frame.id().equals("CTOC")) {
                    hasToc = true;
                    inToc.addAll(tableOfContents(frame.body()));
                }
            } catch (RuntimeException malformed) {
                // A broken frame is skipped; the others still count.
            }
        }
        chapters.sort(Comparator.comparingLong(Raw::start));
        var result = new ArrayList<TagContent.TagChapter>();
        for (int i = 0; i < chapters.size(); i++) {
            var c = chapters.get(i);
            var title = c.title().filter(t -> !t.isBlank()).orElse("Chapter " + (i + 1));
            result.add(new TagContent.TagChapter(c.start(), c.end(), title, c.url(), c.image(), !hasToc || inToc.contains(c.id())));
        }
        return result;
    }

    private record Frame(String id, byte[] body) {
    }

    private record Raw(String id, long start, long end, Optional<String> title, Optional<String> url, Optional<String> image) {
    }

    private static List<Frame> frames(byte[] data, int from, int version) {
        var frames = new ArrayList<Frame>();
        int at = from;
        while (at + 10 <= data.length && data[at] != 0) {
            var id = new String(data, at, 4, StandardCharsets.ISO_8859_1);
            int size = version == 4 ? Id3v2Header.syncsafe(data, at + 4) : ByteBuffer.wrap(data, at + 4, 4).getInt();
            int frameFlags = ((data[at + 8] & 0xff) << 8) | (data[at + 9] & 0xff);
            if (size < 0 || at + 10 + size > data.length) {
                break;
            }
            var body = Arrays.copyOfRange(data, at + 10, at + 10 + size);
            at += 10 + size;
            if (version == 4) {
                if ((frameFlags & 0x000C) != 0) {
                    continue; // compressed or encrypted
                }
                if ((frameFlags & 0x0002) != 0) {
                    body = resynchronised(body);
                }
                if ((frameFlags & 0x0001) != 0 && body.length >= 4) {
                    body = Arrays.copyOfRange(body, 4, body.length); // data length indicator
                }
            } else if ((frameFlags & 0x00C0) != 0) {
                continue; // 2.3: compressed or encrypted
            }
            frames.add(new Frame(id, body));
        }
        return frames;
    }

    private static Raw chapter(byte[] body, int version) {
        int end = indexOfZero(body, 0);
        var id = new String(body, 0, end, StandardCharsets.ISO_8859_1);
        var times = ByteBuffer.wrap(body, end + 1, 16);
        long start = times.getInt() & 0xffffffffL;
        long stop = times.getInt() & 0xffffffffL;
        Optional<String> title = Optional.empty();
        Optional<String> url = Optional.empty();
        Optional<String> image = Optional.empty();
        for (var sub : frames(body, end + 17, version)) {
            switch (sub.id()) {
                case "TIT2" -> title = Optional.of(text(sub.body()));
                case "WXXX" -> url = userUrl(sub.body());
                case "APIC" -> image = linkedImage(sub.body());
                default -> { }
            }
        }
        return new Raw(id, start, stop, title, url, image);
    }

    private static List<String> tableOfContents(byte[] body) {
        int end = indexOfZero(body, 0);
        int count = body[end + 2] & 0xff;
        var ids = new ArrayList<String>();
        int at = end + 3;
        for (int i = 0; i < count && at < body.length; i++) {
            int stop = indexOfZero(body, at);
            ids.add(new String(body, at, stop - at, StandardCharsets.ISO_8859_1));
            at = stop + 1;
        }
        return ids;
    }

    private static String text(byte[] body) {
        var charset = charset(body[0]);
        var value = new String(body, 1, body.length - 1, charset);
        int nul = value.indexOf('\0');
        return (nul >= 0 ? value.substring(0, nul) : value).strip();
    }

    /** WXXX: encoding, description (terminated in that encoding), then the URL in ISO-8859-1. */
    private static Optional<String> userUrl(byte[] body) {
        int urlStart = afterTerminated(body, 1, body[0]);
        var url = latin1(body, urlStart);
        return url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    /** APIC with the MIME type "-->": the picture data is a URL. Embedded pictures are not links. */
    private static Optional<String> linkedImage(byte[] body) {
        int mimeEnd = indexOfZero(body, 1);
        var mime = new String(body, 1, mimeEnd - 1, StandardCharsets.ISO_8859_1);
        if (!mime.equals("-->")) {
            return Optional.empty();
        }
        int dataStart = afterTerminated(body, mimeEnd + 2, body[0]);
        var url = latin1(body, dataStart);
        return url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    private static String latin1(byte[] body, int from) {
        int end = from;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return from >= body.length ? "" : new String(body, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private static int afterTerminated(byte[] body, int from, byte encoding) {
        boolean wide = encoding == 1 || encoding == 2;
        int i = from;
        while (i < body.length) {
            if (!wide && body[i] == 0) {
                return i + 1;
            }
            if (wide && i + 1 < body.length && body[i] == 0 && body[i + 1] == 0) {
                return i + 2;
            }
            i += wide ? 2 : 1;
        }
        return body.length;
    }

    private static Charset charset(byte encoding) {
        return switch (encoding) {
            case 0 -> StandardCharsets.ISO_8859_1;
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            default -> StandardCharsets.UTF_8;
        };
    }

    private static int indexOfZero(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    /** Undoes ID3 unsynchronisation: every 0xFF 0x00 becomes 0xFF. */
    private static byte[] resynchronised(byte[] data) {
        var out = new ByteArrayOutputStream(data.length);
        for (int i = 0; i < data.length; i++) {
            out.write(data[i]);
            if ((data[i] & 0xff) == 0xff && i + 1 < data.length && data[i + 1] == 0) {
                i++;
            }
        }
        return out.toByteArray();
    }


}
