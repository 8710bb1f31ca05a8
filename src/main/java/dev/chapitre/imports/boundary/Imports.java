package dev.chapitre.imports.boundary;

import dev.chapitre.chapters.control.TimestampText;
import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.imports.control.ShowMapping;
import dev.chapitre.imports.entity.ImportItem;
import dev.chapitre.imports.entity.ImportJob;
import dev.chapitre.imports.entity.ImportState;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.podcasts.control.PodcastGuid;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** A producer's imports: preview a feed, start an import, watch it, cancel it. Another producer's job is not found. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Imports {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ForeignFeeds feeds;

    @Inject
    Podcasts podcasts;

    @Inject
    Episodes episodes;

    @Inject
    ImportMembers members;

    @Inject
    PublicUrls urls;

    @Inject
    Event<ImportStarted> started;

    /**
     * What an import of {@code feedUrl} would bring, read from the feed alone (the MP3s are read by
     * the import); what it says in words, in {@code locale}'s language.
     */
    public JsonObject preview(String feedUrl, Locale locale) {
        var feed = feeds.read(feedUrl);
        ForeignFeeds.refuseLocked(feed);
        var guid = guidOf(feed, feedUrl);
        var existing = existingShow(guid);
        var skipped = Json.createArrayBuilder();
        long audioBytes = 0;
        int importable = 0;
        int withJson = 0;
        int withPsc = 0;
        int withNotes = 0;
        int transcripts = 0;
        var persons = new TreeSet<String>();
        feed.persons().forEach(p -> persons.add(p.name()));
        for (var item : feed.items()) {
            item.persons().forEach(p -> persons.add(p.name()));
            var reason = ImportRunner.whyNotImportable(item);
            if (reason.isPresent()) {
                skipped.add(Json.createObjectBuilder()
                        .add("title", item.title().orElseGet(() -> Message.of("imports.item.untitled").in(locale)))
                        .add("guid", item.guid().orElse("")).add("reason", reason.get().in(locale)));
                continue;
            }
            importable++;
            audioBytes += Math.max(0, item.enclosure().orElseThrow().length());
            withJson += item.chaptersUrl().isPresent() ? 1 : 0;
            withPsc += item.pscChapters().isEmpty() ? 0 : 1;
            withNotes += TimestampText.read(ShowNotes.textLines(item.notes().orElse(null)), true).chapters().size() >= 2 ? 1 : 0;
            transcripts += item.transcripts().isEmpty() ? 0 : 1;
        }
        var json = Json.createObjectBuilder().add("feedUrl", feedUrl).add("title", feed.title())
                .add("guid", guid).add("guidFrom", feed.guid().isPresent() ? "feed" : "computed")
                .add("episodes", feed.items().size()).add("importable", importable).add("audioBytes", audioBytes)
                .add("chapters", Json.createObjectBuilder().add("podcast:chapters", withJson).add("psc:chapters", withPsc)
                        .add("show notes", withNotes).add("id3", Message.of("imports.preview.id3").in(locale)))
                .add("transcripts", transcripts).add("persons", Json.createArrayBuilder(List.copyOf(persons)))
                .add("skipped", skipped).add("attention", Json.createArrayBuilder(ShowMapping.fields(feed).attention().stream()
                        .map(note -> note.in(locale)).toList()));
        feed.imageUrl().ifPresentOrElse(url -> json.add("imageUrl", url), () -> json.addNull("imageUrl"));
        existing.ifPresent(show -> {
            var present = episodes.guidsOf(show.id());
            json.add("existing", Json.createObjectBuilder().add("slug", show.slug())
                    .add("episodesPresent", (int) feed.items().stream().filter(item -> item.guid().filter(present::contains).isPresent()).count()));
        });
        return json.build();
    }

    /** Checks the feed now (a clear 4xx rather than a failed job), then runs in the background. */
    public ImportJob start(String feedUrl) {
        var feed = feeds.read(feedUrl);
        ForeignFeeds.refuseLocked(feed);
        existingShow(guidOf(feed, feedUrl));
        var running = em.createNamedQuery(ImportJob.RUNNING_OF_PRODUCER, ImportJob.class).setParameter("producer", caller.producer())
                .getResultStream().filter(job -> job.feedUrl().equals(feedUrl.strip())).findFirst();
        if (running.isPresent()) {
            throw ProblemException.conflict("imports.alreadyRunning", running.get().id()).about("feedUrl");
        }
        var runner = members.newRunner();
        var job = new ImportJob(caller.producer(), feedUrl.strip(), urls.base(), runner);
        em.persist(job);
        started.fire(new ImportStarted(job.id(), runner));
        return job;
    }

    public List<ImportJob> mine() {
        return em.createNamedQuery(ImportJob.OF_PRODUCER, ImportJob.class).setParameter("producer", caller.producer())
                .setMaxResults(50).getResultList();
    }

    public ImportJob owned(String id) {
        return Optional.ofNullable(em.find(ImportJob.class, id)).filter(job -> job.producer().id().equals(caller.producer().id()))
                .orElseThrow(() -> ProblemException.notFound("imports.notFound", id));
    }

    public List<ImportItem> items(ImportJob job) {
        return em.createNamedQuery(ImportItem.OF_JOB, ImportItem.class).setParameter("job", job).getResultList();
    }

    /** What is imported stays; the item being downloaded is dropped (its runner sees the state at its next step). */
    public ImportJob cancel(String id) {
        var job = Optional.ofNullable(em.find(ImportJob.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(found -> found.producer().id().equals(caller.producer().id()))
                .orElseThrow(() -> ProblemException.notFound("imports.notFound", id));
        if (job.state().isOver()) {
            throw ProblemException.conflict("imports.over", Message.of("imports.state." + job.state().json()));
        }
        job.finish(ImportState.CANCELLED, Optional.empty());
        return job;
    }

    private static String guidOf(SourceFeed feed, String feedUrl) {
        return feed.guid().orElseGet(() -> PodcastGuid.forFeedUrl(feedUrl.strip()).toString());
    }

    /** The caller's show with this guid (a second import fills it); another producer's is a conflict, and an editor is told only the owner imports. */
    private Optional<Podcast> existingShow(String guid) {
        var show = podcasts.withGuid(guid);
        if (show.isPresent() && show.get().isEditableBy(caller.producer()) && !show.get().isOwnedBy(caller.producer())) {
            throw new ProblemException(Status.FORBIDDEN, "imports.ownerOnly", show.get().slug(), show.get().owner().name());
        }
        if (show.isPresent() && !show.get().isOwnedBy(caller.producer())) {
            throw ProblemException.conflict("imports.hostedByAnother", guid).about("feedUrl");
        }
        return show;
    }
}
