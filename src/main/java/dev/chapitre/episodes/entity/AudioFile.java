package dev.chapitre.episodes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The episode's stored MP3: where it is, how many bytes, how long it plays. */
@Embeddable
public class AudioFile {

    public static final String MPEG = "audio/mpeg";

    @Column(name = "audio_key", nullable = false, length = 200)
    private String key;
    @Column(name = "audio_length", nullable = false)
    private long length;
    @Column(name = "audio_duration_ms", nullable = false)
    private long durationMs;
    @Column(name = "audio_bitrate", nullable = false)
    private int bitrateKbps;
    @Column(name = "audio_revision", nullable = false)
    private int revision;

    protected AudioFile() {
    }

    public AudioFile(String key, long length, long durationMs, int bitrateKbps, int revision) {
        this.key = key;
        this.length = length;
        this.durationMs = durationMs;
        this.bitrateKbps = bitrateKbps;
        this.revision = revision;
    }

    public String key() {
        return key;
    }

    public long length() {
        return length;
    }

    public long durationMs() {
        return durationMs;
    }

    public int bitrateKbps() {
        return bitrateKbps;
    }

    /** Counts replacements of the audio, so that URLs and ETags of a new file differ. */
    public int revision() {
        return revision;
    }
}
