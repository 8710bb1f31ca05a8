package dev.chapitre.publishing.boundary;

import dev.chapitre.episodes.boundary.EpisodeChanged;
import dev.chapitre.feeds.boundary.PublicDocuments;
import dev.chapitre.feeds.control.PublishedDocument;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.boundary.ClusterChanges;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.ChangedElsewhere;
import dev.chapitre.platform.entity.DatabaseRestored;
import dev.chapitre.platform.entity.MembersChanged;
import dev.chapitre.podcasts.boundary.PodcastChanged;
import dev.chapitre.podcasts.boundary.PodcastRemoval;
import dev.chapitre.publishing.control.PublishedTree;
import dev.chapitre.publishing.entity.TreeFile;
import dev.chapitre.retagging.boundary.EpisodeRetagged;
import dev.chapitre.transcripts.boundary.TranscriptChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the {@link PublishedTree} equal to what the public may read. A committed change to a show
 * (its fields or artwork, an episode, its chapters or audio, a re-tag, a deletion) marks the show;
 * a scheduled episode marks its show when it comes due; a single writer rebuilds each marked show
 * from the database, so the tree always ends at the latest committed state whatever the order of
 * the events. At start (and after a restore) every show is rebuilt and what belongs to no show is
 * removed: a kill mid-write or a tree deleted by hand heals itself.
 * In a cluster the instances share one tree and only the leading one ({@link ClusterChanges#leads})
 * writes it, for the changes committed on every instance (they are announced to it): each change is
 * written once, by one writer, and a scheduled episode comes due once. A new leader starts by going
 * over every show.
 * Feeds carry absolute URLs, so the tree needs CHAPITRE_BASE_URL; without it there is no tree and
 * the application serves everything itself, as it always has.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // file work between short reads, never inside a transaction
public class TreePublisher {

    private static final Logger LOG = Logger.getLogger(TreePublisher.class.getName());
    /** How often due publications and missed marks are looked at: a scheduled episode shows within this plus one build. */
    static final Duration TICK = Duration.ofMillis(200);
    /** After a failure (the database is unreachable), how long before the next attempt. */
    static final Duration RETRY = Duration.ofSeconds(5);

    @Inject
    PublicDocuments documents;

    @Inject
    PublicUrls urls;

    @Inject
    ClusterChanges cluster;

    @Inject
    MediaStorage storage;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "CHAPITRE_DATA_DIR", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "CHAPITRE_PUBLISHED_DIR")
    Optional<String> publishedDir;

    /** Only to warn when the tree is served but its downloads would not be counted. */
    @Inject
    @ConfigProperty(name = "CHAPITRE_DOWNLOAD_LOG")
    Optional<String> downloadLog;

    @Resource
    ManagedScheduledExecutorService executor;

    private final Set<Long> marked = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean everything = new AtomicBoolean(true);
    /** Per show, when its next scheduled episode becomes public. */
    private final Map<Long, Instant> due = new ConcurrentHashMap<>();
    /** Per show, the slug its files are under in the tree (a renamed show leaves the old one). */
    private final Map<Long, String> slugs = new ConcurrentHashMap<>();
    /** Per show that failed, when to try it again. */
    private final Map<Long, Instant> retryAt = new ConcurrentHashMap<>();
    private final ReentrantLock writing = new ReentrantLock();
    private volatile Instant pausedUntil = Instant.MIN;
    private String baseUrl;
    private PublishedTree tree;
    private ScheduledFuture<?> ticking;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the class's does not reach a lifecycle callback (LifecycleCallbacksTest)
    void openTree() {
        var root = publishedDir.filter(dir -> !dir.isBlank()).map(Path::of).orElse(Path.of(dataDir).resolve("published"))
                .toAbsolutePath().normalize();
        var local = storage.localFolder().map(folder -> folder.toAbsolutePath().normalize());
        if (local.isPresent() && (root.startsWith(local.get()) || local.get().startsWith(root))) {
            var media = local.get();
            // The tree removes what belongs to no show: over the stored media it would remove the media.
            LOG.severe(() -> "CHAPITRE_PUBLISHED_DIR (" + root + ") must be a folder of its own, neither inside the media folder ("
                    + media + ") nor around it: no published tree is kept, and nothing is removed.");
            return;
        }
        var base = urls.configured();
        if (base.isEmpty()) {
            LOG.info("CHAPITRE_BASE_URL is not set: no published tree is kept, and feeds, chapters and media are served by the"
                    + " application itself (see docs/operations.md, \"The published tree\").");
            PublishedTree.removeIfPresent(root);
            return;
        }
        baseUrl = base.get();
        tree = new PublishedTree(root);
        LOG.info(() -> "Keeping the published tree in " + tree.root() + " for " + baseUrl);
        if (downloadLog.filter(name -> !name.isBlank()).isEmpty()) {
            LOG.warning("The published tree is kept but CHAPITRE_DOWNLOAD_LOG is not set: downloads that the web server"
                    + " serves from the tree are not counted (see docs/operations.md, \"Downloads counted from the web server's log\").");
        }
        ticking = executor.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    public void episodeChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeChanged change) {
        mark(change.podcastId());
    }

    public void transcriptChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranscriptChanged change) {
        mark(change.podcastId());
    }

    public void episodeRetagged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeRetagged retagged) {
        mark(retagged.podcastId());
    }

    public void showChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastChanged change) {
        mark(change.podcast().id());
    }

    public void showRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastRemoval removal) {
        mark(removal.podcast().id());
    }

    /** The leader writes the tree for the whole cluster, also what the others changed. */
    public void changedElsewhere(@Observes ChangedElsewhere change) {
        mark(change.podcastId());
    }

    /** A new leader does not know what the old one had left to do: it goes over every show. */
    public void membersChanged(@Observes MembersChanged change) {
        if (change.leading()) {
            everything.set(true);
            wake();
        }
    }

    public void restored(@Observes DatabaseRestored restored) {
        everything.set(true);
        wake();
    }

    private void mark(long podcastId) {
        marked.add(podcastId);
        wake();
    }

    private void wake() {
        if (tree != null) {
            executor.execute(this::tick);
        }
    }

    /**
     * One writer: a tick that finds another at work leaves the marks to it (it loops until none is
     * left) or to the next tick. A show that fails (the database is unreachable, a file the process
     * may not replace) is tried again later on its own; the others go on.
     */
    void tick() {
        if (!writing.tryLock()) {
            return;
        }
        try {
            if (!cluster.leads()) {
                // One writer for the cluster: the leader was told of every change; were this instance
                // to lead later, it starts by going over every show.
                marked.clear();
                due.clear();
                everything.set(true);
                return;
            }
            var now = clock.instant();
            due.forEach((podcastId, at) -> {
                if (!at.isAfter(now)) {
                    marked.add(podcastId);
                }
            });
            if (!now.isBefore(pausedUntil) && everything.getAndSet(false)) {
                reconcile(now);
            }
            var tried = new HashSet<Long>();
            while (true) {
                var batch = marked.stream().filter(id -> !tried.contains(id) && !retryAt.getOrDefault(id, Instant.MIN).isAfter(now)).toList();
                if (batch.isEmpty()) {
                    break;
                }
                for (var podcastId : batch) {
                    marked.remove(podcastId);
                    tried.add(podcastId);
                    publishOrRetryLater(podcastId);
                }
            }
        } catch (Throwable e) {
            // Never out of here: an exception would cancel the periodic tick for good.
            LOG.log(Level.SEVERE, "The published tree's writer failed; it goes on at the next tick", e);
        } finally {
            writing.unlock();
        }
    }

    private void publishOrRetryLater(long podcastId) {
        try {
            publish(podcastId, clock.instant());
            retryAt.remove(podcastId);
        } catch (RuntimeException | IOException e) {
            marked.add(podcastId);
            retryAt.put(podcastId, clock.instant().plus(RETRY));
            LOG.warning(() -> "Could not update show " + podcastId + " in the published tree; trying again in " + RETRY.toSeconds()
                    + " s: " + e);
        }
    }

    /** Every show rebuilt (a show that fails is retried on its own), and what belongs to no show removed. */
    private void reconcile(Instant now) {
        List<PublicDocuments.ShowName> shows;
        try {
            shows = documents.showNames();
        } catch (RuntimeException unreachable) {
            everything.set(true);
            pausedUntil = now.plus(RETRY);
            LOG.warning(() -> "Could not reconcile the published tree with the database; trying again in " + RETRY.toSeconds()
                    + " s: " + unreachable);
            return;
        }
        try {
            tree.removeLeftovers();
        } catch (IOException e) {
            LOG.warning(() -> "Could not remove the staging files of cut-off writes from the published tree: " + e);
        }
        var current = new HashSet<String>();
        slugs.clear();
        due.clear();
        for (var show : shows) {
            current.add(show.slug());
            publishOrRetryLater(show.podcastId());
        }
        int removed = 0;
        try {
            for (var slug : tree.shows()) {
                if (!current.contains(slug)) {
                    removed += tree.removeShow(slug);
                }
            }
        } catch (IOException | RuntimeException e) {
            everything.set(true);
            pausedUntil = now.plus(RETRY);
            LOG.warning(() -> "Could not remove what belongs to no show from the published tree; trying again in " + RETRY.toSeconds()
                    + " s: " + e);
        }
        int orphans = removed;
        LOG.info(() -> "Published tree reconciled with the database: " + shows.size() + " show(s), " + orphans
                + " file(s) of removed shows taken out");
    }

    private void publish(long podcastId, Instant now) throws IOException {
        var edition = documents.edition(podcastId, baseUrl, now);
        var before = Optional.ofNullable(slugs.get(podcastId));
        if (edition.isEmpty()) {
            slugs.remove(podcastId);
            due.remove(podcastId);
            if (before.isPresent() && !slugs.containsValue(before.get())) {
                tree.removeShow(before.get());
            }
            return;
        }
        var show = edition.get();
        tree.sync(show.slug(), files(show));
        slugs.put(podcastId, show.slug());
        if (before.isPresent() && !before.get().equals(show.slug()) && !slugs.containsValue(before.get())) {
            tree.removeShow(before.get()); // renamed: the old addresses are no longer public
        }
        show.nextPublication().ifPresentOrElse(at -> due.put(podcastId, at), () -> due.remove(podcastId));
    }

    private List<TreeFile> files(PublicDocuments.ShowEdition show) {
        var files = new ArrayList<TreeFile>();
        var feed = show.feed();
        if (feed.movedTo().isEmpty()) { // a show that moved out: its feed is a 301, which only the application answers
            files.add(document(PublicPaths.feed(show.slug()), feed));
        }
        show.chapters().forEach((episode, chapters) -> files.add(document(PublicPaths.chapters(show.slug(), episode), chapters)));
        show.transcripts().forEach((path, transcript) -> files.add(document(path, transcript)));
        // Media in a bucket cannot be linked: the tree holds none, and nginx asks the application, which hands over.
        show.audioKeys().forEach((episode, key) -> storage.localFile(key).ifPresent(file ->
                files.add(new TreeFile.Link(relative(PublicPaths.audio(show.slug(), episode)), file))));
        show.artwork().ifPresent(art -> storage.localFile(art.key()).ifPresent(file ->
                files.add(new TreeFile.Link(relative(PublicPaths.artwork(show.slug(), art.extension())), file))));
        return files;
    }

    private static TreeFile document(String publicPath, PublishedDocument document) {
        return new TreeFile.Document(relative(publicPath), document.plain(),
                document.compresses() ? Optional.of(document.gzipped()) : Optional.empty(), document.lastModified());
    }

    private static String relative(String publicPath) {
        return publicPath.substring(1);
    }
}
