package dev.chapitre.downloads.boundary;

import java.io.IOException;
import dev.chapitre.tagging.control.Id3v2Header;
import dev.chapitre.downloads.control.DownloadCounter;
import dev.chapitre.downloads.control.DownloadQueue;
import dev.chapitre.downloads.control.UserAgents;
import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.episodes.entity.AudioFile;
import dev.chapitre.media.control.MediaStorage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Which stored file a media address names, and for whom, as {@link PublicCatalog} answers it:
 * published episodes and artwork are public; drafts and scheduled episodes only for their producer.
 */
@Stateless
public class PublicMedia {

    /**
     * A stored file, the type to serve it as, and what counting needs to know of it ({@code length}
     * as stored: the servlet counts against the file it opened, the download log against this).
     */
    public record Item(String key, String contentType, long podcastId, long episodeId, int bitrateKbps, long length, long tagBytes) {

        public boolean isEpisode() {
            return episodeId > 0;
        }

        /** What counting asks of a request for this file, however it was answered (here, or by nginx). */
        public DownloadCounter.Delivered delivered(boolean byProducer, long bytesSent, long firstByte, long fileLength, String userAgent) {
            return new DownloadCounter.Delivered(isEpisode(), byProducer, bytesSent, firstByte, fileLength, tagBytes, bitrateKbps, userAgent);
        }

        /** A qualifying request by this listener at this time, for the recorder. */
        public DownloadQueue.Hit hit(String address, String userAgent, Instant at) {
            return new DownloadQueue.Hit(podcastId, episodeId, address, userAgent, UserAgents.app(userAgent), at);
        }
    }

    @Inject
    PublicCatalog catalog;

    @Inject
    Episodes episodes;

    @Inject
    Clock clock;

    @Inject
    MediaStorage storage;

    public Optional<Item> episodeAudio(String podcast, String episode) {
        return catalog.audio(podcast, episode, clock.instant()).map(this::of);
    }

    /** A draft or scheduled episode too, for the signed-in producers who own or edit the show. */
    public Optional<Item> ownEpisodeAudio(String podcast, String episode) {
        return episodes.ownAudio(podcast, episode).map(this::of);
    }

    private Item of(PublicCatalog.Audio audio) {
        // Read once per lookup, which MediaDirectory keeps for a few seconds: 10 bytes, not per request.
        return new Item(audio.key(), AudioFile.MPEG, audio.podcastId(), audio.episodeId(), audio.bitrateKbps(), audio.length(),
                tagSize(audio.key()));
    }

    /** 0 for a file that cannot be read: there is no tag to wait for. */
    private long tagSize(String key) {
        try (var header = storage.read(key, 0, Id3v2Header.HEADER_BYTES)) {
            return Id3v2Header.sizeOf(header);
        } catch (IOException unreadable) {
            return 0;
        }
    }

    /** Not a download: like artwork, an image is never counted. */
    public Optional<Item> chapterImage(String key) {
        return catalog.chapterImage(key, clock.instant()).map(PublicMedia::image);
    }

    /** A draft's chapter image too, for the signed-in producers who own or edit the show. */
    public Optional<Item> ownChapterImage(String key) {
        return episodes.ownChapterImage(key).map(PublicMedia::image);
    }

    private static Item image(PublicCatalog.Image image) {
        return new Item(image.key(), image.mediaType(), image.podcastId(), 0, 0, 0, 0);
    }

    public Optional<Item> artwork(String podcast) {
        return catalog.artwork(podcast).map(art -> new Item(art.key(), art.mediaType(), art.podcastId(), 0, 0, 0, 0));
    }
}
