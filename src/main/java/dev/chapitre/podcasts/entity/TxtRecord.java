package dev.chapitre.podcasts.entity;

import dev.chapitre.platform.entity.Violations;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code podcast:txt} of a show: free text for services that ask a producer to prove the feed is
 * theirs, e.g. Apple's {@code applepodcastsverify} string. Limits are the Podcasting 2.0 spec's.
 */
@Embeddable
public class TxtRecord {

    public static final int MAX_PURPOSE = 128;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_PER_SHOW = 10;

    @Column(length = 2 * MAX_PURPOSE)
    private String purpose;
    @Column(name = "txt", nullable = false, length = 2 * MAX_TEXT)
    private String text;

    protected TxtRecord() {
    }

    public TxtRecord(String purpose, String text) {
        this.purpose = purpose;
        this.text = text;
    }

    public static void check(String field, List<TxtRecord> records, Violations violations) {
        if (records == null) {
            return;
        }
        if (records.size() > MAX_PER_SHOW) {
            violations.add(field, "podcasts.txt.tooMany", MAX_PER_SHOW);
        }
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            violations.requireText(field + "[" + (i + 1) + "].text", record.text, MAX_TEXT);
            violations.limitText(field + "[" + (i + 1) + "].purpose", record.purpose, MAX_PURPOSE);
        }
    }

    public Optional<String> purpose() {
        return Optional.ofNullable(purpose);
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxtRecord t && Objects.equals(purpose, t.purpose) && Objects.equals(text, t.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(purpose, text);
    }
}
