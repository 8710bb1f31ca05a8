package dev.chapitre.transcripts.boundary;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.transcripts.control.PublishedFormat;
import dev.chapitre.transcripts.control.ReadingView;
import dev.chapitre.transcripts.control.TranscriptFormat;
import dev.chapitre.transcripts.control.TranscriptPage;
import dev.chapitre.transcripts.entity.Transcript;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Transcripts as the public reads them, for episodes the caller already found public
 * ({@code PublicCatalog}): to read along on the episode page, and in each published format.
 */
@Stateless
@PermitAll
public class PublicTranscripts {

    @PersistenceContext
    EntityManager em;

    public Optional<StoredTranscript> of(Episode episode) {
        return find(episode.id()).map(StoredTranscript::of);
    }

    /**
     * The episode's transcript in every published format, from one read of its cues (empty when it has
     * none); {@code episodePageUrl}: where the page links back to.
     */
    public Map<PublishedFormat, byte[]> render(Episode episode, String episodePageUrl) {
        var rendered = new EnumMap<PublishedFormat, byte[]>(PublishedFormat.class);
        find(episode.id()).ifPresent(transcript -> {
            var cues = transcript.cues();
            for (var format : PublishedFormat.values()) {
                rendered.put(format, (switch (format) {
                    case VTT -> TranscriptFormat.VTT.write(cues);
                    case SRT -> TranscriptFormat.SRT.write(cues);
                    case JSON -> TranscriptFormat.JSON.write(cues);
                    case HTML -> TranscriptPage.write(new TranscriptPage.Heading(episode.podcast().title(), episode.title(), episodePageUrl),
                            transcript.language(), ReadingView.of(cues, episode.chapters()));
                }).getBytes(StandardCharsets.UTF_8));
            }
        });
        return rendered;
    }

    private Optional<Transcript> find(long episodeId) {
        return em.createNamedQuery(Transcript.OF_EPISODE, Transcript.class).setParameter("episode", episodeId)
                .getResultStream().findFirst();
    }
}
