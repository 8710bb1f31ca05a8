package dev.chapitre.imports.boundary;

import dev.chapitre.chapters.control.ChapterFormatException;
import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.chapters.control.TimestampText;
import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.episodes.control.ChapterImport;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.EpisodeFields;
import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.imports.control.ChapterSources;
import dev.chapitre.imports.control.EpisodeMapping;
import dev.chapitre.imports.control.FetchFailed;
import dev.chapitre.imports.control.ItemReport;
import dev.chapitre.imports.control.ReportWords;
import dev.chapitre.imports.control.SafeFetcher;
import dev.chapitre.imports.control.ShowMapping;
import dev.chapitre.imports.control.TranscriptSources;
import dev.chapitre.imports.entity.ImportItem;
import dev.chapitre.imports.entity.ImportJob;
import dev.chapitre.imports.entity.ImportState;
import dev.chapitre.media.boundary.Uploads;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.media.control.StagedFile;
import dev.chapitre.platform.control.DatabaseOutage;
import dev.chapitre.platform.control.MessageJson;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.LanguageTag;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.podcasts.control.PodcastGuid;
import dev.chapitre.tagging.control.AudioInspector;
import dev.chapitre.tagging.control.Id3ChapterReader;
import dev.chapitre.tagging.control.NotMpegAudio;
import dev.chapitre.transcripts.control.TranscriptFiles;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs imports, two at a time per instance on threads of their own (an import lasts minutes to
 * hours and must not hold the threads that re-tag MP3s). Each item of the feed is one step: the MP3
 * downloaded into staging, its chapters gathered from every source, then the episode and its line
 * of the report saved together ({@link ImportSteps}). What fails an item skips it with its reason;
 * what fails the show fails the job. The report's notes, the reasons and the failure are stored as
 * messages, worded in the reader's language when the report is read ({@link ReportWords}).
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
    static final int THREADS = 2;
    static final long MAX_ARTWORK_BYTES = 20L * 1024 * 1024;
    /** The types hosts declare for MP3; with an empty or generic one, the file itself decides (AudioInspector). */
    static final Set<String> MP3_TYPES = Set.of("audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3", "audio/mpg");
    static final Set<String> UNSPECIFIC_TYPES = Set.of("", "application/octet-stream", "binary/octet-stream", "audio/*");
    private static final long PROGRESS_EVERY_BYTES = 4L * 1024 * 1024;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ImportSteps steps;

    @Inject
    ForeignFeeds feeds;

    @Inject
    MediaStorage storage;

    @Inject
    Uploads uploads;

    @Inject
    AudioInspector inspector;

    @Inject
    ImportMembers members;

    private ExecutorService executor;
    private ExecutorService downloads;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    private synchronized ExecutorService executor() {
        if (executor == null) {
            executor = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        }
        return executor;
    }

    /** One download ahead per running job. */
    private synchronized ExecutorService downloads() {
        if (downloads == null) {
            downloads = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        }
        return downloads;
    }

    private volatile boolean stopping;

    @PreDestroy
    synchronized void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
        }
        if (downloads != null) {
            downloads.shutdownNow();
        }
    }

    /** Queues the job for {@code runner}, the claim made for this run (see {@link ImportMembers#newRunner}). */
    public void start(String jobId, String runner) {
        queued.add(jobId);
        executor().execute(() -> {
            try {
                run(jobId, runner);
            } finally {
                queued.remove(jobId);
            }
        });
    }

    /** The jobs queued or running here: never claimed again by this instance while they are. */
    public Set<String> queued() {
        return Set.copyOf(queued);
    }

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportStarted job) {
        start(job.jobId(), job.runner());
    }

    /** Runs the job if {@code runner} (this instance's claim on it) still holds it. */
    void run(String jobId, String me) {
        var started = steps.begin(jobId, me);
        if (started.isEmpty()) {
            return;
        }
        try {
            new Run(jobId, me, started.get()).all();
        } catch (ImportSteps.NotRunning stopped) {
            LOG.info(() -> "Import " + jobId + " stopped here: cancelled, or carried on by another instance");
        } catch (ImportRefused refused) {
            fail(jobId, me, refused.reason());
        } catch (ProblemException refused) {
            fail(jobId, me, refused.detail());
        } catch (InvalidInput refused) {
            fail(jobId, me, refused.detail());
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info(() -> "Import " + jobId + " interrupted by the instance stopping; another start carries it on");
                return;
            }
            LOG.log(Level.WARNING, "Import " + jobId + " failed", e);
            fail(jobId, me, Message.of("imports.job.unexpected", rootMessage(e)));
        }
    }

    private void fail(String jobId, String me, Message why) {
        steps.finish(jobId, me, ImportState.FAILED, Optional.of(ReportWords.stored(why, ImportJob.MAX_FAILURE)));
    }

    /** One run of one job on this instance. */
    private final class Run {
        final String jobId;
        final String me;
        final ImportSteps.Started job;
        final SafeFetcher fetcher = feeds.fetcher();
        final AtomicLong bytes = new AtomicLong();
        volatile long reportedBytes;
        volatile long reportedAt = System.nanoTime();
        volatile String current;

        Run(String jobId, String me, ImportSteps.Started job) {
            this.jobId = jobId;
            this.me = me;
            this.job = job;
        }

        void all() {
            var feed = feeds.read(job.feedUrl(), Duration.ofMinutes(2));
            ForeignFeeds.refuseLocked(feed);
            var guid = feed.guid().orElseGet(() -> PodcastGuid.forFeedUrl(job.feedUrl()).toString());
            var show = ShowMapping.fields(feed);
            var showReport = Json.createObjectBuilder().add("guid", guid).add("guidFrom", feed.guid().isPresent() ? "feed" : "computed")
                    .add("attention", MessageJson.array(show.attention()));
            feed.newFeedUrl().ifPresent(url -> showReport.add("newFeedUrlAtOldHost", url));
            var target = steps.target(jobId, me, guid, show.fields(), feed.items().size(), showReport.build().toString());
            if (!steps.hasArtwork(target.podcastId())) {
                feed.imageUrl().ifPresent(url -> artwork(target.podcastId(), url));
            }
            var present = ConcurrentHashMap.<String>newKeySet();
            present.addAll(target.guids());
            // Resumed: the items dealt with are known by guid, not by place (the old feed may have changed since).
            var remaining = feed.items().stream().filter(item -> !target.done().contains(ImportItem.identity(guidOf(item),
                    item.title().orElse(UNTITLED)))).toList();
            // While one item is saved (its commits and fsyncs, the copy into place), the next one downloads.
            CompletableFuture<Prepared> next = remaining.isEmpty() ? null : prefetch(present, target.nextPosition(), remaining.get(0));
            try {
                for (int i = 0; i < remaining.size(); i++) {
                    var prepared = await(next);
                    next = i + 1 < remaining.size() ? prefetch(present, target.nextPosition() + i + 1, remaining.get(i + 1)) : null;
                    save(target, present, prepared);
                }
            } finally {
                if (next != null) {
                    next.thenAccept(Prepared::discard); // stopped early: the download under way leaves nothing behind
                }
            }
            steps.progress(jobId, me, bytes.get(), Optional.empty());
            steps.finish(jobId, me, ImportState.DONE, Optional.empty());
        }

        private CompletableFuture<Prepared> prefetch(Set<String> present, int position, SourceFeed.Item item) {
            return CompletableFuture.supplyAsync(() -> prepare(present, position, item), downloads());
        }

        private Prepared await(CompletableFuture<Prepared> prepared) {
            try {
                return prepared.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportSteps.NotRunning(); // the instance is stopping
            }
        }

        void artwork(long podcastId, String url) {
            try (var response = fetcher.open(url)) {
                SafeFetcher.refuseDeclaredOversize(response, MAX_ARTWORK_BYTES);
                try (var staged = storage.stage(counted(response.body()), MAX_ARTWORK_BYTES)) {
                    var type = response.contentType().toLowerCase(Locale.ROOT).contains("png") ? "image/png" : "image/jpeg";
                    steps.artwork(jobId, me, podcastId, type, staged, job.baseUrl());
                }
            } catch (FetchFailed e) { // the show comes over without it, and says so
                note(Message.of("imports.artwork.notKept", e.reason()));
            } catch (IOException e) {
                note(Message.of("imports.artwork.notKept", rootMessage(e)));
            } catch (ImportSteps.NotRunning | ImportRefused stop) {
                throw stop;
            } catch (RuntimeException e) {
                if (DatabaseOutage.causeOf(e).isPresent()) {
                    throw e;
                }
                note(Message.of("imports.artwork.notKept", rootMessage(e)));
            }
        }

        private void note(Message attention) {
            LOG.info(() -> "Import " + jobId + ": " + attention);
            steps.addShowAttention(jobId, me, attention);
        }

        /**
         * What the feed's item became before its save: left out (with the reason), or its audio in
         * staging with everything the episode needs. Prepared on the download thread while the
         * previous item is saved.
         */
        private record Prepared(int position, Optional<String> guid, String title, ItemReport report, Optional<Message> skipped,
                                Optional<EpisodeFields> fields, List<Chapter> chapters, Optional<ImportSteps.Transcript> transcript,
                                Optional<StagedFile> audio) {

            static Prepared skip(int position, Optional<String> guid, String title, ItemReport report, Message reason) {
                return new Prepared(position, guid, title, report, Optional.of(reason), Optional.empty(), List.of(), Optional.empty(),
                        Optional.empty());
            }

            void discard() {
                audio.ifPresent(ImportRunner::discardQuietly);
            }
        }

        Prepared prepare(Set<String> present, int position, SourceFeed.Item item) {
            var title = item.title().orElse(UNTITLED);
            var enclosure = item.enclosure();
            var guid = guidOf(item);
            var report = new ItemReport().declared(enclosure.map(SourceFeed.Enclosure::length).orElse(0L), item.durationMs());
            if (guid.isPresent() && present.contains(guid.get())) {
                return new Prepared(position, guid, title, report, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                        Optional.empty());
            }
            var unimportable = whyNotImportable(item);
            if (unimportable.isPresent()) {
                return Prepared.skip(position, guid, title, report, unimportable.get());
            }
            if (item.guid().isEmpty()) {
                report.attention(Message.of("imports.item.noGuid"));
            }
            var notes = new ArrayList<Message>();
            var mapped = EpisodeMapping.fields(item, notes);
            if (mapped.isEmpty()) {
                return Prepared.skip(position, guid, title, report, Message.of("imports.item.notAnEpisode", notes.get(0)));
            }
            report.attention(mapped.get().attention()).persons(item.persons().size(), mapped.get().fields().persons().size());
            current = title;
            StagedFile audio = null;
            boolean handedOver = false;
            try {
                audio = download(enclosure.get().url());
                var facts = inspector.inspect(audio.sample());
                report.audio(audio.size(), facts.durationMs());
                var found = chapterSources(item, audio, facts.durationMs());
                var choice = ChapterSources.choose(found, chapters -> ChapterImport.kept(chapters, facts.durationMs()));
                var chapters = choice.kept().map(ChapterSources.Found::chapters).orElse(List.of());
                report.chapters(found, choice)
                        .linkedImages(item.imageUrl().isPresent(), (int) chapters.stream().filter(c -> c.img().isPresent()).count());
                var transcript = transcript(item, facts.durationMs(), report);
                handedOver = true;
                return new Prepared(position, guid, title, report, Optional.empty(), Optional.of(mapped.get().fields()), chapters,
                        transcript, Optional.of(audio));
            } catch (Skip e) {
                return Prepared.skip(position, guid, title, report, e.reason);
            } catch (NotMpegAudio e) {
                return Prepared.skip(position, guid, title, report, Message.of("imports.audio.notHostable", e.reason()));
            } catch (InvalidInput e) {
                return Prepared.skip(position, guid, title, report, Message.of("imports.episode.refused", e.detail()));
            } catch (IOException e) { // the storage, not the old host (see download): the job stops and is carried on later
                throw new UncheckedIOException(e);
            } finally {
                if (!handedOver && audio != null) {
                    discardQuietly(audio);
                }
            }
        }

        /** The item's outcome, saved with its line of the report; the episode too when there is one. */
        void save(ImportSteps.Target target, Set<String> present, Prepared item) {
            try {
                if (!steps.progress(jobId, me, bytes.get(), Optional.of(item.title()))) { // the heartbeat, and a cancel seen
                    throw new ImportSteps.NotRunning();
                }
                if (item.skipped().isPresent()) {
                    skip(item.position(), item.guid(), item.title(), item.skipped().get(), item.report());
                } else if (item.audio().isEmpty() || present.contains(item.guid().orElseThrow())) {
                    // here already, or the feed repeats a guid: an app would see one episode
                    steps.record(jobId, me, item.position(), item.guid().orElse(null), item.title(), ImportItem.Outcome.PRESENT, null,
                            item.report().json());
                } else {
                    steps.saveEpisode(jobId, me, target.podcastId(), item.position(), item.guid().get(), item.fields().orElseThrow(),
                            item.chapters(), item.transcript(), item.audio().get(), job.baseUrl(), item.report().json());
                    present.add(item.guid().get());
                }
            } catch (InvalidInput e) {
                skip(item.position(), item.guid(), item.title(), Message.of("imports.episode.refused", e.detail()),
                        item.report());
            } catch (ProblemException e) {
                skip(item.position(), item.guid(), item.title(), Message.of("imports.episode.refused", e.detail()), item.report());
            } catch (ImportSteps.NotRunning | ImportRefused stop) {
                throw stop;
            } catch (RuntimeException e) {
                if (DatabaseOutage.causeOf(e).isPresent() || causedBy(e, IOException.class)) {
                    throw e; // the database or the storage: the job stops, and carries on from here when it is resumed
                }
                LOG.log(Level.WARNING, "Import " + jobId + ": could not save '" + item.title() + "'", e);
                skip(item.position(), item.guid(), item.title(), Message.of("imports.episode.notSaved", rootMessage(e)), item.report());
            } finally {
                item.discard();
            }
        }

        private void skip(int position, Optional<String> guid, String title, Message reason, ItemReport report) {
            steps.record(jobId, me, position, guid.orElse(null), title, ImportItem.Outcome.SKIPPED,
                    ReportWords.stored(reason, ImportItem.MAX_REASON), report.json());
        }

        /** The enclosure in staging, checked against the upload limit as it arrives. */
        StagedFile download(String url) throws Skip, IOException {
            long max = uploads.maxUploadBytes();
            try (var response = fetcher.open(url)) {
                SafeFetcher.refuseDeclaredOversize(response, max);
                return storage.stage(counted(response.body()), max);
            } catch (FetchFailed e) {
                throw new Skip(Message.of("imports.audio.notDownloaded", e.reason()));
            } catch (MediaStorage.TooLarge e) {
                throw new Skip(Message.of("imports.audio.tooLarge", max));
            } catch (SourceBroke e) {
                throw new Skip(Message.of("imports.audio.brokeOff", String.valueOf(e.getCause().getMessage())));
            } catch (ClosedByInterruptException | InterruptedIOException e) {
                throw new ImportSteps.NotRunning(); // the instance is stopping: the job is carried on after
            } catch (IOException e) {
                if (e.getCause() instanceof Stopped) {
                    throw new ImportSteps.NotRunning();
                }
                throw e; // writing it here failed: not the item's fault
            }
        }

        /**
         * The best of the item's transcripts that reads and fits the audio, checked here on the
         * download thread so that the save only stores it; the others, and why, go to the report.
         */
        Optional<ImportSteps.Transcript> transcript(SourceFeed.Item item, long durationMs, ItemReport report) {
            var problems = new ArrayList<Message>();
            for (var source : TranscriptSources.inOrder(item.transcripts())) {
                try {
                    var parsed = TranscriptFiles.read(feeds.document(source.url(), ForeignFeeds.MAX_TRANSCRIPT_BYTES));
                    parsed.checked(durationMs);
                    report.transcripts(item.transcripts().size(), Optional.of(source.url()), problems);
                    return Optional.of(new ImportSteps.Transcript(parsed, source.language().filter(LanguageTag::isValid)));
                } catch (FetchFailed e) {
                    problems.add(Message.of("imports.transcript.unreadable", source.url(), e.reason()));
                } catch (InvalidInput e) {
                    problems.add(Message.of("imports.transcript.refused", source.url(), firstProblems(e)));
                }
            }
            TranscriptSources.untimed(item.transcripts())
                    .forEach(source -> problems.add(Message.of("imports.transcript.untimed", source.url(), source.type())));
            report.transcripts(item.transcripts().size(), Optional.empty(), problems);
            return Optional.empty();
        }

        /** The first three of what the rules say ({@link InvalidInput#descriptions()}), and how many more. */
        private static Message firstProblems(InvalidInput invalid) {
            var shown = invalid.descriptions().stream().limit(3).toList();
            int more = invalid.violations().size() - shown.size();
            return more > 0 ? Message.of("imports.list.more", Message.joined(shown), more) : Message.joined(shown);
        }

        List<ChapterSources.Found> chapterSources(SourceFeed.Item item, StagedFile audio, long durationMs) {
            var found = new ArrayList<ChapterSources.Found>();
            item.chaptersUrl().ifPresent(url -> found.add(podcastChapters(url)));
            if (!item.pscChapters().isEmpty()) {
                found.add(psc(item.pscChapters()));
            }
            try {
                found.add(ChapterSources.Found.of(ChapterSources.Source.ID3, Id3ChapterReader.read(audio.sample()).stream()
                        .map(c -> new Chapter(c.startMs(), ChapterImport.truncated(c.title()), c.url().orElse(null),
                                c.imageUrl().orElse(null), c.toc())).toList()));
            } catch (IOException | RuntimeException e) {
                found.add(ChapterSources.Found.unreadable(ChapterSources.Source.ID3, rootMessage(e)));
            }
            var timestamps = TimestampText.read(ShowNotes.textLines(item.notes().orElse(null)), true).chapters();
            if (timestamps.size() >= 2) { // one time in the notes is a mention, not a table of contents
                found.add(ChapterSources.Found.of(ChapterSources.Source.SHOW_NOTES, timestamps.stream()
                        .map(c -> new Chapter(c.startMs(), ChapterImport.truncated(c.title()), null, null, true)).toList()));
            }
            return found;
        }

        ChapterSources.Found podcastChapters(String url) {
            try {
                var body = feeds.document(url, ForeignFeeds.MAX_CHAPTERS_BYTES);
                return ChapterSources.Found.of(ChapterSources.Source.PODCAST_CHAPTERS, ChapterJson.read(new String(body, StandardCharsets.UTF_8))
                        .stream().map(c -> new Chapter(c.startMs(), c.title() == null ? null : ChapterImport.truncated(c.title()),
                                c.url().orElse(null), c.img().orElse(null), c.toc())).toList());
            } catch (FetchFailed e) {
                return ChapterSources.Found.unreadable(ChapterSources.Source.PODCAST_CHAPTERS, e.reason());
            } catch (ChapterFormatException e) {
                return ChapterSources.Found.unreadable(ChapterSources.Source.PODCAST_CHAPTERS, e.reason());
            } catch (InvalidInput e) {
                return ChapterSources.Found.unreadable(ChapterSources.Source.PODCAST_CHAPTERS, e.detail());
            }
        }

        ChapterSources.Found psc(List<SourceFeed.Chapter> chapters) {
            var list = new ArrayList<Chapter>();
            for (var chapter : chapters) {
                var start = ChapterTime.parse(chapter.start());
                if (start.isEmpty()) {
                    return ChapterSources.Found.unreadable(ChapterSources.Source.PSC,
                            Message.of("imports.chapters.psc.badStart", chapter.start()));
                }
                list.add(new Chapter(start.getAsLong(), ChapterImport.truncated(chapter.title()), chapter.href().orElse(null),
                        chapter.image().orElse(null), true));
            }
            return ChapterSources.Found.of(ChapterSources.Source.PSC, list);
        }

        /** Counts the bytes as they arrive, reports them every few MB, and stops when the job is no longer ours. */
        InputStream counted(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b;
                    try {
                        b = super.read();
                    } catch (IOException e) {
                        throw new SourceBroke(e);
                    }
                    if (b >= 0) {
                        add(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n;
                    try {
                        n = super.read(buffer, offset, length);
                    } catch (IOException e) {
                        throw new SourceBroke(e);
                    }
                    if (n > 0) {
                        add(n);
                    }
                    return n;
                }
            };
        }

        private void add(long n) throws IOException {
            long total = bytes.addAndGet(n);
            long now = System.nanoTime();
            if (total - reportedBytes >= PROGRESS_EVERY_BYTES || now - reportedAt >= PROGRESS_EVERY_NANOS) {
                reportedBytes = total;
                reportedAt = now;
                if (!steps.progress(jobId, me, total, Optional.ofNullable(current))) {
                    throw new IOException(new Stopped());
                }
            }
        }
    }

    static final String UNTITLED = "(untitled)";

    /** An item's guid, or without one its enclosure's address, as apps take it. */
    static Optional<String> guidOf(SourceFeed.Item item) {
        return item.guid().or(() -> item.enclosure().map(SourceFeed.Enclosure::url));
    }

    /** Why an item cannot be imported, as the feed alone tells: no audio, or audio of a type that is not MP3. */
    static Optional<Message> whyNotImportable(SourceFeed.Item item) {
        if (item.enclosure().isEmpty()) {
            return Optional.of(Message.of("imports.item.noEnclosure"));
        }
        var enclosure = item.enclosure().get();
        var type = enclosure.type().toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!MP3_TYPES.contains(type) && !UNSPECIFIC_TYPES.contains(type)) { // no type, or a generic one: the file itself decides
            return Optional.of(type.isEmpty() ? Message.of("imports.audio.noType") : Message.of("imports.audio.notMp3", type));
        }
        return Optional.empty();
    }

    /** An item that cannot be imported, for the reason given. */
    private static final class Skip extends Exception {
        final Message reason;

        Skip(Message reason) {
            super(reason.toString());
            this.reason = reason;
        }
    }

    /** Reading from the old host failed (the item is skipped), as opposed to writing here (the job stops). */
    private static final class SourceBroke extends IOException {
        SourceBroke(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    static void discardQuietly(StagedFile file) {
        try {
            file.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove a staged import download", e);
        }
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The job was cancelled or claimed elsewhere while its audio was downloading. */
    private static final class Stopped extends Exception {
    }

    static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
