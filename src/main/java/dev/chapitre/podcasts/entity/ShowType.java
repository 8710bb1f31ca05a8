package dev.chapitre.podcasts.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** itunes:type: episodic shows list newest first, serial shows are listened to in order. */
public enum ShowType {
    EPISODIC, SERIAL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ShowType> fromJson(String value) {
        return Arrays.stream(values()).filter(t -> t.json().equals(value)).findFirst();
    }
}
