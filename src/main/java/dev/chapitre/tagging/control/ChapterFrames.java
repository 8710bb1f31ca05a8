package dev.chapitre.tagging.control;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.ID3v23Frame;
import org.jaudiotagger.tag.id3.ID3v24Frame;
import org.jaudiotagger.tag.id3.framebody.AbstractID3v2FrameBody;
import org.jaudiotagger.tag.id3.framebody.FrameBodyAPIC;
import org.jaudiotagger.tag.id3.framebody.FrameBodyCHAP;
import org.jaudiotagger.tag.id3.framebody.FrameBodyCTOC;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTIT2;
import org.jaudiotagger.tag.id3.framebody.FrameBodyWXXX;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;
import org.jaudiotagger.tag.reference.PictureTypes;

/**
 * CHAP and CTOC frames with their sub-frames, per the ID3v2 Chapter Frame Addendum (1.0).
 * jaudiotagger 3.0.1 models neither the sub-frames of CHAP nor the contents of CTOC, so these
 * bodies serialise themselves; the sub-frames are ordinary jaudiotagger frames of the tag's own
 * version (frame sizes are plain integers in 2.3, sync-safe in 2.4).
 */
final class ChapterFrames {

    /** Byte offsets are not used: 0xFFFFFFFF tells readers to use the times. */
    static final int NO_OFFSET = 0xFFFFFFFF;
    static final int CTOC_TOP_LEVEL = 0x02;
    static final int CTOC_ORDERED = 0x01;

    private ChapterFrames() {
    }

    static String elementId(int index) {
        return "ch" + index;
    }

    static ChapterBody chapter(Id3Version version, int index, TagContent.TagChapter chapter) {
        var subFrames = new ByteArrayOutputStream();
        write(subFrames, frame(version, "TIT2", new FrameBodyTIT2(textEncoding(version), chapter.title())));
        chapter.url().ifPresent(url -> write(subFrames, frame(version, "WXXX",
                new FrameBodyWXXX(TextEncoding.ISO_8859_1, "", asciiUrl(url)))));
        if (chapter.image().isPresent()) {
            var picture = chapter.image().get();
            write(subFrames, frame(version, "APIC", new FrameBodyAPIC(TextEncoding.ISO_8859_1, picture.mimeType(),
                    PictureTypes.DEFAULT_ID.byteValue(), "", picture.image())));
        } else {
            chapter.imageUrl().ifPresent(img -> write(subFrames, frame(version, "APIC",
                    new FrameBodyAPIC(TextEncoding.ISO_8859_1, FrameBodyAPIC.IMAGE_IS_URL, PictureTypes.DEFAULT_ID.byteValue(), "",
                            asciiUrl(img).getBytes(StandardCharsets.ISO_8859_1)))));
        }
        return new ChapterBody(elementId(index), chapter.startMs(), chapter.endMs(), subFrames.toByteArray());
    }

    static TableOfContentsBody tableOfContents(Id3Version version, List<String> childIds) {
        var subFrames = new ByteArrayOutputStream();
        write(subFrames, frame(version, "TIT2", new FrameBodyTIT2(textEncoding(version), "Chapters")));
        return new TableOfContentsBody("toc", childIds, subFrames.toByteArray());
    }

    static byte textEncoding(Id3Version version) {
        return version == Id3Version.V2_4 ? TextEncoding.UTF_8 : TextEncoding.UTF_16;
    }

    static AbstractID3v2Frame frame(Id3Version version, String id, AbstractID3v2FrameBody body) {
        AbstractID3v2Frame frame = version == Id3Version.V2_4 ? new ID3v24Frame(id) : new ID3v23Frame(id);
        frame.setBody(body);
        return frame;
    }

    /** URL frames are ISO-8859-1 by definition: non-ASCII characters are percent-encoded. */
    static String asciiUrl(String url) {
        try {
            return URI.create(url).toASCIIString();
        } catch (IllegalArgumentException e) {
            return url.replaceAll("[^\\x20-\\x7e]", "");
        }
    }

    private static void write(ByteArrayOutputStream out, AbstractID3v2Frame frame) {
        if (frame instanceof ID3v24Frame v24) {
            v24.write(out);
        } else {
            ((ID3v23Frame) frame).write(out);
        }
    }

    private static void int32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24) & 0xff);
        out.write((int) (value >>> 16) & 0xff);
        out.write((int) (value >>> 8) & 0xff);
        out.write((int) value & 0xff);
    }

    private static void terminated(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
    }

    /** CHAP: element id, start and end time (ms), start and end offset, then the sub-frames. */
    static final class ChapterBody extends FrameBodyCHAP {
        private final String elementId;
        private final long startMs;
        private final long endMs;
        private final byte[] subFrames;

        ChapterBody(String elementId, long startMs, long endMs, byte[] subFrames) {
            this.elementId = elementId;
            this.startMs = startMs;
            this.endMs = endMs;
            this.subFrames = subFrames;
        }

        /** jaudiotagger copies frame bodies through a public copy constructor when it builds a tag. */
        public ChapterBody(ChapterBody original) {
            this(original.elementId, original.startMs, original.endMs, original.subFrames);
        }

        @Override
        public void write(ByteArrayOutputStream tagBuffer) {
            var body = new ByteArrayOutputStream();
            terminated(body, elementId);
            int32(body, startMs);
            int32(body, endMs);
            int32(body, NO_OFFSET);
            int32(body, NO_OFFSET);
            body.writeBytes(subFrames);
            setSize(body.size());
            tagBuffer.writeBytes(body.toByteArray());
        }
    }

    /** CTOC: element id, flags, entry count, child element ids, then the sub-frames. */
    static final class TableOfContentsBody extends FrameBodyCTOC {
        private final String elementId;
        private final List<String> childIds;
        private final byte[] subFrames;

        TableOfContentsBody(String elementId, List<String> childIds, byte[] subFrames) {
            this.elementId = elementId;
            this.childIds = List.copyOf(childIds);
            this.subFrames = subFrames;
        }

        public TableOfContentsBody(TableOfContentsBody original) {
            this(original.elementId, original.childIds, original.subFrames);
        }

        @Override
        public void write(ByteArrayOutputStream tagBuffer) {
            var body = new ByteArrayOutputStream();
            terminated(body, elementId);
            body.write(CTOC_TOP_LEVEL | CTOC_ORDERED);
            body.write(childIds.size());
            childIds.forEach(id -> terminated(body, id));
            body.writeBytes(subFrames);
            setSize(body.size());
            tagBuffer.writeBytes(body.toByteArray());
        }
    }
}
