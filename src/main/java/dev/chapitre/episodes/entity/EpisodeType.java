package dev.chapitre.episodes.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** itunes:episodeType. */
public enum EpisodeType {
    FULL, TRAILER, BONUS;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EpisodeType> fromJson(String value) {
        return Arrays.stream(values()).filter(t -> t.json().equals(value)).findFirst();
    }
}
