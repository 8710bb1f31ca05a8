package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Podcast apps stream and resume episodes: every Range form, checked byte for byte, and honest counts. */
class MediaIT {

    static final String BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";

    static Api producer;
    static String show;
    static String url;
    static byte[] file;

    @BeforeAll
    static void aPublishedEpisodeOfThreeMinutes() throws Exception {
        producer = Api.newProducer();
        show = producer.createShow("Médias").getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Trois minutes")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), Fixtures.mp3OfAtLeast(3_000_000));
        assertEquals(201, created.statusCode(), created.body());
        producer.awaitTagged("/api/podcasts/" + show + "/episodes/trois-minutes");
        url = Api.object(created).getJsonObject("audio").getString("url");
        file = get(BOT).body();
    }

    @Test
    void everySingleRangeFormReturnsExactlyThoseBytes() {
        int n = file.length;
        check("bytes=0-99", 0, 99);
        check("bytes=100-", 100, n - 1);
        check("bytes=-500", n - 500, n - 1);
        check("bytes=0-0", 0, 0);
        check("bytes=0-1", 0, 1);
        check("bytes=" + (n - 10) + "-" + (n + 1000), n - 10, n - 1);
        check("bytes=1000000-1999999", 1_000_000, 1_999_999);
    }

    void check(String range, int first, int last) {
        var response = get(BOT, "Range", range);
        assertEquals(206, response.statusCode(), range);
        assertEquals("bytes " + first + "-" + last + "/" + file.length, response.headers().firstValue("Content-Range").orElse(""), range);
        assertEquals(last - first + 1, response.headers().firstValueAsLong("Content-Length").orElse(-1), range);
        assertArrayEquals(Arrays.copyOfRange(file, first, last + 1), response.body(), range);
    }

    @Test
    void unsatisfiableMalformedAndMultipleRanges() {
        var past = get(BOT, "Range", "bytes=" + file.length + "-");
        assertEquals(416, past.statusCode());
        assertEquals("bytes */" + file.length, past.headers().firstValue("Content-Range").orElse(""));
        assertEquals(416, get(BOT, "Range", "bytes=-0").statusCode());
        for (var ignored : List.of("bytes=abc", "items=0-1", "bytes=5-2", "bytes=", "bytes=99999999999999999999-")) {
            var response = get(BOT, "Range", ignored);
            assertEquals(200, response.statusCode(), ignored);
            assertArrayEquals(file, response.body(), ignored);
        }
        var several = get(BOT, "Range", "bytes=0-1,5-6");
        assertEquals(200, several.statusCode(), "several ranges: the whole file, as RFC 9110 allows");
        assertArrayEquals(file, several.body());
    }

    @Test
    void headAnswersWithGetsHeaders() {
        var get = get(BOT);
        var head = Api.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", BOT).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        for (var name : List.of("Content-Length", "Content-Type", "ETag", "Last-Modified", "Accept-Ranges", "Cache-Control")) {
            assertEquals(get.headers().firstValue(name), head.headers().firstValue(name), name);
        }
        assertEquals("bytes", get.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("audio/mpeg", get.headers().firstValue("Content-Type").orElse(""));
        assertTrue(get.headers().firstValue("ETag").orElse("").startsWith("\""), "a strong ETag");
    }

    @Test
    void validatorsGive304AndIfRangeWorksBothWays() {
        var etag = get(BOT).headers().firstValue("ETag").orElseThrow();
        var lastModified = get(BOT).headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, get(BOT, "If-None-Match", etag).statusCode());
        assertEquals(304, get(BOT, "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, get(BOT, "If-None-Match", "\"another\"").statusCode());

