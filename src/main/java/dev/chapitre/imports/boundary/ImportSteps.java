package dev.chapitre.imports.boundary;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.entity.EpisodeFields;
import dev.chapitre.imports.entity.ImportItem;
import dev.chapitre.imports.entity.ImportJob;
import dev.chapitre.imports.entity.ImportState;
import dev.chapitre.media.control.StagedFile;
import dev.chapitre.platform.control.MessageJson;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.PodcastFields;
import dev.chapitre.transcripts.boundary.Transcripts;
import dev.chapitre.transcripts.control.ParsedTranscript;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each step of a running import in a transaction of its own, so that what is done stays done when
 * the next step fails or the instance dies. A step that writes locks the job's row and checks that
 * this instance still runs it: a cancel, or a claim by another instance, stops the old runner
 * before it saves anything more.
 */
@Stateless
@PermitAll
public class ImportSteps {

    /** What a runner needs of its job. */
    public record Started(String feedUrl, String baseUrl) {
    }

    /**
     * The show an import fills, the guids its episodes have, the items this job already dealt with
     * ({@link ImportItem#identity}) and the position of the next line of its report.
     */
    public record Target(long podcastId, Set<String> guids, Set<String> done, int nextPosition) {
    }

    /** The job is no longer this runner's (cancelled, finished, or claimed by another instance). */
    @ApplicationException(rollback = true)
    public static class NotRunning extends RuntimeException {
        NotRunning() {
            super("The import is no longer run here", null, false, false);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Podcasts podcasts;

    @Inject
    Episodes episodes;

    @Inject
    Transcripts transcripts;

    /** A transcript brought with an item, already read and checked against its audio; in its declared language, else the show's. */
    public record Transcript(ParsedTranscript parsed, Optional<String> language) {
    }

    /**
     * Running jobs whose runner's instance left the grid, or that fell silent for {@code silence}:
     * anyone's to carry on, but for those this instance has queued or running ({@code ours}).
     */
    public List<String> orphans(Set<String> liveMembers, Set<String> ours, Duration silence) {
        var before = InstantColumn.now().minus(silence);
        return em.createNamedQuery(ImportJob.RUNNING, Object[].class).getResultList().stream()
                .filter(row -> !ours.contains((String) row[0]))
                .filter(row -> row[1] == null || !liveMembers.contains(ImportMembers.memberOf((String) row[1]))
                        || ((Instant) row[2]).isBefore(before))
                .map(row -> (String) row[0]).toList();
    }

    /** Takes the job over for {@code runner}; false when another instance did first, or it ended. */
    public boolean claim(String jobId, String runner) {
        var job = Optional.ofNullable(em.find(ImportJob.class, jobId));
        if (job.isEmpty() || job.get().state().isOver()) {
            return false;
        }
        var previous = job.get().runner();
        em.detach(job.get());
        return em.createNamedQuery(ImportJob.CLAIM).setParameter("runner", runner).setParameter("now", InstantColumn.now())
                .setParameter("id", jobId).setParameter("previous", previous).executeUpdate() == 1;
    }

    public Optional<Started> begin(String jobId, String runner) {
        return Optional.ofNullable(em.find(ImportJob.class, jobId)).filter(job -> job.isRunBy(runner))
                .map(job -> new Started(job.feedUrl(), job.baseUrl()));
    }

    /**
     * The show to import into: the one the job already made, or the owner's show with the feed's
     * podcast:guid (a second import of the same show), or a new one. Another producer's show with
     * that guid is not touched: the job fails, saying so.
     */
    public Target target(String jobId, String runner, String guid, PodcastFields fields, int items, String showReport) {
        var job = locked(jobId, runner);
        var show = job.podcast().or(() -> podcasts.withGuid(guid));
        if (show.isPresent() && !show.get().isOwnedBy(job.producer())) {
            throw new ImportRefused(Message.of("imports.job.hostedByAnother", guid));
        }
        var podcast = show.orElseGet(() -> podcasts.createImported(job.producer(), guid, fields));
        job.importInto(podcast, items, job.podcast().flatMap(resumed -> job.report()).orElse(showReport)); // resumed: its notes stay
        var done = new HashSet<String>();
        em.createNamedQuery(ImportItem.DONE, Object[].class).setParameter("job", job).getResultList()
                .forEach(row -> done.add(ImportItem.identity(Optional.ofNullable((String) row[0]), (String) row[1])));
        var last = em.createNamedQuery(ImportItem.LAST_POSITION, Integer.class).setParameter("job", job).getSingleResult();
        return new Target(podcast.id(), episodes.guidsOf(podcast.id()), done, last == null ? 0 : last + 1);
    }

    public boolean hasArtwork(long podcastId) {
        return Optional.ofNullable(em.find(Podcast.class, podcastId)).flatMap(Podcast::artwork).isPresent();
    }

    public void artwork(String jobId, String runner, long podcastId, String contentType, StagedFile image, String baseUrl) {
        locked(jobId, runner);
        podcasts.replaceImportedArtwork(podcastId, contentType, image, baseUrl);
    }

    /** A line for the show's part of the report (its artwork could not be kept…), worded when it is read. */
    public void addShowAttention(String jobId, String runner, Message note) {
        var job = locked(jobId, runner);
        var report = Json.createReader(new StringReader(job.report().orElse("{}"))).readObject();
        var attention = Json.createArrayBuilder(report.containsKey("attention") ? report.getJsonArray("attention") : JsonValue.EMPTY_JSON_ARRAY)
                .add(MessageJson.toJson(note));
        job.replaceReport(Json.createObjectBuilder(report).add("attention", attention).build().toString());
    }

    /** Bytes downloaded and the item at hand; false when the runner must stop. */
    public boolean progress(String jobId, String runner, long bytes, Optional<String> item) {
        return em.createNamedQuery(ImportJob.PROGRESS).setParameter("bytes", bytes)
                .setParameter("item", item.map(title -> title.length() > ImportJob.MAX_CURRENT_ITEM
                        ? title.substring(0, ImportJob.MAX_CURRENT_ITEM - 1) + "…" : title).orElse(null))
                .setParameter("now", InstantColumn.now()).setParameter("id", jobId).setParameter("runner", runner)
                .executeUpdate() == 1;
    }

    /** The episode, its transcript and its line of the report, together or not at all. */
    public Optional<String> saveEpisode(String jobId, String runner, long podcastId, int position, String guid, EpisodeFields fields,
                              List<Chapter> chapters, Optional<Transcript> transcript, StagedFile audio, String baseUrl, String report) {
        var job = locked(jobId, runner);
        var podcast = em.find(Podcast.class, podcastId);
        if (podcast == null) {
            throw new ImportRefused(Message.of("imports.job.showDeleted"));
        }
        if (episodes.guidsOf(podcastId).contains(guid)) { // another import of the show got there first
            em.persist(new ImportItem(job, position, guid, fields.title(), ImportItem.Outcome.PRESENT, null, report));
            job.itemDone();
            return Optional.empty();
        }
        var episode = episodes.createImported(podcastId, guid, fields, chapters, audio, baseUrl);
        transcript.ifPresent(t -> transcripts.storeImported(episode.id(), t.parsed(), t.language().orElse(podcast.fields().language())));
        em.persist(new ImportItem(job, position, guid, fields.title(), ImportItem.Outcome.IMPORTED, null, report));
        job.itemDone();
        return Optional.of(episode.slug());
    }

    public void record(String jobId, String runner, int position, String guid, String title, ImportItem.Outcome outcome,
                       String reason, String report) {
        var job = locked(jobId, runner);
        em.persist(new ImportItem(job, position, guid, title, outcome, reason, report));
        job.itemDone();
    }

    public void finish(String jobId, String runner, ImportState outcome, Optional<String> why) {
        Optional.ofNullable(em.find(ImportJob.class, jobId, LockModeType.PESSIMISTIC_WRITE)).filter(job -> job.isRunBy(runner))
                .ifPresent(job -> job.finish(outcome, why));
    }

    private ImportJob locked(String jobId, String runner) {
        return Optional.ofNullable(em.find(ImportJob.class, jobId, LockModeType.PESSIMISTIC_WRITE)).filter(job -> job.isRunBy(runner))
                .orElseThrow(NotRunning::new);
    }
}
