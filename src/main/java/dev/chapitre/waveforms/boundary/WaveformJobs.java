package dev.chapitre.waveforms.boundary;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.waveforms.control.AudioAnalysis;
import dev.chapitre.waveforms.control.PauseRule;
import dev.chapitre.waveforms.entity.Waveform;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database side of computing waveforms, each call its own short transaction: claiming an
 * episode's work, recording the outcome if the claim still holds, finding what is left to do.
 */
@Stateless
public class WaveformJobs {

    /** The work an instance took on: the audio it reads, and the claim its outcome is recorded against. */
    public record Claim(long episodeId, int revision, String audioKey, PauseRule rule, Instant claimedAt) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * The episode's work, if nobody is at it and it is not done: its row locked, then claimed. Two
     * instances inserting the first row at once: one insert fails on the primary key and rolls back
     * (the caller takes that as "someone else has it").
     */
    public Optional<Claim> claim(long episodeId, PauseRule rule, boolean retryFailed, Instant staleBefore) {
        // the row first, then the audio: read under the row's lock, a claim never names older audio than the row's
        var row = Optional.ofNullable(em.find(Waveform.class, episodeId, LockModeType.PESSIMISTIC_WRITE));
        var episode = Optional.ofNullable(em.find(Episode.class, episodeId));
        if (episode.isEmpty()) {
            return Optional.empty();
        }
        var audio = episode.get().audio();
        var now = InstantColumn.now();
        if (row.isEmpty()) {
            em.persist(new Waveform(episodeId, audio.revision(), rule.thresholdDb(), rule.minLengthMs(), now));
            em.flush();
        } else if (row.get().claimable(audio.revision(), rule.thresholdDb(), rule.minLengthMs(), retryFailed, staleBefore)) {
            row.get().claim(audio.revision(), rule.thresholdDb(), rule.minLengthMs(), now);
        } else {
            return Optional.empty();
        }
        return Optional.of(new Claim(episodeId, audio.revision(), audio.key(), rule, now));
    }

    /** The audio's current file: a re-tag may have replaced the one a claim named (same sound, new tag). */
    public Optional<String> currentKey(Claim claim) {
        return Optional.ofNullable(em.find(Episode.class, claim.episodeId()))
                .filter(episode -> episode.audio().revision() == claim.revision())
                .map(episode -> episode.audio().key());
    }

    /**
     * False: the audio or the rule changed meanwhile, or the result is already there; the outcome is
     * dropped. A claim another instance took over still records its result (the same work).
     */
    public boolean completed(Claim claim, AudioAnalysis analysis) {
        return wanting(claim).map(row -> {
            row.ready(analysis.sampleRate(), analysis.samplesPerPixel(), analysis.peaks(), analysis.pauses(), analysis.durationMs(),
                    InstantColumn.now());
            return true;
        }).orElse(false);
    }

    /** The audio cannot be decoded: tried again only when it is replaced (or at the next start). */
    public void failed(Claim claim, String why) {
        wanting(claim).ifPresent(row -> row.failed(why, InstantColumn.now()));
    }

    /** A passing failure (storage, shutdown): the claim is given up, and the next look for work takes it again. */
    public void released(Claim claim) {
        Optional.ofNullable(em.find(Waveform.class, claim.episodeId(), LockModeType.PESSIMISTIC_WRITE))
                .ifPresent(row -> row.release(claim.revision(), claim.claimedAt()));
    }

    private Optional<Waveform> wanting(Claim claim) {
        return Optional.ofNullable(em.find(Waveform.class, claim.episodeId(), LockModeType.PESSIMISTIC_WRITE))
                .filter(row -> row.wants(claim.revision(), claim.rule().thresholdDb(), claim.rule().minLengthMs()));
    }

    /** Episodes whose waveform is missing, of older audio or another rule, or lost with a claim; with {@code withFailed}, also those that failed. */
    public List<Long> behind(PauseRule rule, boolean withFailed, Instant staleBefore) {
        return em.createNamedQuery(withFailed ? Waveform.BEHIND_OR_FAILED : Waveform.BEHIND, Long.class)
                .setParameter("thresholdDb", rule.thresholdDb()).setParameter("minPauseMs", rule.minLengthMs())
                .setParameter("staleBefore", staleBefore)
                .getResultList();
    }
}
