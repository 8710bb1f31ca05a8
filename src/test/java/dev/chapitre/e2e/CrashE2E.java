package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import dev.chapitre.it.Visitor;
import com.mpatric.mp3agic.ID3v2ChapterFrameData;
import com.mpatric.mp3agic.ID3v2TextFrameData;
import com.mpatric.mp3agic.Mp3File;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The producer's trust: an answered write is never forgotten. The real jar takes a stream of shows,
 * uploads, chapter changes and ratings from several clients and is killed with SIGKILL while they
 * are still writing, ten times with different timing, on one data directory. After every restart
 * each write acknowledged since the restart before is there (after the last, every one), ids do not collide (no 5xx in the next round), no media file
 * is left that no episode refers to, and every MP3 ends up tagged with its current chapters and the
 * length the API announces (re-tags cut off by a kill resume by themselves). The platform keeps
 * the published tree (CHAPITRE_BASE_URL is set), with deploy/'s nginx site in front of it on the
 * same data: while the writers run and the server is killed, a reader takes feeds through nginx
 * and never gets part of one, and after every restart the tree matches the database.
 */
class CrashE2E {

    static final int ROUNDS = Integer.getInteger("crash.rounds", 10);
    static final int PER_ROUND = 20;
    static final String ADMIN = "crash-admin@chapitre.test";
    static final String PASSWORD = "crash-password-1";
    static final int HTTPS_PORT = 18743;
    static final int HTTP_PORT = 18381;
    /** The application's port, the same after every restart: nginx's upstream, and the base URL. */
    static final int PORT = freePort();
    static final Map<String, String> ENVIRONMENT = Map.of("CHAPITRE_ADMIN_EMAIL", ADMIN, "CHAPITRE_ADMIN_PASSWORD", PASSWORD,
            "CHAPITRE_TRUSTED_PROXIES", "127.0.0.1", "CHAPITRE_RATING_LIMIT_PER_MINUTE", "1000000",
            // Its own address, not nginx's: the listeners' rating forms go to it over plain HTTP, where
            // cookies made for an https:// base URL (Secure) would never come back.
            "CHAPITRE_BASE_URL", "http://localhost:" + PORT,
            // one instance: its own pending uploads are known, no other instance has any
            "CHAPITRE_ORPHAN_GRACE_MINUTES", "0",
            // a replaced or re-tagged version goes at once: the count of files below is of current versions
            "CHAPITRE_MEDIA_RETENTION_SECONDS", "0");

    /** What the platform answered with a success: it must all be there after any kill. */
    static final class Ledger {
        final Set<String> shows = ConcurrentHashMap.newKeySet();
        final Set<String> episodes = ConcurrentHashMap.newKeySet(); // API paths
        final Set<String> ratings = ConcurrentHashMap.newKeySet(); // their comments
        final Map<String, String> ratedShow = new ConcurrentHashMap<>(); // comment → show
        /** Per chapter-edited episode: the last version answered 200, and the one sent after it. */
        final Map<String, int[]> chapterVersions = new ConcurrentHashMap<>();
        final AtomicInteger chapterChanges = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    }

