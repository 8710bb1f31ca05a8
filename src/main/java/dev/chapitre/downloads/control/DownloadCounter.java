package dev.chapitre.downloads.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What counts as a download, by the IAB v2 rules: a listener's request (not the producer's, not a
 * known bot's, not an Apple Watch's automatic copy) that is sent the ID3 tag and at least one
 * minute of an episode's audio, or the whole file, so "bytes=0-1" probes, HEAD and 304 do not; and
 * then once per listener and episode in any rolling 24 hours. Both counting paths ask
 * {@link #qualifies}: the media servlet for what it sends, the download log for what nginx sent;
 * the recorder keeps one counter for the window.
 */
public final class DownloadCounter {

    public static final Duration WINDOW = Duration.ofHours(24);

    /**
     * What delivery knows of a request it answered; {@code bytesSent} is 0 for HEAD, 304 and 416,
     * {@code firstByte} is where the bytes sent began, {@code tagBytes} the ID3 tag's size
     * (read from the file's ID3v2 header by tagging's {@code Id3v2Header}).
     */
    public record Delivered(boolean episode, boolean byProducer, long bytesSent, long firstByte, long fileLength,
                            long tagBytes, int bitrateKbps, String userAgent) {

        /** The tag (what of it lies after the first byte sent) and a minute of audio. */
        long enough() {
            long minute = Math.max(1, bitrateKbps) * 1000L / 8 * 60;
            return Math.max(0, tagBytes - firstByte) + minute;
        }
    }

    private final Clock clock;
    /** Last counted time per (episode, listener id), kept in memory. */
    private final Map<String, Instant> lastCounted = new HashMap<>();

    public DownloadCounter(Clock clock) {
        this.clock = clock;
    }

    public static boolean qualifies(Delivered request) {
        return request.episode() && !request.byProducer() && request.bytesSent() > 0
                && (request.bytesSent() >= request.fileLength() || request.bytesSent() >= request.enough())
                && !UserAgents.isBot(request.userAgent()) && !UserAgents.isAppleWatch(request.userAgent());
    }

    /**
     * Whether a qualifying request at {@code at} is a new download: none by this listener (known by
     * any of {@code listenerIds}) in the window before. A counted one is remembered under the first id.
     */
    public boolean counts(long episodeId, List<String> listenerIds, Instant at) {
        boolean seen = knows(episodeId, listenerIds, at);
        if (!seen) {
            lastCounted.put(episodeId + ":" + listenerIds.get(0), at);
        }
        return !seen;
    }

    /** Whether a download by this listener in the window before {@code at} is known (nothing is remembered). */
    public boolean knows(long episodeId, List<String> listenerIds, Instant at) {
        return listenerIds.stream().map(id -> lastCounted.get(episodeId + ":" + id))
                .anyMatch(last -> last != null && last.isAfter(at.minus(WINDOW)));
    }

    /** A download counted earlier (read back from the database: by another instance, or before a restart). */
    public void remember(long episodeId, String listenerId, Instant at) {
        lastCounted.merge(episodeId + ":" + listenerId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * The oldest time that still matters for hits from {@code earliest} on (now, or a log line
     * read late): downloads before it no longer hold anyone back.
     */
    public Instant horizon(Instant earliest) {
        var now = clock.instant();
        return (earliest.isBefore(now) ? earliest : now).minus(WINDOW);
    }

    /** Drops what lies before the {@link #horizon}, so memory holds one day of listeners. */
    public void forgetExpired(Instant earliest) {
        var horizon = horizon(earliest);
        lastCounted.values().removeIf(at -> at.isBefore(horizon));
    }
}
