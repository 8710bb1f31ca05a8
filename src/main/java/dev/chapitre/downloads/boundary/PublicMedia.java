package dev.chapitre.downloads.boundary;

import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.episodes.entity.AudioFile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Which stored file a media address names, and for whom, as {@link PublicCatalog} answers it:
 * published episodes and artwork are public; drafts and scheduled episodes only for their producer.
 */
@Stateless
public class PublicMedia {

    /** A stored file, the type to serve it as, and what counting needs to know of it. */
    public record Item(String key, String contentType, long podcastId, long episodeId, int bitrateKbps) {

        public boolean isEpisode() {
            return episodeId > 0;
        }

        static Item of(PublicCatalog.Audio audio) {
            return new Item(audio.key(), AudioFile.MPEG, audio.podcastId(), audio.episodeId(), audio.bitrateKbps());
        }
    }

    @Inject
    PublicCatalog catalog;

    @Inject
    Episodes episodes;

    @Inject
    Clock clock;

    public Optional<Item> episodeAudio(String podcast, String episode) {
        return catalog.audio(podcast, episode, clock.instant()).map(Item::of);
    }

    /** A draft or scheduled episode too, for the signed-in producer who owns the show. */
    public Optional<Item> ownEpisodeAudio(String podcast, String episode) {
        return episodes.ownAudio(podcast, episode).map(Item::of);
    }

    public Optional<Item> artwork(String podcast) {
        return catalog.artwork(podcast).map(art -> new Item(art.key(), art.mediaType(), art.podcastId(), 0, 0));
    }
}
