package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.ForeignHost;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A show moves in from another host, checked by readers we did not write: the old host is a web
 * server of the test's own serving spoken episodes (ffmpeg's flite voice), each with its chapters
 * in another place (the MP3's ID3 frames, psc:chapters, a podcast:chapters file, the show notes).
 * podcastparser and feedparser read both feeds and see the same episodes; ffprobe reads the
 * chapters from the re-hosted MP3s; gPodder keeps its subscription when the show changes its slug;
 * the studio flow runs in Chromium; an import killed with SIGKILL carries on after the restart.
 */
class ImportE2E {

    record Spoken(String guid, String title, String published, List<Double> starts, List<String> titles) {
    }

    static final Path WORK = Path.of("target", "e2e-import").toAbsolutePath();
    /** A line of {@code gpo episodes --guid}: its number, the guid, then the episode's own listing. */
    static final java.util.regex.Pattern EPISODE_LINE = java.util.regex.Pattern.compile("\\d+\\. (\\S+) {2}\\* .*");

    static final List<Spoken> EPISODES = List.of(
            new Spoken("https://ancien.example.fr/?p=11", "1. Les débuts", "2026-09-01T06:00:00Z", List.of(0.0, 4.0), List.of("Ouverture", "Le récit")),
            new Spoken("tag:ancien.example.fr,2026:12", "2. L’Élysée « enfin »", "2026-10-01T06:00:00Z", List.of(0.0, 3.5), List.of("Début", "Suite & fin")),
            new Spoken("13", "3. Chapitres liés", "2026-11-01T06:00:00Z", List.of(0.0, 2.0, 5.0), List.of("Un", "Deux", "Trois 🎧")),
            new Spoken("epique-14", "4. Dans les notes", "2026-11-15T06:00:00Z", List.of(0.0, 5.0), List.of("Intro", "La suite")));
    static ForeignHost host;
    static final Map<String, String> FEEDS = new HashMap<>();

    @BeforeAll
    static void theOldHostServesASpokenShow() throws Exception {
        var ffmpeg = Tools.require("ffmpeg", "/usr/bin/ffmpeg");
        Files.createDirectories(WORK);
        host = new ForeignHost();
        for (int i = 0; i < EPISODES.size(); i++) {
            var mp3 = WORK.resolve("spoken-" + i + ".mp3");
            var spoken = EPISODES.get(i);
            var text = "Episode " + (i + 1) + ". Welcome to the history of France, told one story at a time. "
                    + "Today we begin a new chapter, and then we go on with the rest of the tale.";
            var command = new ArrayList<>(List.of(ffmpeg.toString(), "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                    "flite=text='" + text + "':voice=slt"));
            if (i == 0) { // the chapters only inside the MP3, as ffmpeg writes them (ID3 CHAP/CTOC)
                var metadata = WORK.resolve("chapters-0.txt");
                Files.writeString(metadata, ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=4000\ntitle=Ouverture\n"
                        + "[CHAPTER]\nTIMEBASE=1/1000\nSTART=4000\nEND=8000\ntitle=Le récit\n");
                command.addAll(List.of("-i", metadata.toString(), "-map", "0", "-map_metadata", "1", "-id3v2_version", "3"));
            }
            command.addAll(List.of("-ar", "44100", "-ac", "1", "-b:a", "64k", mp3.toString()));
            Tools.run(command);
            host.put("/epique/" + i + ".mp3", "audio/mpeg", Files.readAllBytes(mp3));
        }
        host.put("/epique/13.json", "application/json+chapters", """
                {"version":"1.2.0","chapters":[{"startTime":0,"title":"Un"},{"startTime":2,"title":"Deux"},{"startTime":5,"title":"Trois 🎧"}]}""");
        host.put("/epique/art.png", "image/png", dev.chapitre.it.Fixtures.image("png", 1400, 1400));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** The old host's feed, with its own podcast:guid: each test moves its own show. */
    static String feed(String name, boolean slowSecond) throws Exception {
        var at = host.base() + "/epique";
        if (slowSecond) {
            // slow for the download the kill cuts off; the one after the restart goes at full speed
            host.slow("/" + name + "/1.mp3", "audio/mpeg", dev.chapitre.it.Fixtures.mp3OfAtLeast(4_000_000), 300, 1);
        }
        var items = new StringBuilder();
        for (int i = 0; i < EPISODES.size(); i++) {
            var e = EPISODES.get(i);
            var audio = slowSecond && i == 1 ? host.base() + "/" + name + "/1.mp3" : at + "/" + i + ".mp3";
            items.append("<item><title>").append(e.title().replace("&", "&amp;")).append("</title><guid isPermaLink=\"false\">")
                    .append(e.guid()).append("</guid><pubDate>")
                    .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse(e.published()).atZone(java.time.ZoneOffset.UTC)))
                    .append("</pubDate><enclosure url=\"").append(audio).append("\" type=\"audio/mpeg\" length=\"")
                    .append(Files.size(WORK.resolve("spoken-" + i + ".mp3"))).append("\"/>");
            switch (i) {
                case 1 -> items.append("<psc:chapters version=\"1.2\"><psc:chapter start=\"00:00:00.000\" title=\"Début\"/>"
                        + "<psc:chapter start=\"00:00:03.500\" title=\"Suite &amp; fin\"/></psc:chapters>");
                case 2 -> items.append("<podcast:chapters url=\"").append(at).append("/13.json\" type=\"application/json+chapters\"/>");
                case 3 -> items.append("<description><![CDATA[<p>Au programme</p><p>0:00 Intro</p><p>0:05 La suite</p>]]></description>");
                default -> { }
            }
            items.append("</item>\n");
        }
        var xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:psc="http://podlove.org/simple-chapters">
                <channel><title>Épique (%s)</title><link>https://ancien.example.fr</link><description>L'histoire racontée.</description>
                <language>fr</language><itunes:image href="%s/art.png"/><itunes:category text="History"/>
                <podcast:guid>%s</podcast:guid>
                %s</channel></rss>
                """.formatted(name, at, UUID.randomUUID(), items);
        host.put("/" + name + "/feed.xml", "application/rss+xml; charset=utf-8", xml);
        var url = host.base() + "/" + name + "/feed.xml";
        FEEDS.put(name, url);
        return url;
    }

    static JsonObject importAndWait(Api producer, String base, String feedUrl) {
        var started = producer.at(base).postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", feedUrl).build());
        assertEquals(202, started.statusCode(), started.body());
        var location = started.headers().firstValue("Location").orElseThrow();
        return Poll.until("the import is done", Duration.ofSeconds(120), () -> {
            var job = Api.object(producer.get(location));
            return job.getString("state").equals("running") ? Optional.empty() : Optional.of(job);
        });
    }

    static JsonObject read(Path podcastparser, String feedUrl) throws Exception {
        var script = WORK.resolve("read_feed.py");
        try (var in = ImportE2E.class.getResourceAsStream("/e2e/read_feed.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        var output = Tools.run(List.of(podcastparser.toString(), script.toString(), feedUrl));
        return (JsonObject) Api.parse(output.lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void appsSeeTheSameShowAtBothHostsTheMp3sCarryTheChaptersAndGpodderFollowsASlugChange() throws Exception {
        var python = Tools.requirePythonModule("python3-podcastparser", "podcastparser");
        Tools.requirePythonModule("python3-feedparser", "feedparser");
        var ffprobe = Tools.require("ffmpeg", "/usr/bin/ffprobe");
        var gpo = Tools.require("gpodder", "/usr/bin/gpo");
        var producer = Api.newProducer();
        var source = feed("readers", false);
        var job = importAndWait(producer, Api.BASE, source);
        assertEquals("done", job.getString("state"), job.toString());
        assertEquals(EPISODES.size(), job.getJsonObject("report").getJsonObject("summary").getInt("imported"), job.toString());
        var sources = new ArrayList<String>();
        job.getJsonObject("report").getJsonArray("episodes").forEach(line -> sources.add(line.asJsonObject().getJsonObject("chapters").getString("source")));
        assertEquals(List.of("id3", "psc:chapters", "podcast:chapters", "show notes"), sources);
        var slug = job.getJsonObject("show").getString("slug");
        for (var e : Api.array(producer.get("/api/podcasts/" + slug + "/episodes")).getValuesAs(JsonObject.class)) {
            producer.awaitTagged("/api/podcasts/" + slug + "/episodes/" + e.getString("slug"));
        }
        var ours = Api.BASE + "/feeds/" + slug + ".xml";

        // podcastparser and feedparser: the same guids, titles and dates at both hosts; the chapters as marked
        var before = read(python, source);
        var after = read(python, ours);
        assertTrue(!after.getJsonObject("feedparser").getBoolean("bozo"), after.toString());
        var old = byGuid(before);
        var moved = byGuid(after);
        assertEquals(old.keySet(), moved.keySet(), "the same guids: apps see no new episode");
        for (var spoken : EPISODES) {
            var was = old.get(spoken.guid());
            var is = moved.get(spoken.guid());
            assertEquals(was.getString("title"), is.getString("title"));
            assertEquals(was.getJsonNumber("published").longValue(), is.getJsonNumber("published").longValue(), spoken.title());
            assertEquals(spoken.titles(), is.getJsonArray("chapters").getValuesAs(JsonObject.class).stream().map(c -> c.getString("title")).toList());
            assertEquals(spoken.starts().stream().map(Double::intValue).toList(),
                    is.getJsonArray("chapters").getValuesAs(JsonObject.class).stream().map(c -> c.getInt("start")).toList());
            // ffprobe reads the same chapters from the re-hosted MP3's ID3 tag
            var mp3 = WORK.resolve("rehosted-" + spoken.guid().hashCode() + ".mp3");
            var url = is.getJsonArray("enclosures").getJsonObject(0).getString("url");
            var download = Api.HTTP.send(Api.anonymous().request(url).GET().build(), HttpResponse.BodyHandlers.ofFile(mp3));
            assertEquals(200, download.statusCode());
            var probed = (JsonObject) Api.parse(Tools.run(List.of(ffprobe.toString(), "-v", "error", "-print_format", "json",
                    "-show_chapters", mp3.toString())));
            var chapters = probed.getJsonArray("chapters").getValuesAs(JsonObject.class);
            assertEquals(spoken.titles(), chapters.stream().map(c -> c.getJsonObject("tags").getString("title")).toList(), spoken.title());
            assertEquals(spoken.starts(), chapters.stream().map(c -> Double.parseDouble(c.getString("start_time"))).toList());
        }

        // gPodder: subscribed to the new feed, the show changes its address; an update follows the 301, nothing is new
        var home = WORK.resolve("gpodder-" + UUID.randomUUID());
        var env = Map.of("GPODDER_HOME", home.resolve("home").toString(), "GPODDER_DOWNLOAD_DIR", home.resolve("downloads").toString());
        Tools.run(List.of(gpo.toString(), "subscribe", ours), env);
        var guidsBefore = gpodderGuids(gpo, env);
        assertEquals(EPISODES.size(), guidsBefore.size(), String.join("\n", guidsBefore));
        var renamed = producer.send("PATCH", "/api/podcasts/" + slug, "application/merge-patch+json",
                Json.createObjectBuilder().add("slug", slug + "-nouveau").build().toString());
        assertEquals(200, renamed.statusCode(), renamed.body());
        var update = Tools.run(List.of(gpo.toString(), "update"), env);
        assertTrue(!update.contains("NotFound") && !update.contains("rror"), update);
        assertEquals(guidsBefore, gpodderGuids(gpo, env), "the same episodes, none new, none lost");
        assertTrue(Tools.run(List.of(gpo.toString(), "list"), env).contains("/feeds/" + slug + "-nouveau.xml"),
                "gPodder took the new address from the 301");
    }

    private static Map<String, JsonObject> byGuid(JsonObject read) {
        var episodes = new LinkedHashMap<String, JsonObject>();
        read.getJsonObject("podcastparser").getJsonArray("episodes").getValuesAs(JsonObject.class)
                .forEach(e -> episodes.put(e.getString("guid"), e));
        return episodes;
    }

    private static List<String> gpodderGuids(Path gpo, Map<String, String> env) throws Exception {
        // "1. <guid>  *  4. <title>" per episode; other lines are gPodder's own warnings (without
        // html5lib it says so, with a timestamp that may contain a guid's digits)
        var guids = EPISODES.stream().map(Spoken::guid).collect(java.util.stream.Collectors.toSet());
        return Tools.run(List.of(gpo.toString(), "episodes", "--guid"), env).lines()
                .map(line -> EPISODE_LINE.matcher(line.strip()))
                .filter(java.util.regex.Matcher::matches).map(listed -> listed.group(1)).filter(guids::contains)
                .sorted().toList();
    }

    @Test
    void theStudioFlowGoesFromTheAddressToTheReport() throws Exception {
        var source = feed("studio", false);
        var email = "import-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        assertEquals(201, Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", email)
                .add("password", "import-e2e-password").add("name", "Élodie").build()).statusCode());
        var browser = Chromium.open(true, "fr-FR,fr");
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            browser.get(Api.BASE + "/studio");
            wait.until(ExpectedConditions.urlContains("/studio/sign-in"));
            browser.findElement(By.name("email")).sendKeys(email);
            browser.findElement(By.name("password")).sendKeys("import-e2e-password", Keys.ENTER);
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Importer une émission d’un autre hébergeur"))).click();
            browser.findElement(By.name("feedUrl")).sendKeys("https://exemple.invalid/pas-de-flux.xml", Keys.ENTER);
            wait.until(ExpectedConditions.textMatches(By.cssSelector("#import-form .form-error"),
                    java.util.regex.Pattern.compile("Le nom d’hôte exemple\\.invalid n’existe pas"))); // the API's refusal, in French
            var field = browser.findElement(By.name("feedUrl"));
            field.clear();
            field.sendKeys(source, Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#import-preview h2"), "Épique (studio)"));
            assertTrue(browser.findElement(By.id("import-preview")).getText().contains("4 éléments dans le flux, 4 avec un MP3"));
            browser.findElement(By.id("start-import")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("import-job"), "data-state", "done"));
            assertTrue(browser.getCurrentUrl().matches(".*/studio/imports/[0-9a-f-]{36}"), browser.getCurrentUrl());
            var rows = browser.findElements(By.cssSelector("#import-job table tbody tr"));
            assertEquals(4, rows.size(), () -> browser.findElement(By.id("import-job")).getAttribute("innerHTML")
                    + Chromium.consoleErrors(browser));
            assertTrue(rows.get(0).getText().contains("depuis id3"), rows.get(0).getText());
            assertTrue(browser.findElement(By.cssSelector("#import-job .checklist")).getText().contains("301"));
            Chromium.screenshot(browser, "import-report");
            browser.navigate().refresh(); // the job is watched from its own address
            wait.until(ExpectedConditions.attributeToBe(By.id("import-job"), "data-state", "done"));
            Chromium.assertNoPolicyViolations(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void anImportKilledMidDownloadCarriesOnAfterTheRestartWithoutDoingAnythingTwice() throws Exception {
        var data = Path.of("target", "e2e-import-crash-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        var environment = Map.of("CHAPITRE_ADMIN_EMAIL", "admin@crash.test", "CHAPITRE_ADMIN_PASSWORD", "import-crash-secret",
                "CHAPITRE_IMPORT_ALLOW_PRIVATE", "127.0.0.1");
        var source = feed("crash", true);
        var server = JarServer.start(data, environment);
        var base = "http://localhost:" + server.port();
        try {
            var admin = Api.basic(base, "admin@crash.test", "import-crash-secret");
            var started = admin.postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", source).build());
            assertEquals(202, started.statusCode(), started.body());
            var location = started.headers().firstValue("Location").orElseThrow();
            Poll.until("the slow second download is under way", Duration.ofSeconds(60), () -> {
                var progress = Api.object(admin.get(location)).getJsonObject("progress");
                return progress.getInt("episodesDone") == 1 && progress.getJsonNumber("bytesDownloaded").longValue() > 600_000;
            });
            server.process().destroyForcibly().waitFor();
            server = JarServer.start(data, server.port(), environment);
            var job = Poll.until("the import carries on and ends", Duration.ofSeconds(120), () -> {
                var now = Api.object(admin.get(location));
                return now.getString("state").equals("running") ? Optional.empty() : Optional.of(now);
            });
            assertEquals("done", job.getString("state"), job.toString());
            var summary = job.getJsonObject("report").getJsonObject("summary");
            assertEquals(EPISODES.size(), summary.getInt("imported"), job.toString());
            assertEquals(EPISODES.size(), job.getJsonObject("report").getJsonArray("episodes").size(), "each item once");
            var slug = job.getJsonObject("show").getString("slug");
            var guids = Api.array(admin.get("/api/podcasts/" + slug + "/episodes")).getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("guid")).sorted().toList();
            assertEquals(EPISODES.stream().map(Spoken::guid).sorted().toList(), guids);
            assertTrue(Files.readString(server.log()).contains("Carrying on import"), "resumed by the restarted instance");
            // nothing half-made: the download the kill cut off left no staged file, and every episode has its file
            for (var e : Api.array(admin.get("/api/podcasts/" + slug + "/episodes")).getValuesAs(JsonObject.class)) {
                admin.awaitTagged("/api/podcasts/" + slug + "/episodes/" + e.getString("slug")); // re-tags write beside their files
            }
            try (var staged = Files.list(data.resolve("media").resolve(".staging"))) {
                assertEquals(List.of(), staged.toList());
            }
            var health = Api.object(admin.get("/api/admin/health"));
            var files = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> check.getString("name").equals("media-files")).findFirst().orElseThrow();
            assertEquals("UP", files.getString("status"), health.toString());
            assertEquals("0", String.valueOf(files.getJsonObject("data").get("missing")).replace("\"", ""), health.toString());
        } finally {
            server.process().destroyForcibly().waitFor();
        }
    }
}