        var resumed = get(BOT, "Range", "bytes=100-199", "If-Range", etag);
        assertEquals(206, resumed.statusCode());
        assertArrayEquals(Arrays.copyOfRange(file, 100, 200), resumed.body());
        assertEquals(206, get(BOT, "Range", "bytes=100-199", "If-Range", lastModified).statusCode());
        var stale = get(BOT, "Range", "bytes=100-199", "If-Range", "\"an-old-version\"");
        assertEquals(200, stale.statusCode());
        assertArrayEquals(file, stale.body());
    }

    @Test
    void draftsAreForTheirProducerOnly() {
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Brouillon média").build(), Fixtures.cbrMp3());
        var draftUrl = Api.object(created).getJsonObject("audio").getString("url");
        var hidden = Api.send(HttpRequest.newBuilder(URI.create(draftUrl)), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, hidden.statusCode());
        assertEquals("application/problem+json", hidden.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(404, Api.object(hidden).getInt("status"));
        assertEquals(200, Api.send(producer.request(draftUrl).GET(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, Api.send(Api.newProducer().request(draftUrl).GET(), HttpResponse.BodyHandlers.discarding()).statusCode());
        var scheduled = producer.send("PATCH", "/api/podcasts/" + show + "/episodes/brouillon-media", "application/merge-patch+json",
                "{\"publishedAt\":\"2099-01-01T00:00:00Z\"}");
        assertEquals(200, scheduled.statusCode());
        assertEquals(404, Api.send(HttpRequest.newBuilder(URI.create(draftUrl)), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/media/" + show + "/nothing.mp3")), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void theShowsArtworkAnswersHead() {
        var other = producer.createShow("Pochette médias").getString("slug"); // not the show whose files the other tests compare
        assertEquals(200, producer.sendBytes("PUT", "/api/podcasts/" + other + "/artwork", "image/png", Fixtures.image("png", 1400, 1400)).statusCode());
        var head = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/media/" + other + "/artwork.png")).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals("image/png", head.headers().firstValue("Content-Type").orElse(""));
        assertTrue(head.headers().firstValueAsLong("Content-Length").orElse(0) > 0);
    }

    @Test
    void downloadsAreCountedByTheIabRules() throws Exception {
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Compté")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), Fixtures.mp3OfAtLeast(3_000_000));
        var episodeUrl = Api.object(created).getJsonObject("audio").getString("url");
        var stats = "/api/podcasts/" + show + "/episodes/compte/stats";

        getFrom(episodeUrl, "AppleCoreMedia/1.0.0.20G75 (iPhone; U; CPU OS 16_6 like Mac OS X; en_us)", "Range", "bytes=0-1"); // probe
        getFrom(episodeUrl, "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)");
        getFrom(episodeUrl, "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"); // same listener, same day
        getFrom(episodeUrl, "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "Range", "bytes=0-999999");
        getFrom(episodeUrl, BOT);
        getFrom(episodeUrl, "AntennaPod/3.2.0");
        getFrom(episodeUrl, "Pocket Casts", "Range", "bytes=0-999999"); // a minute of 128 kbit/s is 960,000 bytes
        getFrom(episodeUrl, "Spotify/8.8.12 iOS/16.6", "Range", "bytes=0-50000"); // less than a minute
        // Hits are judged in the order they arrive: once this listener of another episode is
        // counted, every request above has been judged and nothing else can trickle in.
        getFrom(url, "Witness/1.0");
        awaitTotal("/api/podcasts/" + show + "/episodes/trois-minutes/stats", 1);

        var counted = Api.object(producer.get(stats));
        assertEquals(3, counted.getInt("total"), counted.toString());
        var apps = counted.getJsonObject("apps");
        assertEquals(Map.of("Overcast", 1, "AntennaPod", 1, "Pocket Casts", 1),
                Map.of("Overcast", apps.getInt("Overcast"), "AntennaPod", apps.getInt("AntennaPod"), "Pocket Casts", apps.getInt("Pocket Casts")));
        assertEquals(3, apps.size(), apps.toString());
        var today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("date", today).add("downloads", 3)).build(),
                counted.getJsonArray("days"));

        assertTrue(Api.object(producer.get("/api/podcasts/" + show + "/stats")).getInt("total") >= 3);
        var csv = producer.get(stats + "/days.csv?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("\uFEFFdate,downloads\r\n" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ",0\r\n" + today + ",3\r\n", csv.body(),
                "every day of the range, zeros included");
        assertEquals(422, producer.get(stats + "/days.csv?from=-999999999-01-01").statusCode(), "a day off the calendar is refused");
        var launches = Api.object(producer.get("/api/podcasts/" + show + "/stats/episodes")).getJsonArray("episodes")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("slug").equals("compte")).findFirst().orElseThrow();
        assertEquals(3, launches.getInt("total"));
        assertEquals(0, launches.getInt("first7Days"), "published on 2026-01-01: its first week had none of today's downloads");
        assertEquals(0, launches.getInt("first30Days"));
        var table = producer.get("/api/podcasts/" + show + "/stats/episodes.csv").body();
        assertTrue(table.startsWith("\uFEFFepisode,title,published,first_7_days,first_30_days,total\r\n"), table);
        assertTrue(table.contains("\r\ncompte,Compté,2026-01-01T00:00:00Z,0,0,3\r\n"), table);
        var tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertEquals(0, Api.object(producer.get(stats + "?from=" + tomorrow)).getInt("total"));
        assertEquals(3, Api.object(producer.get(stats + "?from=" + today + "&to=" + today)).getInt("total"));
        assertEquals(422, producer.get(stats + "?from=yesterday").statusCode());
        assertEquals(422, producer.get(stats + "?from=" + tomorrow + "&to=" + today).statusCode());
        assertEquals(404, Api.newProducer().get(stats).statusCode());
        assertEquals(401, Api.anonymous().get(stats).statusCode());
    }

    /** A deleted show's downloads go with it (nothing could read them); the rows are looked at where the test can reach them. */
    @Test
    void aDeletedShowTakesItsDownloadsAlong() throws Exception {
        var owner = Api.newProducer();
        var gone = owner.createShow("Supprimée").getString("slug");
        var created = owner.uploadEpisode(gone, Json.createObjectBuilder().add("title", "Écoutée")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), Fixtures.mp3OfAtLeast(3_000_000));
        getFrom(Api.object(created).getJsonObject("audio").getString("url"), "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)");
        Poll.until("the listener counted", Duration.ofSeconds(15), () -> Optional.of(Api.object(owner.get("/api/podcasts/" + gone + "/stats")))
                .filter(counted -> counted.getInt("total") == 1));
        long showId = Database.isPostgres() ? showId(gone) : -1;
        assertEquals(204, owner.delete("/api/podcasts/" + gone).statusCode());
        assertEquals(404, owner.get("/api/podcasts/" + gone + "/stats").statusCode());
        if (Database.isPostgres()) { // H2's file is the server's alone while it runs
            try (var connection = Database.connect(); var left = connection.prepareStatement("SELECT COUNT(*) FROM download WHERE podcastid = ?")) {
                left.setLong(1, showId);
                try (var count = left.executeQuery()) {
                    count.next();
                    assertEquals(0, count.getInt(1), "the deleted show's downloads");
                }
            }
        }
    }

    private static long showId(String slug) throws java.sql.SQLException {
        try (var connection = Database.connect(); var query = connection.prepareStatement("SELECT id FROM podcast WHERE slug = ?")) {
            query.setString(1, slug);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static JsonObject awaitTotal(String stats, int expected) {
        return Poll.until(stats + " counts at least " + expected, Duration.ofSeconds(15),
                () -> Optional.of(Api.object(producer.get(stats))).filter(counted -> counted.getInt("total") >= expected));
    }

    static HttpResponse<byte[]> get(String userAgent, String... headers) {
        return getFrom(url, userAgent, headers);
    }

    static HttpResponse<byte[]> getFrom(String address, String userAgent, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(address)).header("User-Agent", userAgent);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Api.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
