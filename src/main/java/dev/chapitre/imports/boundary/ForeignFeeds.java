package dev.chapitre.imports.boundary;

import dev.chapitre.feeds.control.FeedReader;
import dev.chapitre.feeds.control.NotAFeed;
import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.imports.control.FetchFailed;
import dev.chapitre.imports.control.PrivateAllowance;
import dev.chapitre.imports.control.SafeFetcher;
import dev.chapitre.platform.control.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetching what another host publishes, under the operator's settings: which private addresses
 * may be fetched ({@code CHAPITRE_IMPORT_ALLOW_PRIVATE}, see {@link PrivateAllowance}) and how
 * large a feed may be ({@code CHAPITRE_IMPORT_MAX_FEED_BYTES}; the largest real feeds, a thousand
 * episodes with long notes, stay under 20 MB).
 */
@ApplicationScoped
public class ForeignFeeds {

    private static final Logger LOG = Logger.getLogger(ForeignFeeds.class.getName());
    static final Duration FEED_DEADLINE = Duration.ofSeconds(60);
    static final Duration DOCUMENT_DEADLINE = Duration.ofSeconds(30);
    static final long MAX_CHAPTERS_BYTES = 2 * 1024 * 1024;
    /** As for an upload (TranscriptsResource): three hours word by word in JSON is about 3 MiB. */
    static final long MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;
    /** The column's width: an address is kept with the job. */
    static final int MAX_URL = 2000;

    @Inject
    @ConfigProperty(name = "CHAPITRE_IMPORT_ALLOW_PRIVATE", defaultValue = "false")
    String allowPrivate;

    @Inject
    @ConfigProperty(name = "CHAPITRE_IMPORT_MAX_FEED_BYTES", defaultValue = "33554432")
    long maxFeedBytes;

    private PrivateAllowance allowance;

    /** Read once; a setting that cannot be read allows nothing private, and says so in the log. */
    @PostConstruct
    void readAllowance() {
        try {
            allowance = PrivateAllowance.parse(allowPrivate);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage() + "; no private address is allowed.");
            allowance = PrivateAllowance.none();
        }
    }

    public SafeFetcher fetcher() {
        return new SafeFetcher(allowance);
    }

    /**
     * A feed is held whole while it is read (up to the limit, and its parsed tree): at most this many
     * at once per instance, so that previews cannot exhaust the heap.
     */
    static final int READING_AT_ONCE = 4;
    private final Semaphore reading = new Semaphore(READING_AT_ONCE);

    /** The feed at {@code url}, read for a request; a problem for the producer (400, 422, 503) when it cannot be. */
    public SourceFeed read(String url) {
        return read(url, Duration.ZERO);
    }

    /** The same for a running import, which waits its turn rather than failing (up to {@code wait}). */
    public SourceFeed read(String url, Duration wait) {
        if (url == null || url.length() > MAX_URL) {
            throw ProblemException.unprocessable("imports.feedUrl.tooLong", MAX_URL).about("feedUrl");
        }
        boolean turn;
        try {
            turn = reading.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "imports.feeds.busy");
        }
        try {
            return FeedReader.read(fetcher().fetch(url, maxFeedBytes, FEED_DEADLINE));
        } catch (FetchFailed e) {
            throw e.refused() ? new ProblemException(Response.Status.BAD_REQUEST, e.reason()).about("feedUrl")
                    : ProblemException.unprocessable("imports.feed.notFetched", e.reason()).about("feedUrl");
        } catch (NotAFeed e) {
            // the feeds' reader says what the address returned instead
            throw ProblemException.unprocessable(e.reason()).about("feedUrl");
        } finally {
            reading.release();
        }
    }

    /** A small document the feed names (a chapters file, a transcript), at most {@code maxBytes}. */
    public byte[] document(String url, long maxBytes) throws FetchFailed {
        return fetcher().fetch(url, maxBytes, DOCUMENT_DEADLINE);
    }

    /** {@code podcast:locked yes}: refused, with what the producer can do about it. */
    public static void refuseLocked(SourceFeed feed) {
        if (feed.locked()) {
            throw feed.lockedOwner().map(owner -> ProblemException.conflict("imports.feed.lockedBy", owner))
                    .orElseGet(() -> ProblemException.conflict("imports.feed.locked")).about("feedUrl");
        }
    }
}
