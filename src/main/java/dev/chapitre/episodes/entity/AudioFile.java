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
    /** The episode's content revision that the file's ID3 tag reflects; -1 before the first tagging. */
    @Column(name = "audio_tagged_revision", nullable = false, columnDefinition = "BIGINT DEFAULT -1 NOT NULL")
    private long taggedRevision = -1;
    @Column(name = "audio_tag_error", length = 1000)
    private String tagError;
    /** The public base URL of the episode link in the file's last tag, for jobs resumed without a request. */
    @Column(name = "audio_tag_base_url", length = 2000)
    private String tagBaseUrl;

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

    long taggedRevision() {
        return taggedRevision;
    }

    public java.util.Optional<String> tagError() {
        return java.util.Optional.ofNullable(tagError);
    }

    public java.util.Optional<String> tagBaseUrl() {
        return java.util.Optional.ofNullable(tagBaseUrl);
    }

    void keepTagBaseUrl(AudioFile previous) {
        tagBaseUrl = previous.tagBaseUrl;
    }

    /** A new content revision is waiting for its tag: an error about an older one no longer says anything. */
    void forgetTagError() {
        tagError = null;
    }

    /** Counts replacements of the audio, so that URLs and ETags of a new file differ. */
    public int revision() {
        return revision;
    }
}
