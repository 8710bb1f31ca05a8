package dev.chapitre.tagging.control;

import dev.chapitre.platform.entity.Message;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;

/**
 * Decides whether a file is MPEG audio by reading its frames (jaudiotagger), never by its name,
 * and measures it. Files that are something else are named by their signature in the error.
 */
@ApplicationScoped
public class AudioInspector {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger JAUDIOTAGGER = Logger.getLogger("org.jaudiotagger");

    static {
        // jaudiotagger reports every oddity of every file at INFO/WARNING; our errors say what matters.
        JAUDIOTAGGER.setLevel(Level.SEVERE);
    }

    public AudioFacts inspect(Path file) throws NotMpegAudio, IOException {
        var size = Files.size(file);
        if (size == 0) {
            throw new NotMpegAudio(NotMpegAudio.Kind.NOT_AUDIO, Message.of("tagging.audio.empty"));
        }
        var signature = FileSignature.of(file);
        if (signature.isKnownNonMpeg()) {
            throw new NotMpegAudio(NotMpegAudio.Kind.NOT_AUDIO, Message.of("tagging.audio.notMp3", signature.description()));
        }
        long audioStart = Id3v2Header.sizeAt(file);
        if (audioStart >= size) {
            throw new NotMpegAudio(NotMpegAudio.Kind.DAMAGED, Message.of("tagging.audio.onlyTag"));
        }
        MeasuredHeader header;
        try {
            header = new MeasuredHeader(file.toFile(), audioStart);
        } catch (InvalidAudioFrameException | IOException | RuntimeException e) {
            throw new NotMpegAudio(NotMpegAudio.Kind.NOT_AUDIO, Message.of("tagging.audio.noFrames", signature.description()));
        }
        if (!"MPEG-1".equals(header.getMpegVersion()) && !header.getMpegVersion().startsWith("MPEG-2")
                || !header.getMpegLayer().contains("3")) {
            throw new NotMpegAudio(NotMpegAudio.Kind.NOT_AUDIO,
                    Message.of("tagging.audio.notLayer3", String.valueOf(header.getMpegVersion()), String.valueOf(header.getMpegLayer())));
        }
        var declared = header.declaredAudioBytes();
        long present = size - header.getMp3StartByte();
        if (declared.isPresent() && present < declared.get() * 98 / 100) {
            throw new NotMpegAudio(NotMpegAudio.Kind.DAMAGED, Message.of("tagging.audio.cutOff", declared.get(), present));
        }
        long durationMs = Math.round(header.getPreciseTrackLength() * 1000);
        if (durationMs <= 0) {
            throw new NotMpegAudio(NotMpegAudio.Kind.DAMAGED, Message.of("tagging.audio.noDuration"));
        }
        return new AudioFacts(durationMs, (int) header.getBitRateAsNumber(), header.isVariableBitRate());
    }

    /** jaudiotagger's header, with the audio size that a Xing/Info frame declares (to spot cut files). */
    private static final class MeasuredHeader extends MP3AudioHeader {

        MeasuredHeader(File file, long start) throws IOException, InvalidAudioFrameException {
            super(file, start);
        }

        java.util.Optional<Long> declaredAudioBytes() {
            if (mp3XingFrame != null && mp3XingFrame.isAudioSizeEnabled() && mp3XingFrame.getAudioSize() > 0) {
                return java.util.Optional.of((long) mp3XingFrame.getAudioSize());
            }
            return java.util.Optional.empty();
        }
    }
}
