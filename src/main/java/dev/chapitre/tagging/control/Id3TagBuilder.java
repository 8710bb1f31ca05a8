package dev.chapitre.tagging.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.util.ArrayList;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.id3.framebody.AbstractID3v2FrameBody;
import org.jaudiotagger.tag.id3.framebody.FrameBodyAPIC;
import org.jaudiotagger.tag.id3.framebody.FrameBodyCOMM;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTALB;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTCON;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTDRC;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTIT2;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTPE1;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTRCK;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTYER;
import org.jaudiotagger.tag.id3.framebody.FrameBodyWOAF;
import org.jaudiotagger.tag.id3.framebody.FrameBodyWXXX;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;
import org.jaudiotagger.tag.reference.PictureTypes;

/**
 * Builds a whole ID3v2 tag from {@link TagContent}, never from what the file held before
 * (jaudiotagger's reading of chapters is lossy). The result is the tag's bytes, header included.
 */
public final class Id3TagBuilder {

    /** Plain-text comments are a summary, not the full show notes. */
    static final int MAX_COMMENT = 2000;

    private Id3TagBuilder() {
    }

    public static byte[] build(TagContent content, Id3Version version) {
        AbstractID3v2Tag tag = version == Id3Version.V2_4 ? new ID3v24Tag() : new ID3v23Tag();
        byte text = ChapterFrames.textEncoding(version);
        set(tag, version, "TIT2", new FrameBodyTIT2(text, content.title()));
        set(tag, version, "TPE1", new FrameBodyTPE1(text, content.author()));
        set(tag, version, "TALB", new FrameBodyTALB(text, content.album()));
        content.year().ifPresent(year -> {
            if (version == Id3Version.V2_4) {
                set(tag, version, "TDRC", new FrameBodyTDRC(text, String.valueOf(year)));
            } else {
                set(tag, version, "TYER", new FrameBodyTYER(text, String.valueOf(year)));
            }
        });
        content.track().ifPresent(track -> set(tag, version, "TRCK", new FrameBodyTRCK(text, String.valueOf(track))));
        set(tag, version, "TCON", new FrameBodyTCON(text, "Podcast"));
        if (!content.comment().isBlank()) {
            var comment = content.comment().length() > MAX_COMMENT
                    ? content.comment().substring(0, MAX_COMMENT - 1) + "…" : content.comment();
            set(tag, version, "COMM", new FrameBodyCOMM(text, "eng", "", comment));
        }
        content.pageUrl().ifPresent(url -> {
            set(tag, version, "WOAF", new FrameBodyWOAF(ChapterFrames.asciiUrl(url)));
            set(tag, version, "WXXX", new FrameBodyWXXX(TextEncoding.ISO_8859_1, "", ChapterFrames.asciiUrl(url)));
        });
        content.cover().ifPresent(cover -> set(tag, version, "APIC", new FrameBodyAPIC(TextEncoding.ISO_8859_1,
                cover.mimeType(), PictureTypes.DEFAULT_ID.byteValue(), "", cover.image())));

        var inToc = new ArrayList<String>();
        for (int i = 0; i < content.chapters().size(); i++) {
            var chapter = content.chapters().get(i);
            add(tag, ChapterFrames.frame(version, "CHAP", ChapterFrames.chapter(version, i, chapter)));
            if (chapter.toc()) {
                inToc.add(ChapterFrames.elementId(i));
            }
        }
        if (!content.chapters().isEmpty()) {
            add(tag, ChapterFrames.frame(version, "CTOC", ChapterFrames.tableOfContents(version, inToc)));
        }
        return bytes(tag);
    }

    private static void set(AbstractID3v2Tag tag, Id3Version version, String id, AbstractID3v2FrameBody body) {
        AbstractID3v2Frame frame = ChapterFrames.frame(version, id, body);
        tag.setFrame(frame);
    }

    /** A frame that may occur several times (CHAP). */
    private static void add(AbstractID3v2Tag tag, AbstractID3v2Frame frame) {
        if (tag instanceof ID3v24Tag v24) {
            v24.addFrame(frame);
        } else {
            ((ID3v23Tag) tag).addFrame(frame);
        }
    }

    private static byte[] bytes(AbstractID3v2Tag tag) {
        var out = new ByteArrayOutputStream();
        try {
            tag.write(Channels.newChannel(out), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
