package dev.chapitre.downloads.boundary;

import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Download counts of a producer's show or episode, by day and by app. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class DownloadStats {

    public record Day(LocalDate date, long downloads) {
    }

    public record Counts(long total, List<Day> days, Map<String, Long> apps) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Podcasts podcasts;

    @Inject
    Episodes episodes;

    public Counts ofShow(String podcast, LocalDate from, LocalDate to) {
        return counts(podcasts.owned(podcast).id(), Optional.empty(), from, to);
    }

    public Counts ofEpisode(String podcast, String episode, LocalDate from, LocalDate to) {
        var found = episodes.owned(podcast, episode);
        return counts(found.podcast().id(), Optional.of(found.id()), from, to);
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
