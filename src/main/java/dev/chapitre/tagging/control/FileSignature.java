package dev.chapitre.tagging.control;

import dev.chapitre.platform.entity.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file's first bytes say it is ("a WAV file"), to tell a producer what they uploaded by mistake. */
record FileSignature(Message description, boolean isKnownNonMpeg) {

    static FileSignature of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        var ascii = new String(head, StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("RIFF") && ascii.startsWith("WAVE", 8)) {
            return new FileSignature(Message.of("tagging.file.wav"), true);
        }
        if (ascii.startsWith("fLaC")) {
            return new FileSignature(Message.of("tagging.file.flac"), true);
        }
        if (ascii.startsWith("OggS")) {
            return new FileSignature(Message.of("tagging.file.ogg"), true);
        }
        if (ascii.startsWith("ftyp", 4)) {
            return new FileSignature(Message.of("tagging.file.mp4"), true);
        }
        if (ascii.startsWith("\u0089PNG")) {
            return new FileSignature(Message.of("tagging.file.png"), true);
        }
        if (head.length > 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return new FileSignature(Message.of("tagging.file.jpeg"), true);
        }
        if (ascii.startsWith("GIF8")) {
            return new FileSignature(Message.of("tagging.file.gif"), true);
        }
        if (ascii.startsWith("%PDF")) {
            return new FileSignature(Message.of("tagging.file.pdf"), true);
        }
        if (ascii.startsWith("PK\u0003\u0004")) {
            return new FileSignature(Message.of("tagging.file.zip"), true);
        }
        if (ascii.startsWith("ID3")) {
            return new FileSignature(Message.of("tagging.file.id3"), false);
        }
        if (!ascii.isEmpty() && ascii.chars().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f))) {
            return new FileSignature(Message.of("tagging.file.text"), true);
        }
        return new FileSignature(Message.of("tagging.file.unknown"), false);
    }
}
