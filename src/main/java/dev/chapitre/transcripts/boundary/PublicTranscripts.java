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

    /** The episode's transcript in {@code format}; {@code episodePageUrl}: where the page links back to. */
    public Optional<byte[]> render(Episode episode, PublishedFormat format, String episodePageUrl) {
        return find(episode.id()).map(transcript -> (switch (format) {
            case VTT -> TranscriptFormat.VTT.write(transcript.cues());
            case SRT -> TranscriptFormat.SRT.write(transcript.cues());
            case JSON -> TranscriptFormat.JSON.write(transcript.cues());
            case HTML -> TranscriptPage.write(new TranscriptPage.Heading(episode.podcast().title(), episode.title(), episodePageUrl),
                    transcript.language(), ReadingView.of(transcript.cues(), episode.chapters()));
        }).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Transcript> find(long episodeId) {
        return em.createNamedQuery(Transcript.OF_EPISODE, Transcript.class).setParameter("episode", episodeId)
                .getResultStream().findFirst();
    }
}
