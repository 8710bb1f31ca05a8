package dev.chapitre.episodes.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.entity.InstantColumn;
import jakarta.persistence.NamedQuery;
import java.sql.DriverManager;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When the public may see an episode: the Java rule and the queries' rule say the same. */
class EpisodePublicationTest {

    private static final Instant NOW = Instant.parse("2026-10-01T06:00:00.000001Z");

    @Test
    void aDraftIsNeverPublic() {
        var draft = episodePublishedAt(null);
        assertFalse(draft.isPublicAt(NOW));
        assertFalse(draft.isPublicAt(Instant.parse("9999-12-31T23:59:59Z")));
        assertEquals(Episode.Status.DRAFT, draft.status(NOW));
    }

    @Test
    void aScheduledEpisodeBecomesPublicAtItsPublicationDateNotBefore() {
        var scheduled = episodePublishedAt(NOW);
        assertFalse(scheduled.isPublicAt(NOW.minus(1, ChronoUnit.MICROS)));
        assertEquals(Episode.Status.SCHEDULED, scheduled.status(NOW.minus(1, ChronoUnit.MICROS)));
        assertTrue(scheduled.isPublicAt(NOW));
        assertEquals(Episode.Status.PUBLISHED, scheduled.status(NOW));
        assertTrue(scheduled.isPublicAt(NOW.plusSeconds(1)));
    }

    @Test
    void theQueriesRuleAgreesWithIsPublicAt() throws Exception {
        var dates = Arrays.asList(null, NOW.minusSeconds(3600), NOW.minus(1, ChronoUnit.MICROS), NOW,
                NOW.plus(1, ChronoUnit.MICROS), NOW.plusSeconds(3600));
        // JPQL's IS NOT NULL, <= and AND are SQL's: the rule runs as it is written, on the database we ship.
        var sql = "SELECT position FROM episode WHERE "
                + Episode.PUBLIC_AT_NOW.replace("e.publishedAt", "published_at").replace(":now", "?") + " ORDER BY position";
        var columns = new InstantColumn();
        try (var db = DriverManager.getConnection("jdbc:h2:mem:publication")) {
            db.createStatement().execute("CREATE TABLE episode (position INT, published_at BIGINT)");
            try (var insert = db.prepareStatement("INSERT INTO episode VALUES (?, ?)")) {
                for (int i = 0; i < dates.size(); i++) {
                    insert.setInt(1, i);
                    if (dates.get(i) == null) {
                        insert.setNull(2, Types.BIGINT);
                    } else {
                        insert.setLong(2, columns.convertToDatabaseColumn(dates.get(i)));
                    }
                    insert.executeUpdate();
                }
            }
            var publicInSql = new ArrayList<Integer>();
            try (var query = db.prepareStatement(sql)) {
                query.setLong(1, columns.convertToDatabaseColumn(NOW));
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        publicInSql.add(rows.getInt(1));
                    }
                }
            }
            var publicInJava = new ArrayList<Integer>();
            for (int i = 0; i < dates.size(); i++) {
                if (episodePublishedAt(dates.get(i)).isPublicAt(NOW)) {
                    publicInJava.add(i);
                }
            }
            assertEquals(List.of(1, 2, 3), publicInJava);
            assertEquals(publicInJava, publicInSql);
        }
    }

    @Test
    void everyPublicQueryAppliesTheRule() {
        var queries = Arrays.stream(Episode.class.getAnnotationsByType(NamedQuery.class)).toList();
        for (var name : List.of(Episode.PUBLISHED_OF_PODCAST, Episode.PUBLISHED_COUNT, Episode.PUBLISHED_AUDIO)) {
            var query = queries.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow().query();
            assertTrue(query.contains(Episode.PUBLIC_AT_NOW), name + " does not apply the public rule: " + query);
        }
    }

    private static Episode episodePublishedAt(Instant publishedAt) {
        var fields = new EpisodeFields("premier", "1. Les débuts", null, publishedAt, null, null, "full", null, null, List.of());
        return new Episode(null, "premier", UUID.randomUUID().toString(), fields, new AudioFile("episodes/a.mp3", 1, 1000, 128, 1));
    }
}
