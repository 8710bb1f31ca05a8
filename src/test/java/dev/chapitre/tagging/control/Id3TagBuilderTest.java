package dev.chapitre.tagging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tag's bytes, checked against the ID3v2 Chapter Frame Addendum by walking them by hand. */
class Id3TagBuilderTest {

    static TagContent content(List<TagContent.TagChapter> chapters) {
        return new TagContent("1. 2017 – 1er PM : les débuts", "Benjamin", "Épique", Optional.of(2026), Optional.of(1),
                "Le récit des débuts.", Optional.of("https://podcasts.example.org/podcasts/epique/debuts"), Optional.empty(), chapters);
    }

    static List<TagContent.TagChapter> chapters() {
        return List.of(
                new TagContent.TagChapter(0, 2500, "Intro ’ « É » 🎙️", Optional.empty(), Optional.empty(), true),
                new TagContent.TagChapter(2500, 4123, "Les débuts", Optional.of("https://example.org/débuts"),
                        Optional.of("https://example.org/c.jpg"), true),
                new TagContent.TagChapter(4123, 6034, "Pub", Optional.empty(), Optional.empty(), false));
    }

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void chaptersFollowTheAddendum(Id3Version version) throws Exception {
        var tag = Id3TagBuilder.build(content(chapters()), version);
        assertEquals("ID3", new String(tag, 0, 3, StandardCharsets.ISO_8859_1));
        assertEquals(version == Id3Version.V2_4 ? 4 : 3, tag[3]);
        var frames = Frames.parse(tag);
        var chaps = frames.stream().filter(f -> f.id().equals("CHAP")).toList();
        assertEquals(3, chaps.size());

        var second = Frames.chap(chaps.get(1).body(), version);
        assertEquals("ch1", second.elementId());
        assertEquals(2500, second.start());
        assertEquals(4123, second.end());
        assertEquals(0xFFFFFFFFL, second.startOffset());
        assertEquals(0xFFFFFFFFL, second.endOffset());
        assertEquals(List.of("TIT2", "WXXX", "APIC"), second.subFrames().stream().map(Frames.Frame::id).toList());
        var title = second.subFrames().get(0).body();
        assertEquals(version == Id3Version.V2_4 ? 3 : 1, title[0], "UTF-8 in 2.4, UTF-16 in 2.3");
        assertTrue(Frames.text(title).startsWith("Les débuts"));
        var link = second.subFrames().get(1).body();
        assertEquals(0, link[0], "WXXX link in ISO-8859-1");
        assertEquals("https://example.org/d%C3%A9buts", new String(link, 2, link.length - 2, StandardCharsets.ISO_8859_1));

        var first = Frames.chap(chaps.get(0).body(), version);
        assertEquals("Intro ’ « É » 🎙️", Frames.text(first.subFrames().get(0).body()));

        var toc = frames.stream().filter(f -> f.id().equals("CTOC")).toList();
        assertEquals(1, toc.size());
        var ctoc = toc.get(0).body();
        assertEquals("toc", new String(ctoc, 0, 3, StandardCharsets.ISO_8859_1));
        assertEquals(0, ctoc[3]);
        assertEquals(0x03, ctoc[4], "top-level and ordered");
        assertEquals(2, ctoc[5], "the chapter out of the table of contents is not listed");
        assertArrayEquals("ch0\0ch1\0".getBytes(StandardCharsets.ISO_8859_1), java.util.Arrays.copyOfRange(ctoc, 6, 14));

        var ids = frames.stream().map(Frames.Frame::id).toList();
        assertTrue(ids.containsAll(List.of("TIT2", "TPE1", "TALB", version == Id3Version.V2_4 ? "TDRC" : "TYER", "TRCK", "TCON", "COMM", "WOAF", "WXXX")), ids.toString());
    }

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void holds255ChaptersInOrder(Id3Version version) {
        var many = new ArrayList<TagContent.TagChapter>();
        for (int i = 0; i < 255; i++) {
            many.add(new TagContent.TagChapter(i * 1000L, (i + 1) * 1000L, "Chapitre " + i, Optional.empty(), Optional.empty(), true));
        }
        var frames = Frames.parse(Id3TagBuilder.build(content(many), version));
        var chaps = frames.stream().filter(f -> f.id().equals("CHAP")).map(f -> Frames.chap(f.body(), version)).toList();
        assertEquals(255, chaps.size());
        for (int i = 0; i < 255; i++) {
            assertEquals("ch" + i, chaps.get(i).elementId());
            assertEquals(i * 1000L, chaps.get(i).start());
        }
        var ctoc = frames.stream().filter(f -> f.id().equals("CTOC")).findFirst().orElseThrow().body();
        assertEquals(255, ctoc[5] & 0xff);
    }

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void embedsTheCover(Id3Version version) throws Exception {
        var png = Files.createTempFile("cover", ".png");
        try {
            var image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            Files.write(png, out.toByteArray());
            var withCover = new TagContent("t", "a", "b", Optional.empty(), Optional.empty(), "", Optional.empty(),
                    Optional.of(new TagContent.Picture(java.nio.file.Files.readAllBytes(png), "image/png")), List.of());
            var apic = Frames.parse(Id3TagBuilder.build(withCover, version)).stream().filter(f -> f.id().equals("APIC")).findFirst().orElseThrow();
            var body = new String(apic.body(), StandardCharsets.ISO_8859_1);
            assertTrue(body.startsWith("\0image/png\0\u0003"), "encoding, MIME, front cover");
            assertTrue(body.endsWith(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)));
        } finally {
            Files.delete(png);
        }
    }

    /** A stored chapter image goes inside its CHAP as an APIC with the image's bytes; a linked one stays a "-->" link. */
    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void embedsAChaptersImageInsideItsChap(Id3Version version) throws Exception {
        var jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        var png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_ARGB), "png", png);
        var chapters = List.of(
                new TagContent.TagChapter(0, 2500, "Intro", Optional.empty(), Optional.of("https://podcasts.example.org/media/chapter-images/a.jpg"),
                        true, Optional.of(new TagContent.Picture(jpeg.toByteArray(), "image/jpeg"))),
                new TagContent.TagChapter(2500, 4123, "Les débuts", Optional.empty(), Optional.of("https://example.org/c.jpg"), true),
                new TagContent.TagChapter(4123, 6034, "Fin", Optional.empty(), Optional.empty(), true,
                        Optional.of(new TagContent.Picture(png.toByteArray(), "image/png"))));

        var chaps = Frames.parse(Id3TagBuilder.build(content(chapters), version)).stream().filter(f -> f.id().equals("CHAP"))
                .map(f -> Frames.chap(f.body(), version)).toList();

        var first = chaps.get(0);
        assertEquals(2500, first.end(), "the image does not move the times");
        assertEquals(List.of("TIT2", "APIC"), first.subFrames().stream().map(Frames.Frame::id).toList(), "embedded, not also linked");
        assertArrayEquals(apic("image/jpeg", jpeg.toByteArray()), first.subFrames().get(1).body());
        var second = chaps.get(1).subFrames().get(1).body();
        assertArrayEquals(apic("-->", "https://example.org/c.jpg".getBytes(StandardCharsets.ISO_8859_1)), second);
        assertArrayEquals(apic("image/png", png.toByteArray()), chaps.get(2).subFrames().get(1).body());
    }

    /** APIC's body: text encoding (ISO-8859-1), MIME type, 0, picture type (front cover), empty description, 0, the data. */
    private static byte[] apic(String mime, byte[] data) {
        var body = new ByteArrayOutputStream();
        body.write(0);
        body.writeBytes(mime.getBytes(StandardCharsets.ISO_8859_1));
        body.write(0);
        body.write(3);
        body.write(0);
        body.writeBytes(data);
        return body.toByteArray();
    }
}
