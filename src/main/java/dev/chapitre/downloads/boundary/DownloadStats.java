package dev.chapitre.downloads.boundary;

import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Download counts of a producer's show or episode, by day and by app. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class DownloadStats {

    /** No download is older: dates before it are refused rather than run off the calendar (the page's and the API's). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    public record Day(LocalDate date, long downloads) {
    }

    public record Counts(long total, List<Day> days, Map<String, Long> apps) {

        /** Every day from {@code from} to {@code to} (inclusive) in order, a day without downloads as 0: a chart's or a spreadsheet's series. */
        public Map<LocalDate, Long> everyDay(LocalDate from, LocalDate to) {
            var series = new LinkedHashMap<LocalDate, Long>();
            from.datesUntil(to.plusDays(1)).forEach(day -> series.put(day, 0L));
            days.stream().filter(day -> series.containsKey(day.date())).forEach(day -> series.put(day.date(), day.downloads()));
            return series;
        }

        /** The first day with downloads, if any. */
        public Optional<LocalDate> firstDay() {
            return days.stream().map(Day::date).findFirst();
        }
    }

    /**
     * An episode's start, to compare episodes of unequal age: its downloads on its first 7 and 30
     * days (the UTC day of its publication and the 6 or 29 after it; empty while those days are not
     * over), and all its downloads. A draft has no start: its counts are its producer's own listens.
     */
    public record Launch(String slug, String title, Optional<Instant> publishedAt, Optional<Long> first7Days,
                         Optional<Long> first30Days, long total) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Podcasts podcasts;

    @Inject
    Episodes episodes;

    public Counts ofShow(String podcast, LocalDate from, LocalDate to) {
        return counts(podcasts.editable(podcast).id(), Optional.empty(), from, to);
    }

    public Counts ofEpisode(String podcast, String episode, LocalDate from, LocalDate to) {
        var found = episodes.owned(podcast, episode);
        return counts(found.podcast().id(), Optional.of(found.id()), from, to);
    }

    /** Every episode of the show, newest first, with its first days side by side. */
    public List<Launch> launches(String podcast, LocalDate today) {
        var show = podcasts.editable(podcast);
        var byEpisode = new HashMap<Long, List<Day>>();
        em.createQuery("SELECT d.episodeId, d.day, COUNT(d) FROM Download d WHERE d.podcastId = :podcast GROUP BY d.episodeId, d.day",
                        Object[].class).setParameter("podcast", show.id()).getResultList()
                .forEach(row -> byEpisode.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                        .add(new Day((LocalDate) row[1], ((Number) row[2]).longValue())));
        return episodes.of(podcast).stream()
                .sorted(Comparator.comparing((Episode e) -> e.publishedAt().orElse(Instant.MIN)).reversed()) // drafts last
                .map(episode -> launch(episode, byEpisode.getOrDefault(episode.id(), List.of()), today)).toList();
    }

    private static Launch launch(Episode episode, List<Day> days, LocalDate today) {
        long total = days.stream().mapToLong(Day::downloads).sum();
        var published = episode.publishedAt().map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
        return new Launch(episode.slug(), episode.title(), episode.publishedAt(),
                published.flatMap(first -> within(days, first, 7, today)), published.flatMap(first -> within(days, first, 30, today)), total);
    }

    /** The downloads of the {@code length} days from {@code first}, once the last of them is over. */
    private static Optional<Long> within(List<Day> days, LocalDate first, int length, LocalDate today) {
        var end = first.plusDays(length); // exclusive
        if (end.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(days.stream().filter(day -> !day.date().isBefore(first) && day.date().isBefore(end)).mapToLong(Day::downloads).sum());
    }

    private Counts counts(long podcastId, Optional<Long> episodeId, LocalDate from, LocalDate to) {
        var where = " FROM Download d WHERE d.podcastId = :podcast AND d.day >= :from AND d.day <= :to"
                + (episodeId.isPresent() ? " AND d.episodeId = :episode" : "");
        var days = rows("SELECT d.day, COUNT(d)" + where + " GROUP BY d.day ORDER BY d.day", podcastId, episodeId, from, to)
                .stream().map(row -> new Day((LocalDate) row[0], ((Number) row[1]).longValue())).toList();
        var apps = new LinkedHashMap<String, Long>();
        rows("SELECT d.app, COUNT(d)" + where + " GROUP BY d.app ORDER BY COUNT(d) DESC", podcastId, episodeId, from, to)
                .forEach(row -> apps.put((String) row[0], ((Number) row[1]).longValue()));
        long total = days.stream().mapToLong(Day::downloads).sum();
        return new Counts(total, days, apps);
    }

    private List<Object[]> rows(String jpql, long podcastId, Optional<Long> episodeId, LocalDate from, LocalDate to) {
        var query = em.createQuery(jpql, Object[].class)
                .setParameter("podcast", podcastId).setParameter("from", from).setParameter("to", to);
        episodeId.ifPresent(id -> query.setParameter("episode", id));
        return query.getResultList();
    }
}
