package dev.chapitre.podcasts.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * podcast:guid as the Podcasting 2.0 spec defines it: a UUIDv5 in the namespace
 * ead4c236-bf58-58c6-a2c6-a6b28d128cb6 of the feed URL without its scheme and trailing slash.
 */
public final class PodcastGuid {

    static final UUID NAMESPACE = UUID.fromString("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

    private PodcastGuid() {
    }

    public static UUID forFeedUrl(String feedUrl) {
        var name = feedUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("/+$", "");
        return uuidV5(NAMESPACE, name);
    }

    static UUID uuidV5(UUID namespace, String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            var hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            var buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