    final Ledger ledger = new Ledger();
    final byte[] mp3 = Fixtures.cbrMp3();
    final byte[] largeMp3 = Fixtures.mp3OfAtLeast(8_000_000); // re-tags long enough to be cut off

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine() throws Exception {
        var dataDir = Path.of("target", "crash-data").toAbsolutePath();
        JarServer.deleteRecursively(dataDir);
        int port = PORT;
        try (var nginx = NginxSite.start(Path.of("target", "e2e-crash-nginx").toAbsolutePath(), HTTPS_PORT, HTTP_PORT, port, dataDir)) {
            var reading = new AtomicBoolean(true);
            var reader = new Thread(() -> readWholeFeedsUntilStopped(nginx, reading));
            reader.start();
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    var clock = new Stopwatch("round " + round);
                    var server = JarServer.start(dataDir, port, ENVIRONMENT);
                    try {
                        clock.lap("start");
                        var producer = producer(server);
                        assertWhatWasAcknowledgedSinceIsThere(producer);
                        clock.lap("acknowledged");
                        assertNoOrphans(dataDir, producer);
                        clock.lap("orphans");
                        assertTheTreeMatchesTheDatabase(dataDir, server, producer);
                        clock.lap("tree");
                        writeUntilKilled(server, producer, round);
                        clock.lap("writes");
                        System.out.println(clock);
                    } finally {
                        server.kill();
                    }
                    plantOrphan(dataDir);
                }
            } finally {
                reading.set(false);
                reader.join();
            }
            assertTrue(feedsRead.get() > 100, "feeds were read through nginx while the tree was written: " + feedsRead.get());
        }
        var clock = new Stopwatch("final start");
        var server = JarServer.start(dataDir, port, ENVIRONMENT);
        try {
            clock.lap("start");
            var producer = producer(server);
            assertEverythingAcknowledgedIsThere(producer);
            clock.lap("acknowledged");
            assertNoOrphans(dataDir, producer);
            clock.lap("orphans");
            assertTheTreeMatchesTheDatabase(dataDir, server, producer);
            clock.lap("tree");
            assertTaggingSettles(producer);
            clock.lap("tagging");
            System.out.println(clock);
            assertTrue(ledger.failures.isEmpty(), "failures before the kills: " + ledger.failures);
            int atLeast = PER_ROUND * ROUNDS;
            assertTrue(ledger.shows.size() >= atLeast && ledger.ratings.size() >= atLeast && ledger.episodes.size() >= atLeast
                            && ledger.chapterChanges.get() >= atLeast,
                    "a few hundred writes of each kind: " + ledger.shows.size() + " shows, " + ledger.episodes.size() + " uploads, "
                            + ledger.chapterChanges.get() + " chapter changes, " + ledger.ratings.size() + " ratings");
        } finally {
            server.stop();
        }
        var missing = new Stopwatch("missing file");
        assertAMissingFileIsReported(dataDir);
        missing.lap("start and report");
        System.out.println(missing);
    }

    final AtomicInteger feedsRead = new AtomicInteger();

    /** Where a round's time goes, printed for whoever shortens this test next. */
    static final class Stopwatch {
        private final StringBuilder laps;
        private long last = System.nanoTime();

        Stopwatch(String name) {
            laps = new StringBuilder(name).append(':');
        }

        void lap(String what) {
            long now = System.nanoTime();
            laps.append(' ').append(what).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return laps.toString();
        }
    }

    private static int freePort() {
        try {
            return JarServer.freePort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What a podcast app would get from nginx while the platform writes the tree and is killed:
     * every feed answered is a whole XML document (an unreachable address is no failure: nginx serves
     * the tree, and what it passes to a dead application fails as it should).
     */
    void readWholeFeedsUntilStopped(NginxSite nginx, AtomicBoolean reading) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        while (reading.get()) {
            var shows = new ArrayList<>(ledger.shows);
            if (shows.isEmpty()) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                continue;
            }
            var show = shows.get(random.nextInt(shows.size()));
            // Some 40 reads a second: plenty to catch a partial file, without a tight loop taking the CPU
            // that the server's boots and the writers need on a 2-core machine.
            java.util.concurrent.locks.LockSupport.parkNanos(25_000_000);
            try {
                var gzip = random.nextBoolean();
                var feed = nginx.get("/feeds/" + show + ".xml", "Accept-Encoding", gzip ? "gzip" : "identity");
                if (feed.statusCode() == 200 && feed.headers().firstValue("X-Cache-Status").isEmpty()) {
                    var body = feed.headers().firstValue("Content-Encoding").isPresent() ? PublishedTreeCheck.gunzip(feed.body()) : feed.body();
                    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body));
                    feedsRead.incrementAndGet();
                }
            } catch (java.io.IOException connectionClosed) {
                // nginx closes a connection after its keepalive_requests (HTTP/2 GOAWAY): ask again
            } catch (Exception partial) {
                ledger.failures.add("nginx served part of the feed of " + show + ": " + partial);
            }
        }
    }

    /** After a restart every show's part of the tree holds what the platform serves, and nothing else is there. */
    static void assertTheTreeMatchesTheDatabase(Path dataDir, JarServer server, Api producer) throws Exception {
        var tree = dataDir.resolve("published");
        var shows = new java.util.TreeSet<String>();
        Api.array(producer.get("/api/podcasts")).forEach(show -> shows.add(show.asJsonObject().getString("slug")));
        Poll.until("the published tree matches the database after the restart", Duration.ofSeconds(60), () -> {
            for (var show : shows) {
                if (!PublishedTreeCheck.matches(tree, server.base(), show)) {
                    return false;
                }
            }
            try (var feeds = Files.list(tree.resolve("feeds"))) {
                return feeds.map(feed -> feed.getFileName().toString().replaceFirst("\\.xml(\\.gz)?$", ""))
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)).equals(shows);
            }
        });
        try (var staging = Files.list(tree.resolve(".staging"))) {
            assertEquals(0, staging.count(), "tree staging leftovers are removed at start");
        }
    }

    /** A file lost outside the platform (a disk, a hand) is reported to the admin, never invented. */
    void assertAMissingFileIsReported(Path dataDir) throws Exception {
        String lost;
        try (var files = Files.list(dataDir.resolve("media/episodes"))) {
            var file = files.findFirst().orElseThrow();
            lost = "episodes/" + file.getFileName();
            Files.delete(file);
        }
        var server = JarServer.start(dataDir, ENVIRONMENT);
        try {
            var health = Api.object(Api.basic(server.base(), ADMIN, PASSWORD).get("/api/admin/health"));
            var media = health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                    .filter(c -> c.getString("name").equals("media-files")).findFirst().orElseThrow();
            assertEquals(1, media.getJsonObject("data").getJsonNumber("missing").intValue(), media.toString());
            assertEquals(lost, media.getJsonObject("data").getString("missingKeys"));
            assertEquals("UP", media.getString("status"), "the instance still serves everything else");
            assertTrue(Files.readString(server.log()).contains("are missing: [" + lost + "]"), "logged");
        } finally {
            server.stop();
        }
    }

    /** With a token: a password is checked with PBKDF2 on every Basic request, which would slow the writers. */
    static Api producer(JarServer server) {
        var issued = Api.basic(server.base(), ADMIN, PASSWORD).send("POST", "/api/tokens", "application/json", "{\"label\":\"crash\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return Api.bearer(Api.object(issued).getString("token")).at(server.base());
    }

    /** Writers on every kind of change; the kill comes while they are all still going. */
    void writeUntilKilled(JarServer server, Api producer, int round) throws Exception {
        var show = producer.createShow("Crash " + round).getString("slug");
        ledger.shows.add(show);
        var published = Json.createObjectBuilder().add("title", "À noter").add("publishedAt", "2026-01-01T00:00:00Z").build();
        var rated = Api.object(producer.uploadEpisode(show, published, mp3));
        ledger.episodes.add(episodePath(show, rated.getString("slug")));
        var large = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Long").build(), largeMp3));
        var largePath = episodePath(show, large.getString("slug"));
        ledger.episodes.add(largePath);

        // The first page and the first calls of a fresh JVM are slow (JSP compilation, class loading):
        // made once before the clock runs, so the writers spend their window writing.
        rate(server, show, round, 999_999);
        changeChapters(producer, largePath, -1);
        assertTrue(ledger.failures.isEmpty(), "warming up: " + ledger.failures);

        var stop = new AtomicBoolean();
        var acknowledged = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        var writers = List.of(
                writer(stop, acknowledged[0], n -> created(producer.postJson("/api/podcasts", Json.createObjectBuilder()
                        .add("title", "Émission " + round + "-" + n).add("language", "fr").build()), ledger.shows, "slug", null)),
                writer(stop, acknowledged[1], n -> created(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Épisode " + n)
                        .add("chapters", Json.createArrayBuilder().add(chapter(0, "Début " + n))).build(), mp3), ledger.episodes, "slug", show)),
                writer(stop, acknowledged[2], n -> changeChapters(producer, largePath, n)),
                writer(stop, acknowledged[3], n -> rate(server, show, round, n)),
                writer(stop, acknowledged[4], n -> rate(server, show, round, 100_000 + n)));
        writers.forEach(Thread::start);
        // The kill comes at a different moment each round, and only once every writer has had
        // PER_ROUND writes acknowledged: a slow machine takes longer, it does not test less.
        var killAfter = Instant.now().plusMillis(1500 + 700L * round);
        Poll.until("every writer has " + PER_ROUND + " writes acknowledged in round " + round, Duration.ofMinutes(2),
                () -> Instant.now().isAfter(killAfter) && Arrays.stream(acknowledged).allMatch(count -> count.get() >= PER_ROUND));
        stop.set(true);
        server.kill(); // right after whatever answers arrived last
        for (var writer : writers) {
            writer.join(30_000);
        }
    }

    interface Step {
        void run(int n) throws Exception;
    }

    /** The kill comes only after {@code stop}: whatever fails before it is a failure of the platform. */
    Thread writer(AtomicBoolean stop, AtomicInteger acknowledged, Step step) {
        return new Thread(() -> {
            for (int n = 0; !stop.get(); n++) {
                try {
                    step.run(n);
                    acknowledged.incrementAndGet();
                } catch (Throwable e) {
                    if (!stop.get()) {
                        ledger.failures.add(e.toString());
                    }
                    return; // after the stop: the server is being killed, this request was not answered
                }
            }
        });
    }

    void created(HttpResponse<String> response, Set<String> into, String field, String show) {
        if (response.statusCode() == 201) {
            var slug = Api.object(response).getString(field);
            into.add(show == null ? slug : episodePath(show, slug));
        } else {
            failed(response);
        }
    }

    void changeChapters(Api producer, String episode, int n) {
        var versions = ledger.chapterVersions.computeIfAbsent(episode, e -> new int[] {-1, -1});
        versions[1] = n; // sent, maybe committed
        var body = Json.createObjectBuilder().add("version", "1.2.0").add("chapters", Json.createArrayBuilder()
                .add(chapter(0, "Version " + n)).add(chapter(2.5, "Suite " + n))).build();
        var response = producer.send("PUT", episode + "/chapters", "application/json", body.toString());
        if (response.statusCode() == 200) {
            versions[0] = n;
            ledger.chapterChanges.incrementAndGet();
        } else {
            failed(response);
        }
    }

    void rate(JarServer server, String show, int round, int n) {
        var page = "/podcasts/" + show;
        var listener = new Visitor(server.base(), "10." + round + "." + (n / 250 % 250) + "." + (n % 250 + 1), "fr",
                "Mozilla/5.0 crash-listener-" + n);
        var comment = "Note " + round + "-" + n;
        var response = listener.post(page + "/ratings", listener.form(page, "stars", String.valueOf(n % 5 + 1), "comment", comment));
        if (response.statusCode() == 303) {
            ledger.ratings.add(comment);
            ledger.ratedShow.put(comment, show);
        } else {
            failed(response);
        }
    }

    /** Before the kill every write is expected to succeed: any other answer (a 500 from a colliding id…) fails the test. */
    void failed(HttpResponse<String> response) {
        if (response.statusCode() > 0) {
            ledger.failures.add(response.statusCode() + " " + response.uri() + " " + response.body());
        }
    }

    /**
     * Each restart finds what was acknowledged since the restart before it (what that one found
     * was durable then); the last start finds everything, the first rounds' writes included.
     */
    void assertWhatWasAcknowledgedSinceIsThere(Api producer) {
        assertAcknowledgedIsThere(producer, key -> !verified.contains(key));
    }

    void assertEverythingAcknowledgedIsThere(Api producer) {
        assertAcknowledgedIsThere(producer, key -> true);
    }

    /** Keys ("show …", "episode …", "rating …") of the writes an earlier restart has found. */
    final Set<String> verified = ConcurrentHashMap.newKeySet();

    void assertAcknowledgedIsThere(Api producer, java.util.function.Predicate<String> toCheck) {
        var found = new ArrayList<String>();
        for (var show : List.copyOf(ledger.shows)) {
            if (toCheck.test("show " + show)) {
                assertEquals(200, producer.get("/api/podcasts/" + show).statusCode(), "acknowledged show " + show);
                found.add("show " + show);
            }
        }
        for (var episode : List.copyOf(ledger.episodes)) {
            if (toCheck.test("episode " + episode)) {
                assertEquals(200, producer.get(episode).statusCode(), "acknowledged upload " + episode);
                found.add("episode " + episode);
            }
        }
        ledger.chapterVersions.forEach((episode, versions) -> { // the last change of each: always checked
            if (versions[0] < 0) {
                return;
            }
            var title = Api.object(producer.get(episode + "/chapters")).getJsonArray("chapters").getJsonObject(0).getString("title");
            assertTrue(title.equals("Version " + versions[0]) || title.equals("Version " + versions[1]),
                    "chapters of " + episode + ": acknowledged 'Version " + versions[0] + "', found '" + title + "'");
        });
        var ratings = ledger.ratings.stream().filter(comment -> toCheck.test("rating " + comment)).toList();
        var stored = new HashSet<String>();
        for (var show : ratings.stream().map(ledger.ratedShow::get).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet())) {
            Api.object(producer.get("/api/podcasts/" + show + "/ratings")).getJsonArray("ratings")
                    .forEach(rating -> stored.add(rating.asJsonObject().getString("comment", "")));
        }
        var lost = new ArrayList<>(ratings);
        lost.removeAll(stored);
        assertTrue(lost.isEmpty(), lost.size() + " of " + ratings.size() + " acknowledged ratings lost: " + lost);
        ratings.forEach(comment -> found.add("rating " + comment));
        verified.addAll(found);
    }

    /**
     * A kill between moving an upload into place and committing its row leaves a file no row refers
     * to; the window is too short to hit reliably with a kill, so the test leaves such a file itself.
     */
    static void plantOrphan(Path dataDir) throws Exception {
        var orphan = dataDir.resolve("media/episodes/" + java.util.UUID.randomUUID() + ".mp3");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, Fixtures.cbrMp3());
        Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    }

    /**
     * The start-up reconciliation leaves exactly one audio file per episode, and no staging
     * leftovers. A re-tag resumed at start replaces a version, which its sweep (every 15 s, the
     * retention being 0 here) removes: so the count is awaited, not read once.
     */
    void assertNoOrphans(Path dataDir, Api producer) throws Exception {
        int episodes = 0;
        for (var show : Api.array(producer.get("/api/podcasts"))) {
            episodes += Api.array(producer.get("/api/podcasts/" + show.asJsonObject().getString("slug") + "/episodes")).size();
        }
        int expected = episodes;
        Poll.until("one audio file per episode (" + expected + ")", Duration.ofSeconds(45), () -> {
            try (var files = Files.list(dataDir.resolve("media/episodes"))) {
                return files.count() == expected;
            } catch (java.nio.file.NoSuchFileException none) {
                return expected == 0;
            }
        });
        try (var staging = Files.list(dataDir.resolve("media/.staging"))) {
            assertEquals(0, staging.count(), "staging leftovers");
        }
    }

    /** Re-tags cut off by the kills resume: every file carries its episode's chapters, at the announced length. */
    void assertTaggingSettles(Api producer) throws Exception {
        for (var path : ledger.episodes) {
            var episode = Poll.until(path + " is re-tagged after the restart", Duration.ofMinutes(3),
                    () -> Optional.of(Api.object(producer.get(path))).filter(e -> e.getJsonObject("audio").getBoolean("tagged")));
            var audio = episode.getJsonObject("audio");
            var served = Api.send(producer.request(URI.create(audio.getString("url")).getPath()).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, served.statusCode(), path);
            assertEquals(audio.getJsonNumber("length").longValue(), served.headers().firstValueAsLong("Content-Length").orElse(-1),
                    "the announced length is the served file's: " + path);
        }
        for (var path : ledger.chapterVersions.keySet()) {
            var chapters = Api.object(producer.get(path + "/chapters")).getJsonArray("chapters");
            assertEquals(chapters.stream().map(c -> c.asJsonObject().getString("title")).toList(),
                    chapterTitles(download(producer, Api.object(producer.get(path)))), "the MP3's chapters are the episode's: " + path);
        }
    }

    /** The CHAP titles of an MP3, read by mp3agic. */
    static List<String> chapterTitles(byte[] mp3) throws Exception {
        var file = Files.createTempFile("crash", ".mp3");
        try {
            Files.write(file, mp3);
            var chapters = new Mp3File(file.toString()).getId3v2Tag().getChapters();
            var titles = new ArrayList<String>();
            for (var chapter : chapters == null ? List.<ID3v2ChapterFrameData>of() : chapters) {
                for (var sub : chapter.getSubframes()) {
                    if (sub.getId().equals("TIT2")) {
                        titles.add(new ID3v2TextFrameData(false, sub.getData()).getText().toString());
                    }
                }
            }
            return titles;
        } finally {
            Files.delete(file);
        }
    }

    static byte[] download(Api producer, JsonObject episode) {
        var path = URI.create(episode.getJsonObject("audio").getString("url")).getPath();
        var response = Api.send(producer.request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    static String episodePath(String show, String episode) {
        return "/api/podcasts/" + show + "/episodes/" + episode;
    }

    static JsonObject chapter(double start, String title) {
        return Json.createObjectBuilder().add("startTime", start).add("title", title).build();
    }
}
