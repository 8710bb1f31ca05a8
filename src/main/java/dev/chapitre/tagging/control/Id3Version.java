package dev.chapitre.tagging.control;

import java.util.Optional;

/**
 * ID3v2.3 by default: every podcast app and car stereo reads it (text in UTF-16). ID3v2.4
 * (UTF-8 text) when CHAPITRE_ID3_VERSION=2.4.
 */
public enum Id3Version {
    V2_3, V2_4;

    public static Optional<Id3Version> parse(String value) {
        return switch (value == null ? "" : value.trim()) {
            case "2.3", "" -> Optional.of(V2_3);
            case "2.4" -> Optional.of(V2_4);
            default -> Optional.empty();
        };
    }
}
