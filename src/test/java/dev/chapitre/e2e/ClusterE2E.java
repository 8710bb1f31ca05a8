package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import dev.chapitre.media.control.S3Proxy;
import dev.chapitre.platform.boundary.EpisodeGuidsPerShow;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the platform behave as one: started together on an empty PostgreSQL, clustered
 * over loopback, sharing one data directory, behind deploy/'s nginx. Whichever instance answers, a
 * producer's session and a listener's form work, a change is seen everywhere at once, ratings and
 * the rating limit add up across instances, a listener's download counts once, and an instance
 * killed mid-upload leaves nothing half-saved while the other's uploads complete. The cluster is
 * booted once for the class (it is the costly part); the scenarios run in order on it, the kill last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterE2E {

    static final int HTTPS_PORT = 18943;
    static final int HTTP_PORT = 18581;
    static final int INSTANCES = 2;
    static final String ADMIN = "cluster-admin@chapitre.test";
    static final String PASSWORD = "cluster-password-1";
    /** CHAPITRE_RATING_LIMIT_PER_MINUTE: ratings per client address in any minute, on the whole platform. */
    static final int RATING_BUDGET = 7;
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
    static final Pattern STUDIO_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\">");
    static final String PUBLISHED = "2026-01-01T00:00:00Z";

    static final String BUCKET = "chapitre-cluster";

    S3Proxy bucket;
    ClusterSite site;
    String token;

    /** The instances share a PostgreSQL and an S3-compatible bucket (s3proxy, signatures checked), nginx in front. */
    @BeforeAll
    void startTheCluster() throws Exception {
        var storage = Path.of("target", "e2e-cluster-s3").toAbsolutePath();
        JarServer.deleteRecursively(storage);
        Files.createDirectories(storage);
        bucket = S3Proxy.start(storage, BUCKET);
        var environment = new java.util.HashMap<>(Map.of(
                "CHAPITRE_ADMIN_EMAIL", ADMIN, "CHAPITRE_ADMIN_PASSWORD", PASSWORD,
                "CHAPITRE_TRUSTED_PROXIES", "127.0.0.1",
                "CHAPITRE_BASE_URL", "https://localhost:" + HTTPS_PORT,
                "CHAPITRE_RATING_LIMIT_PER_MINUTE", String.valueOf(RATING_BUDGET)));
        environment.putAll(Map.of("CHAPITRE_S3_BUCKET", BUCKET, "CHAPITRE_S3_ENDPOINT", bucket.endpoint().toString(),
                "CHAPITRE_S3_REGION", "us-east-1", "CHAPITRE_S3_ACCESS_KEY", S3Proxy.ACCESS_KEY, "CHAPITRE_S3_SECRET_KEY", S3Proxy.SECRET_KEY));
        site = ClusterSite.start("e2e-cluster", INSTANCES, Map.copyOf(environment), HTTPS_PORT, HTTP_PORT);
        var issued = Api.basic(site.instance(0).base(), ADMIN, PASSWORD).send("POST", "/api/tokens", "application/json", "{\"label\":\"cluster\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        token = Api.object(issued).getString("token");
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        if (site != null) {
            site.close();
        }
        if (bucket != null) {
            bucket.close();
        }
    }

    /** The producer's API on instance {@code i}, directly (not through nginx). */
    Api producer(int i) {
        return Api.bearer(token).at(site.instance(i).base());
    }

    @Test
    @Order(1)
    void instancesStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndCreateOneAdmin() throws Exception {
        // every SQL migration (V5_1__… is version 5.1), and the Java migrations that run on every database
        var migrations = new TreeSet<MigrationVersion>();
        try (var files = Files.list(Path.of("src", "main", "resources", "db", "migration", "common"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[\\d_]+__.*\\.sql"))
                    .forEach(n -> migrations.add(MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.'))));
        }
        migrations.add(new EpisodeGuidsPerShow().getVersion());
        var history = new ArrayList<String>();
        long producers;
        try (var database = site.database(); var statement = database.createStatement()) {
            try (var rows = statement.executeQuery("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rows.next()) {
                    history.add(rows.getString(1) + (rows.getBoolean(2) ? "" : " (failed)"));
                }
            }
            try (var rows = statement.executeQuery("SELECT COUNT(*) FROM producer")) {
                rows.next();
                producers = rows.getLong(1);
            }
        }
        assertEquals(migrations.stream().map(MigrationVersion::getVersion).toList(), history, "one row per migration, each run once");
        assertEquals(1, producers, "one admin producer");
        for (var instance : site.instances()) {
            assertEquals(200, instance.readiness(), instance.base());
        }
        var creators = new ArrayList<Integer>();
        for (int i = 0; i < site.size(); i++) {
            if (site.instance(i).logText().contains("Created the admin producer")) {
                creators.add(i);
            }
        }
        assertEquals(1, creators.size(), "the admin was created by one instance: " + creators);
    }

    /** Signed in through the balancer; the session cookie (rows in the database) and its CSRF token work on each instance alike. */
    @Test
    @Order(2)
    void aStudioSessionOpenedThroughTheBalancerWorksOnEveryInstance() {
        var browser = new Browser();
        var nginx = site.nginx();
        var form = browser.send(nginx.client(), HttpRequest.newBuilder(URI.create(nginx.base() + "/studio/sign-in?next=%2Fstudio")).GET());
        var signIn = browser.send(nginx.client(), Browser.form(nginx.base() + "/studio/sign-in", Map.of(
                "csrf", token(FORM_TOKEN, form), "email", ADMIN, "password", PASSWORD, "next", "/studio")));
        assertEquals(303, signIn.statusCode(), signIn.body());
        assertTrue(browser.has("chapitre_studio"), "a session cookie: " + signIn.headers().allValues("Set-Cookie"));

        var pageTokens = new ArrayList<String>();
        for (var instance : site.instances()) {
            var home = browser.send(Api.HTTP, HttpRequest.newBuilder(URI.create(instance.base() + "/studio")).GET());
            assertEquals(200, home.statusCode(), instance.base() + " knows the session");
            assertTrue(home.body().contains("Your shows"), instance.base());
            pageTokens.add(token(STUDIO_TOKEN, home));
        }
        for (int i = 0; i < site.size(); i++) {
            var base = site.instance(i).base();
            var show = Json.createObjectBuilder().add("title", "Studio " + i).add("language", "fr").build().toString();
            var otherPagesToken = pageTokens.get((i + 1) % site.size());
            var refused = browser.send(Api.HTTP, Browser.json(base + "/api/podcasts", show));
            assertEquals(403, refused.statusCode(), base + " checks the CSRF token: " + refused.body());
            var created = browser.send(Api.HTTP, Browser.json(base + "/api/podcasts", show).header("X-CSRF-Token", otherPagesToken));
            assertEquals(201, created.statusCode(), base + " takes the token another instance's page carried: " + created.body());
        }

        var signOut = browser.send(Api.HTTP, Browser.form(site.instance(1).base() + "/studio/sign-out", Map.of("csrf", pageTokens.get(0))));
        assertEquals(303, signOut.statusCode(), signOut.body());
        for (var instance : site.instances()) {
            var home = browser.send(Api.HTTP, HttpRequest.newBuilder(URI.create(instance.base() + "/studio")).GET());
            assertEquals(303, home.statusCode(), instance.base() + " knows the session ended on another instance");
        }
    }

    /**
     * A show created on A, its episode uploaded through the balancer, its chapters changed on B:
     * every instance (and nginx, from the published tree) serves the new chapters in the feed and
     * the chapter file, and once re-tagged every instance serves the MP3 with them. How soon is
     * printed, not asserted (the target, 2 s, is a measurement: docs/performance.md); arriving at
     * all, within 10 s, is required.
     */
    @Test
    @Order(3)
    void chaptersChangedOnOneInstanceAreServedByEveryInstanceAndSaysHowSoon() throws Exception {
        var show = producer(0).createShow("Partout").getString("slug");
        var uploaded = send(site.nginx().client(), upload(site.nginx().base(), show, "Diffusé", Fixtures.cbrMp3()));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        var episode = Api.object(uploaded).getString("slug");
        var path = "/api/podcasts/" + show + "/episodes/" + episode;
        producer(0).awaitTagged(path);
        whereTheChaptersAreNew(show, episode); // every instance has built (and cached) the documents before the change

        var chapters = Json.createObjectBuilder().add("version", "1.2.0").add("chapters", Json.createArrayBuilder()
                .add(CrashE2E.chapter(0, "Ouverture")).add(CrashE2E.chapter(2.5, "Suite"))).build();
        var changed = producer(1).send("PUT", path + "/chapters", "application/json", chapters.toString());
        assertEquals(200, changed.statusCode(), changed.body());
        var changedAt = System.nanoTime();
        var stale = new ArrayList<String>();
        try {
            Poll.until("every instance serves the new chapters", Duration.ofSeconds(10), () -> {
                stale.clear();
                whereTheChaptersAreNew(show, episode).forEach((where, isNew) -> {
                    if (!isNew) {
                        stale.add(where);
                    }
                });
                return stale.isEmpty();
            });
            System.out.println("cluster: new chapters served by every instance and nginx "
                    + Duration.ofNanos(System.nanoTime() - changedAt).toMillis() + " ms after the change (target: 2 s)");
        } catch (AssertionError late) {
            // judged last, so that the MP3s are looked at whatever the documents did
        }

        var tagged = producer(1).awaitTagged(path);
        for (int i = 0; i < site.size(); i++) {
            assertEquals(List.of("Ouverture", "Suite"), CrashE2E.chapterTitles(CrashE2E.download(producer(i), tagged)),
                    "the MP3 served by " + site.instance(i).base());
        }
        assertEquals(List.of(), stale, "still the old chapters 10 s after the change");
    }

    /** Where (each instance, and nginx) the feed and the chapter file of the episode both hold the new chapters. */
    Map<String, Boolean> whereTheChaptersAreNew(String show, String episode) throws Exception {
        var feed = "/feeds/" + show + ".xml";
        var chapters = "/chapters/" + show + "/" + episode + ".json";
        var answers = new LinkedHashMap<String, Boolean>();
        for (var instance : site.instances()) {
            var reader = Api.anonymous().at(instance.base());
            answers.put(instance.base(), areNew(reader.get(feed).body(), reader.get(chapters).body()));
        }
        var nginx = site.nginx();
        answers.put("nginx", areNew(new String(nginx.get(feed).body(), StandardCharsets.UTF_8),
                new String(nginx.get(chapters).body(), StandardCharsets.UTF_8)));
        return answers;
    }

    /** The feed's inline chapters (psc) and the chapter file name the new chapters. */
    static boolean areNew(String feed, String chapters) {
        var titles = ((JsonObject) Api.parse(chapters)).getJsonArray("chapters").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("title")).toList();
        return feed.contains("title=\"Ouverture\"") && !feed.contains("title=\"Avant\"") && titles.equals(List.of("Ouverture", "Suite"));
    }

    /** 300 listeners, each taking the form from one instance and posting it to the other: each counted once, on every instance. */
    @Test
    @Order(4)
    void threeHundredRatingsSpreadOverTheInstancesAddUpExactlyOnEach() throws Exception {
        var show = producer(0).createShow("Notée").getString("slug");
        var episode = publishedEpisode(show, "Premier");
        var page = "/podcasts/" + show + "/" + episode;
        int listeners = 300;
        long stars = 0;
        var answers = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < listeners; i++) {
            int given = 1 + (i * 7 + i / 11) % 5;
            stars += given;
            var listener = new Listener("100.64." + (i / 250) + "." + (1 + i % 250));
            var from = site.instance(i % site.size()).base();
            var to = site.instance((i + 1) % site.size()).base();
            answers.add(() -> listener.rate(from, to, page, given).statusCode());
        }
        assertEquals(Map.of("303", listeners), outcomes(answers, 16), "every rating taken");
        var average = (double) stars / listeners;
        for (int i = 0; i < site.size(); i++) {
            var totals = Api.object(producer(i).get("/api/podcasts/" + show + "/ratings?episode=" + episode));
            assertEquals(listeners, totals.getInt("count"), site.instance(i).base());
            assertEquals(average, totals.getJsonNumber("average").doubleValue(), 1e-9, site.instance(i).base());
            var aggregate = jsonLd(Api.anonymous().at(site.instance(i).base()).get(page).body()).getJsonObject("aggregateRating");
            assertEquals(listeners, aggregate.getInt("ratingCount"), "the page of " + site.instance(i).base());
        }
    }

    /** One address rating through both instances in turn: the budget is the platform's, not each instance's. */
    @Test
    @Order(5)
    void theRatingLimitTripsAtTheConfiguredBudgetAcrossInstances() throws Exception {
        var show = producer(0).createShow("Limitée").getString("slug");
        publishedEpisode(show, "Seul");
        var page = "/podcasts/" + show;
        var outcomes = new TreeMap<Integer, Integer>();
        int attempts = RATING_BUDGET * site.size() + 1;
        for (int i = 0; i < attempts; i++) {
            var base = site.instance(i % site.size()).base();
            var posted = new Listener("198.51.100.7").rate(base, base, page, 4); // each a new browser, one address
            outcomes.merge(posted.statusCode(), 1, Integer::sum);
        }
        assertEquals(Map.of(303, RATING_BUDGET, 429, attempts - RATING_BUDGET), outcomes,
                "CHAPITRE_RATING_LIMIT_PER_MINUTE=" + RATING_BUDGET + " for the whole platform, " + attempts + " attempts over " + site.size() + " instances");
    }

    /** A listener downloading through A, then through B, within the day: one download on every instance's statistics. */
    @Test
    @Order(6)
    void aListenerDownloadingThroughBothInstancesIsCountedOnce() throws Exception {
        var show = producer(0).createShow("Écoutée").getString("slug");
        var episode = publishedEpisode(show, "Entier");
        var stats = "/api/podcasts/" + show + "/episodes/" + episode + "/stats";
        var audio = URI.create(Api.object(producer(0).get("/api/podcasts/" + show + "/episodes/" + episode))
                .getJsonObject("audio").getString("url")).getPath();
        var listener = new String[] {"X-Forwarded-For", "203.0.113.5", "User-Agent", "AntennaPod/3.2.0 (cluster)"};
        assertEquals(200, download(0, audio, listener));
        Poll.until("A counted the listener", Duration.ofSeconds(30), () -> apps(stats).getOrDefault("AntennaPod", 0) == 1);
        assertEquals(200, download(1, audio, listener));
        // Another listener after it on B: once B has counted this one, it has looked at the first listener's hit too.
        assertEquals(200, download(1, audio, "X-Forwarded-For", "203.0.113.6", "User-Agent", "Overcast/3.0 (cluster)"));
        Poll.until("B counted the second listener", Duration.ofSeconds(30), () -> apps(stats).getOrDefault("Overcast", 0) == 1);
        for (int i = 0; i < site.size(); i++) {
            var counted = Api.object(producer(i).get(stats));
            assertEquals(2, counted.getInt("total"), "one download per listener, on " + site.instance(i).base() + ": " + counted);
        }
    }

    int download(int instance, String audio, String... headers) {
        return Api.send(HttpRequest.newBuilder(URI.create(site.instance(instance).base() + audio)).headers(headers).GET(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    Map<String, Integer> apps(String stats) {
        var apps = Api.object(producer(0).get(stats)).getJsonObject("apps");
        return apps.keySet().stream().collect(Collectors.toMap(app -> app, apps::getInt));
    }

    /**
     * Uploads through the balancer are in flight on both instances when A is killed: B's complete,
     * A's fail with nginx's 502 (the client may send them again) and leave no row. A starts again
     * while another upload streams into B, which completes too; then no unfinished upload is left
     * in the bucket, the admin's health is clean on both, and the grid has both again.
     */
    @Test
    @Order(7)
    void anInstanceKilledDuringUploadsLeavesNothingAndTheOthersUploadsComplete() throws Exception {
        var show = producer(0).createShow("Envois").getString("slug");
        var mp3 = Fixtures.mp3OfAtLeast(20_000_000); // more than two of the 8 MiB parts sent to the bucket while it streams
        int uploads = 4;
        var released = new AtomicBoolean();
        HttpResponse<String> late;
        var pool = Executors.newFixedThreadPool(uploads + 1);
        try {
            var answers = new ArrayList<Future<HttpResponse<String>>>();
            var uploaders = site.nginx().http1Client();
            for (int n = 0; n < uploads; n++) {
                var request = heldUpload(site.nginx().base(), show, "Envoi " + n, mp3, released);
                answers.add(pool.submit(() -> send(uploaders, request)));
            }
            Poll.until(uploads + " uploads stream into the bucket", Duration.ofSeconds(60), () -> unfinishedUploads() == uploads);
            site.kill(0);
            released.set(true);
            var created = new TreeSet<String>();
            var outcomes = new TreeMap<Integer, Integer>();
            for (var answer : answers) {
                var response = answer.get(2, TimeUnit.MINUTES);
                outcomes.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 201) {
                    created.add(Api.object(response).getString("slug"));
                }
            }
            assertEquals(List.of(201, 502), List.copyOf(outcomes.keySet()), "B's uploads complete, A's get a 502 to try again: " + outcomes);
            assertEquals(created, episodes(1, show), "a row for each completed upload, none for the killed ones");

            var duringTheRestart = new AtomicBoolean();
            var streaming = pool.submit(() -> send(Api.HTTP, heldUpload(site.instance(1).base(), show, "Pendant", mp3, duringTheRestart)));
            Poll.until("the upload streams into B", Duration.ofSeconds(60), () -> unfinishedUploads() >= 1);
            site.restart(0);
            duringTheRestart.set(true);
            late = streaming.get(2, TimeUnit.MINUTES);
        } finally {
            released.set(true);
            pool.shutdownNow();
        }
        Poll.until("no unfinished upload (multipart or staged object) is left in the bucket once A is back", Duration.ofSeconds(60),
                () -> unfinishedUploads() == 0 && stagedObjects() == 0);
        for (int i = 0; i < site.size(); i++) {
            var health = Api.basic(site.instance(i).base(), ADMIN, PASSWORD).get("/api/admin/health");
            assertEquals(200, health.statusCode(), site.instance(i).base() + ": " + health.body());
            var media = Api.object(health).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> check.getString("name").equals("media-files")).findFirst().orElseThrow();
            assertEquals(0, media.getJsonObject("data").getJsonNumber("missing").intValue(), media.toString());
        }
        // Last, so that what it leaves is checked above whatever it answered.
        assertEquals(201, late.statusCode(), "an upload into B while A starts again: " + late.body());
    }

    /**
     * The instance re-tagging a large episode is killed; the grid releases its lock and another
     * instance, told that it left, re-tags the episode from the latest state. Listeners reading the
     * MP3 from that other instance all the while always get a whole file: the tag, then every byte of
     * the audio.
     */
    @Test
    @Order(8)
    void anInstanceKilledWhileItReTagsALargeEpisodeLeavesTheReTagToAnotherAndTheMp3StaysWhole() throws Exception {
        site.awaitGridOf(site.size());
        var show = producer(1).createShow("Réétiquetage").getString("slug");
        var mp3 = Fixtures.mp3OfAtLeast(300_000_000);
        var uploaded = producer(0).uploadEpisode(show, Json.createObjectBuilder().add("title", "Long").add("publishedAt", PUBLISHED).build(), mp3);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        var slug = Api.object(uploaded).getString("slug");
        Poll.until("the upload's tag is written", Duration.ofMinutes(2), () -> tagged(1, show, slug));
        var audio = Arrays.copyOfRange(mp3, Fixtures.id3Size(mp3), mp3.length);

        var reading = new AtomicBoolean(true);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var reads = pool.submit(() -> {
                int whole = 0;
                while (reading.get()) {
                    assertWhole(site.instance(1).base() + "/media/" + show + "/" + slug + ".mp3", audio);
                    whole++;
                }
                return whole;
            });
            var changed = producer(0).send("PUT", "/api/podcasts/" + show + "/episodes/" + slug + "/chapters", "text/plain; charset=utf-8",
                    "00:00:00 Avant la panne\n00:00:03 Après la panne\n");
            assertEquals(200, changed.statusCode(), changed.body());
            site.kill(0);
            boolean cutOff = !tagged(1, show, slug);
            Poll.until("the other instance finishes the re-tag", Duration.ofMinutes(3), () -> tagged(1, show, slug));
            reading.set(false);
            assertTrue(reads.get(2, TimeUnit.MINUTES) > 0, "the MP3 was read while it was re-tagged");
            assertTrue(cutOff, "the kill came before the re-tag was recorded (else another instance had nothing to take over)");
        } finally {
            reading.set(false);
            pool.shutdownNow();
        }
        var episode = Api.object(producer(1).get("/api/podcasts/" + show + "/episodes/" + slug));
        assertEquals(List.of("Avant la panne", "Après la panne"), CrashE2E.chapterTitles(CrashE2E.download(producer(1), episode)),
                "the MP3's ID3 chapters are the latest ones");
        assertWhole(site.instance(1).base() + "/media/" + show + "/" + slug + ".mp3", audio);
        // Listeners through nginx: the application hands the bucket's object over (X-Accel-Redirect to a presigned GET).
        var range = site.nginx().get("/media/" + show + "/" + slug + ".mp3", "Range", "bytes=0-1048575");
        assertEquals(206, range.statusCode(), "a range of the re-tagged MP3 through nginx");
        var whole = CrashE2E.download(producer(1), episode);
        assertTrue(Arrays.equals(Arrays.copyOf(whole, 1_048_576), range.body()), "the bytes nginx fetched from the bucket");
        var head = site.nginx().client().send(HttpRequest.newBuilder(URI.create(site.nginx().base() + "/media/" + show + "/" + slug + ".mp3"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode(), "HEAD, as apps and validators send it, through the URL presigned for GET");
        assertEquals(whole.length, head.headers().firstValueAsLong("Content-Length").orElse(-1), "the length of the whole MP3");
    }

    boolean tagged(int instance, String show, String episode) {
        return Api.object(producer(instance).get("/api/podcasts/" + show + "/episodes/" + episode)).getJsonObject("audio").getBoolean("tagged");
    }

    /** The MP3 at {@code url} as a listener gets it: as long as announced, an ID3 tag, then exactly {@code audio}. */
    static void assertWhole(String url, byte[] audio) throws Exception {
        var response = Api.HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), url);
        long announced = response.headers().firstValueAsLong("Content-Length").orElseThrow();
        try (var in = response.body()) {
            var header = in.readNBytes(10);
            int tag = Fixtures.id3Size(header);
            in.skipNBytes(tag - 10);
            var received = in.readAllBytes();
            assertEquals(announced, tag + received.length, "as long as announced");
            assertTrue(Arrays.equals(audio, received), "the audio after the tag, byte for byte (" + received.length + " of " + audio.length + ")");
        }
    }

    TreeSet<String> episodes(int instance, String show) {
        return Api.array(producer(instance).get("/api/podcasts/" + show + "/episodes")).getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("slug")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Uploads streaming into the bucket (or left there): its multipart uploads under the staging prefix. */
    long unfinishedUploads() {
        try (var client = bucket.client()) {
            return client.listMultipartUploads(l -> l.bucket(BUCKET).prefix(".staging/")).uploads().size();
        }
    }

    long stagedObjects() {
        try (var client = bucket.client()) {
            return client.listObjectsV2(l -> l.bucket(BUCKET).prefix(".staging/")).contents().size();
        }
    }

    /** A published episode of a small MP3, uploaded to A; its slug. */
    String publishedEpisode(String show, String title) {
        var response = producer(0).uploadEpisode(show, Json.createObjectBuilder().add("title", title).add("publishedAt", PUBLISHED).build(),
                Fixtures.cbrMp3());
        assertEquals(201, response.statusCode(), response.body());
        return Api.object(response).getString("slug");
    }

    /** The producer's upload of a published episode (its first chapter "Avant") to {@code base}. */
    HttpRequest.Builder upload(String base, String show, String title, byte[] mp3) {
        var body = uploadBody(title, mp3);
        return uploadTo(base, show, body).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }

    /**
     * The same, its body sent up to its last megabyte, then a kilobyte every tenth of a second until
     * {@code released}, then the rest: a slow line, so that the upload is certainly in flight when
     * something happens to an instance (a line that stops sending is cut by the server's read timeout).
     */
    HttpRequest.Builder heldUpload(String base, String show, String title, byte[] mp3, AtomicBoolean released) {
        var body = uploadBody(title, mp3);
        var bytes = body.bytes();
        int first = bytes.length - 1_000_000;
        var held = HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            int position;

            @Override
            public int read() {
                var one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (position >= bytes.length) {
                    return -1;
                }
                int end = bytes.length;
                if (position < first) {
                    end = first;
                } else if (!released.get()) {
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                    end = Math.min(bytes.length, position + 1024);
                }
                int n = Math.min(length, end - position);
                System.arraycopy(bytes, position, into, offset, n);
                position += n;
                return n;
            }
        });
        return uploadTo(base, show, body).POST(HttpRequest.BodyPublishers.fromPublisher(held, bytes.length));
    }

    static Api.Multipart uploadBody(String title, byte[] mp3) {
        var episode = Json.createObjectBuilder().add("title", title).add("publishedAt", PUBLISHED)
                .add("chapters", Json.createArrayBuilder().add(CrashE2E.chapter(0, "Avant"))).build();
        return Api.Multipart.of("episode", "application/json", null, episode.toString().getBytes(StandardCharsets.UTF_8))
                .and("audio", "audio/mpeg", "episode.mp3", mp3);
    }

    HttpRequest.Builder uploadTo(String base, String show, Api.Multipart body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/podcasts/" + show + "/episodes")).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType());
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every answer looked at before judging: how many ended how (status, or the exception). */
    static Map<String, Integer> outcomes(List<Callable<Integer>> calls, int atOnce) throws Exception {
        var pool = Executors.newFixedThreadPool(atOnce);
        try {
            var outcomes = new TreeMap<String, Integer>();
            for (var answer : pool.invokeAll(calls)) {
                String outcome;
                try {
                    outcome = String.valueOf(answer.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException failed) {
                    outcome = String.valueOf(failed.getCause());
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static String token(Pattern pattern, HttpResponse<String> page) {
        var matcher = pattern.matcher(page.body());
        assertTrue(matcher.find(), "no token on " + page.uri() + " (" + page.statusCode() + ")");
        return matcher.group(1);
    }

    static JsonObject jsonLd(String html) {
        var matcher = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "JSON-LD on the page");
        return (JsonObject) Api.parse(matcher.group(1));
    }

    /**
     * A browser behind one host name whichever instance answers: its cookies (name and value; the
     * studio's are Secure, for the balancer's HTTPS, and sent here to the instances' plain HTTP too).
     */
    static final class Browser {

        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final String[] headers;

        Browser(String... headers) {
            this.headers = headers;
        }

        HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
            if (headers.length > 0) {
                request.headers(headers);
            }
            var response = ClusterE2E.send(client, request.timeout(Duration.ofSeconds(60)));
            for (var cookie : response.headers().allValues("Set-Cookie")) {
                var pair = cookie.split(";", 2)[0];
                var name = pair.substring(0, pair.indexOf('='));
                var value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        boolean has(String cookie) {
            return cookies.containsKey(cookie);
        }

        static HttpRequest.Builder form(String url, Map<String, String> fields) {
            var body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        static HttpRequest.Builder json(String url, String body) {
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
    }

    /** A listener's browser at {@code address} (X-Forwarded-For, which the instances believe from loopback). */
    static final class Listener {

        private final Browser browser;

        Listener(String address) {
            browser = new Browser("X-Forwarded-For", address, "User-Agent", "Mozilla/5.0 (cluster listener)", "Accept-Language", "en");
        }

        /** The rating form taken from the page on {@code from}, posted to {@code to}. */
        HttpResponse<String> rate(String from, String to, String page, int stars) {
            var form = browser.send(Api.HTTP, HttpRequest.newBuilder(URI.create(from + page)).GET());
            return browser.send(Api.HTTP, Browser.form(to + page + "/ratings", Map.of("csrf", token(FORM_TOKEN, form), "stars", String.valueOf(stars))));
        }
    }
}
