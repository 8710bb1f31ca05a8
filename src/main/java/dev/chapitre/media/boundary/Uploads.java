package dev.chapitre.media.boundary;

import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.media.control.MultipartReader;
import dev.chapitre.media.control.StagedFile;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.control.RequestBodies;
import dev.chapitre.platform.control.TextBytes;
import dev.chapitre.platform.entity.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request bodies that carry files: streamed straight into the media staging area with a size
 * limit (a staging file, or a multipart upload to the bucket), so a large upload costs neither heap
 * nor, on object storage, local disk. Whatever fails leaves no staged file behind.
 */
@ApplicationScoped
public class Uploads {

    /** An episode's multipart upload: its JSON metadata and its staged audio. */
    public record EpisodeUpload(String metadata, StagedFile audio) implements AutoCloseable {
        @Override
        public void close() {
            audio.close();
        }
    }

    static final long MAX_ARTWORK_BYTES = 20L * 1024 * 1024;
    /** A chapter image is scaled down and encoded again: a camera's JPEG fits, a RAW file or a video does not. */
    public static final long MAX_CHAPTER_IMAGE_BYTES = 16L * 1024 * 1024;
    static final int MAX_METADATA_BYTES = 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

    @Inject
    MediaStorage storage;

    @Inject
    @ConfigProperty(name = "CHAPITRE_MAX_UPLOAD_BYTES", defaultValue = "1073741824")
    long maxUploadBytes;

    /** The largest MP3 accepted, for forms that warn before sending a file that would be refused. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public StagedFile artwork(InputStream body) {
        return stage(body, MAX_ARTWORK_BYTES, "artwork", Message.of("media.what.image"));
    }

    public StagedFile chapterImage(InputStream body) {
        return stage(body, MAX_CHAPTER_IMAGE_BYTES, "image", Message.of("media.what.image"));
    }

    public StagedFile audio(InputStream body, Optional<Long> contentLength) {
        refuseDeclaredOversize(body, contentLength, 0);
        return stage(body, maxUploadBytes, "audio", Message.of("media.what.audio"));
    }

    public EpisodeUpload episode(String contentType, Optional<Long> contentLength, InputStream body) {
        var boundary = MultipartReader.boundaryOf(contentType).orElseThrow(() -> ProblemException.badRequest("media.upload.notMultipart"));
        refuseDeclaredOversize(body, contentLength, MAX_METADATA_BYTES);
        var reader = new MultipartReader(body, boundary);
        String metadata = null;
        StagedFile audio = null;
        try {
            for (var part = reader.next(); part.isPresent(); part = reader.next()) {
                var name = part.get().name().orElse("");
                if ((name.equals("episode") && metadata != null) || (name.equals("audio") && audio != null)) {
                    refuseUnread(body, ProblemException.badRequest("media.upload.secondPart", name));
                }
                if (name.equals("episode")) {
                    var bytes = part.get().body().readNBytes(MAX_METADATA_BYTES + 1);
                    if (bytes.length > MAX_METADATA_BYTES) {
                        throw ProblemException.tooLarge("media.upload.episodeTooLarge");
                    }
                    metadata = TextBytes.decode(bytes, StandardCharsets.UTF_8, Message.of("platform.text.part", "episode"));
                } else if (name.equals("audio")) {
                    audio = stage(part.get().body(), maxUploadBytes, "audio", Message.of("media.what.audio"));
                }
            }
        } catch (MultipartReader.Malformed e) {
            closeQuietly(audio);
            throw ProblemException.badRequest("media.upload.malformed", e.reason());
        } catch (IOException e) {
            closeQuietly(audio);
            throw interrupted(e);
        } catch (RuntimeException e) {
            closeQuietly(audio);
            throw e;
        }
        if (audio == null) {
            throw ProblemException.badRequest("media.upload.noAudio");
        }
        if (metadata == null) {
            audio.close();
            throw ProblemException.badRequest("media.upload.noEpisode");
        }
        return new EpisodeUpload(metadata, audio);
    }

    private StagedFile stage(InputStream body, long max, String field, Message what) {
        try {
            return storage.stage(body, max);
        } catch (MediaStorage.TooLarge e) {
            RequestBodies.drain(body);
            throw ProblemException.tooLarge("media.tooLarge", what, max).about(field);
        } catch (MediaStorage.Unavailable e) {
            LOG.warning(() -> "Upload refused: " + e);
            RequestBodies.drain(body);
            throw new ProblemException(Status.SERVICE_UNAVAILABLE, "media.unavailable");
        } catch (IOException e) {
            throw interrupted(e);
        }
    }

    /**
     * A body whose Content-Length is over the limit is refused before it is stored. When it is only a
     * little over, it is read and discarded first so that every client sees the 413 (many send the
     * whole body before reading the answer); when it is far over, the answer goes at once.
     */
    private void refuseDeclaredOversize(InputStream body, Optional<Long> contentLength, long overhead) {
        long limit = maxUploadBytes + overhead + 64 * 1024;
        if (contentLength.isEmpty() || contentLength.get() <= limit) {
            return;
        }
        var refusal = ProblemException.tooLarge("media.upload.tooLarge", contentLength.get(), maxUploadBytes).about("audio");
        if (contentLength.get() - limit <= RequestBodies.DRAIN_AFTER_REFUSAL) {
            refuseUnread(body, refusal);
        }
        throw refusal;
    }

    private static ProblemException interrupted(IOException e) {
        LOG.info(() -> "Upload interrupted: " + e);
        var reason = e instanceof MultipartReader.CutOff cut ? cut.reason()
                : e instanceof EOFException ? String.valueOf(e.getMessage()) // the container's words
                : Message.of("media.upload.connectionFailed", String.valueOf(e.getMessage()));
        return ProblemException.badRequest("media.upload.interrupted", reason);
    }

    /**
     * Refuses a request before reading its body (unknown show, no access) in a way the client can
     * read: most clients send the whole body before they look at the answer.
     */
    public void refuseUnread(InputStream body, RuntimeException refusal) {
        RequestBodies.drain(body);
        throw refusal;
    }

    private static void closeQuietly(StagedFile file) {
        if (file != null) {
            file.close();
        }
    }
}
