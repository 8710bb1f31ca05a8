package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The operator's upgrade: an H2 data directory made by the release before Flyway (the fixture
 * src/test/resources/upgrade/previous-release.zip, see its README) is started with this release, as
 * is, and everything in it still works; new writes continue the old ids.
 */
class UpgradeIT {

    static final Map<String, String> ENVIRONMENT = Map.of("CHAPITRE_ADMIN_EMAIL", "admin@chapitre.test",
            "CHAPITRE_ADMIN_PASSWORD", "upgrade-admin-1");
    static final String LUCIES_TOKEN = "chp_JEa8h57pXrSEQkG1gnVTYKNm3Ew6SxMpWo8LWy_6Ngc";

    @Test
    void aDataDirectoryFromThePreviousReleaseIsUpgradedInPlaceWithoutLosingARow() throws Exception {
        var dataDir = Path.of("target", "upgrade-data").toAbsolutePath();
        JarServer.deleteRecursively(dataDir);
        unzip("/upgrade/previous-release.zip", dataDir);
        var server = JarServer.start(dataDir, ENVIRONMENT);
        try {
            var base = server.base();
            var admin = Api.basic(base, "admin@chapitre.test", "upgrade-admin-1");
            var lucie = Api.basic(base, "lucie@chapitre.test", "lucie-password-1");

            var show = Api.object(admin.get("/api/podcasts/epique-histoire"));
            assertEquals("Épique « histoire »", show.getString("title"));
            assertEquals("<p>Une émission ’test’ 🎙️</p>", show.getString("description"));
            assertEquals(200, Api.anonymous().at(base).get("/media/epique-histoire/artwork.png").statusCode(), "the artwork");

            var published = Api.object(admin.get("/api/podcasts/epique-histoire/episodes/un-les-debuts"));
            assertEquals("published", published.getString("status"));
            assertEquals("2025-01-15T08:00:00Z", published.getString("publishedAt"));
            var chapters = published.getJsonArray("chapters");
            assertEquals(2, chapters.size());
            assertEquals("Intro «»", chapters.getJsonObject(0).getString("title"));
            assertEquals("Suite 🎧", chapters.getJsonObject(1).getString("title"));
            assertEquals(2.5, chapters.getJsonObject(1).getJsonNumber("startTime").doubleValue());
            var draft = Api.object(admin.get("/api/podcasts/epique-histoire/episodes/deux-brouillon"));
            assertEquals("draft", draft.getString("status"));
            assertEquals(2, draft.getJsonArray("chapters").size());
            assertTrue(Api.anonymous().at(base).get("/feeds/epique-histoire.xml").body().contains("Un : les débuts"), "the feed");

            var ratings = Api.object(admin.get("/api/podcasts/epique-histoire/ratings"));
            assertEquals(3, ratings.getInt("count"));
            assertEquals(4.0, ratings.getJsonNumber("average").doubleValue());
            assertTrue(Api.anonymous().at(base).get("/podcasts/epique-histoire").body().contains("4.0 / 5 (3 ratings)"), "the totals");

            var stats = Api.object(admin.get("/api/podcasts/epique-histoire/stats"));
            assertEquals(2, stats.getInt("total"), "the downloads");

            assertEquals(200, lucie.get("/api/tokens").statusCode(), "a producer's password still works");
            var byToken = Api.bearer(LUCIES_TOKEN).at(base).get("/api/podcasts/lucie-parle");
            assertEquals(200, byToken.statusCode(), "an API token still works: " + byToken.body());

            // new rows continue the identities of the old tables
            var another = admin.postJson("/api/producers", Json.createObjectBuilder().add("email", "paul@chapitre.test")
                    .add("password", "paul-password-1").add("name", "Paul").build());
            assertEquals(201, another.statusCode(), another.body());
            assertEquals(3, Api.object(another).getInt("id"));
            assertEquals("apres-la-mise-a-jour", lucie.createShow("Après la mise à jour").getString("slug"));
            var upload = admin.uploadEpisode("epique-histoire", Json.createObjectBuilder().add("title", "Trois")
                    .add("publishedAt", "2025-02-01T08:00:00.123456Z").build(), Fixtures.cbrMp3());
            assertEquals(201, upload.statusCode(), upload.body());
            assertEquals("2025-02-01T08:00:00.123456Z", Api.object(upload).getString("publishedAt"), "microseconds");
            var listener = new Visitor(base, "10.9.9.9", "fr", "Mozilla/5.0 (X11; Linux x86_64) Chapitre-IT");
            var page = "/podcasts/epique-histoire/trois";
            assertEquals(303, listener.post(page + "/ratings", listener.form(page, "stars", "2")).statusCode());
            assertEquals(4, Api.object(admin.get("/api/podcasts/epique-histoire/ratings")).getInt("count"));
        } finally {
            server.stop();
        }
    }

    private static void unzip(String resource, Path target) throws IOException {
        try (var zip = new ZipInputStream(UpgradeIT.class.getResourceAsStream(resource))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                var path = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(zip, path);
                }
            }
        }
    }
}
