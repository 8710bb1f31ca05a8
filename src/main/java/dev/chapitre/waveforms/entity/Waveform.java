package dev.chapitre.waveforms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An episode's peaks and pauses for one version of its audio, and the state of their computation.
 * One row per episode, claimed by the instance that computes it: a claim is a compare-and-set on
 * the row (see {@link #claimable}), so instances of a cluster never both do the work for long, and
 * a claim whose instance died goes stale and is taken over.
 */
@Entity
@Table(name = "waveform")
@NamedQuery(name = Waveform.BEHIND, query = Waveform.EPISODES_WITHOUT + "OR w.state = dev.chapitre.waveforms.entity.WaveformState.FAILED)) ORDER BY e.id")
@NamedQuery(name = Waveform.BEHIND_OR_FAILED, query = Waveform.EPISODES_WITHOUT + ")) ORDER BY e.id")
public class Waveform {

    /** Episodes whose peaks are not (being) computed for their audio and the pause rule: without those that failed. */
    public static final String BEHIND = "Waveform.behind";
    /** The same, and those that failed (tried again at start). */
    public static final String BEHIND_OR_FAILED = "Waveform.behindOrFailed";
    static final String EPISODES_WITHOUT = "SELECT e.id FROM Episode e WHERE NOT EXISTS (SELECT w.episodeId FROM Waveform w "
            + "WHERE w.episodeId = e.id AND w.audioRevision = e.audio.revision AND w.thresholdDb = :thresholdDb AND w.minPauseMs = :minPauseMs "
            + "AND ((w.state = dev.chapitre.waveforms.entity.WaveformState.COMPUTING AND w.claimedAt > :staleBefore) "
            + "OR w.state = dev.chapitre.waveforms.entity.WaveformState.READY ";
    /** A 3-hour episode takes well under a minute; a claim this old was lost with its instance. */
    public static final Duration CLAIM_LIFETIME = Duration.ofMinutes(5);
    public static final int MAX_ERROR = 1000;

    @Id
    @Column(name = "episode_id")
    private long episodeId;
    @Column(name = "audio_revision", nullable = false)
    private int audioRevision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private WaveformState state;
    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;
    @Column(name = "pause_threshold_db", nullable = false)
    private int thresholdDb;
    @Column(name = "pause_min_ms", nullable = false)
    private int minPauseMs;
    @Column(name = "computed_at")
    private Instant computedAt;
    @Column(length = MAX_ERROR)
    private String error;
    @Column(name = "sample_rate")
    private Integer sampleRate;
    @Column(name = "samples_per_pixel")
    private Integer samplesPerPixel;
    @Column(name = "duration_ms")
    private Long durationMs;
    @Column(name = "peaks")
    private byte[] peaks;
    @Column(name = "pauses")
    private byte[] pauses;

    protected Waveform() {
    }

    /** A first claim: the episode has no row yet. */
    public Waveform(long episodeId, int audioRevision, int thresholdDb, int minPauseMs, Instant now) {
        this.episodeId = episodeId;
        claim(audioRevision, thresholdDb, minPauseMs, now);
    }

    /**
     * Whether an instance may take the work on: the row is of older audio or another pause rule, or
     * failed ({@code retryFailed}), or its claim was made before {@code staleBefore}. Ready and current,
     * being computed, or of newer audio than the caller read (a claim that lost a race): no.
     */
    public boolean claimable(int currentRevision, int currentThresholdDb, int currentMinPauseMs, boolean retryFailed, Instant staleBefore) {
        if (currentRevision < audioRevision) {
            return false;
        }
        if (audioRevision != currentRevision || thresholdDb != currentThresholdDb || minPauseMs != currentMinPauseMs) {
            return true;
        }
        return switch (state) {
            case READY -> false;
            case FAILED -> retryFailed;
            case COMPUTING -> claimedAt.isBefore(staleBefore);
        };
    }

    /**
     * Whether a result computed for {@code revision} with this rule is still wanted: the work is the same
     * whoever claimed it last (decoding is deterministic), so an instance whose claim was taken over
     * still records its result unless one is there.
     */
    public boolean wants(int revision, int threshold, int minPause) {
        return state != WaveformState.READY && audioRevision == revision && thresholdDb == threshold && minPauseMs == minPause;
    }

    /** The claim is given up (a passing failure): it is stale at once, and taken again by the next look for work. */
    public void release(int revision, Instant claimed) {
        if (heldBy(revision, claimed)) {
            claimedAt = Instant.EPOCH;
        }
    }

    public final void claim(int revision, int threshold, int minPause, Instant now) {
        boolean otherAudio = revision != audioRevision;
        this.audioRevision = revision;
        this.thresholdDb = threshold;
        this.minPauseMs = minPause;
        this.claimedAt = now;
        this.state = WaveformState.COMPUTING;
        this.error = null;
        if (!otherAudio) {
            return; // the same peaks: only the pauses are found again (the row is not served meanwhile)
        }
        // what was computed for other audio goes with it, not when the new one is ready
        this.peaks = null;
        this.pauses = null;
        this.sampleRate = null;
        this.samplesPerPixel = null;
        this.durationMs = null;
        this.computedAt = null;
    }

    /** Whether the claim made at {@code claimedAt} for {@code revision} still holds (no newer claim, no other version). */
    public boolean heldBy(int revision, Instant claimed) {
        return state == WaveformState.COMPUTING && audioRevision == revision && claimedAt.equals(claimed);
    }

    public void ready(int rate, int perPixel, byte[] minMaxPairs, List<Pause> found, long duration, Instant now) {
        if (minMaxPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Peaks come in (min, max) pairs");
        }
        this.sampleRate = rate;
        this.samplesPerPixel = perPixel;
        this.peaks = minMaxPairs;
        this.pauses = packed(found);
        this.durationMs = duration;
        this.computedAt = now;
        this.state = WaveformState.READY;
    }

    public void failed(String why, Instant now) {
        this.error = why.length() > MAX_ERROR ? why.substring(0, MAX_ERROR - 1) + "…" : why;
        this.computedAt = now;
        this.state = WaveformState.FAILED;
        this.peaks = null;
        this.pauses = null;
    }

    public long episodeId() {
        return episodeId;
    }

    public int audioRevision() {
        return audioRevision;
    }

    public WaveformState state() {
        return state;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public int thresholdDb() {
        return thresholdDb;
    }

    public int minPauseMs() {
        return minPauseMs;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Optional<Instant> computedAt() {
        return Optional.ofNullable(computedAt);
    }

    public int sampleRate() {
        return sampleRate == null ? 0 : sampleRate;
    }

    public int samplesPerPixel() {
        return samplesPerPixel == null ? 0 : samplesPerPixel;
    }

    public long durationMs() {
        return durationMs == null ? 0 : durationMs;
    }

    public byte[] peaks() {
        return peaks == null ? new byte[0] : peaks;
    }

    public List<Pause> pauses() {
        var found = new ArrayList<Pause>();
        if (pauses != null) {
            var buffer = ByteBuffer.wrap(pauses);
            while (buffer.remaining() >= 8) {
                found.add(new Pause(Integer.toUnsignedLong(buffer.getInt()), Integer.toUnsignedLong(buffer.getInt())));
            }
        }
        return found;
    }

    private static byte[] packed(List<Pause> found) {
        var buffer = ByteBuffer.allocate(found.size() * 8);
        for (var pause : found) {
            buffer.putInt((int) pause.startMs()).putInt((int) pause.endMs());
        }
        return buffer.array();
    }
}
