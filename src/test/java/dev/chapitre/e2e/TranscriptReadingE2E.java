package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reading along in a real browser: the cue being said follows the player, a sentence seeks it, a search
 * finds French words typed with or without their accents, and a three-hour transcript of 4,500 cues
 * renders and searches without freezing (the times measured go to target/bench/transcript-search.txt).
 */
class TranscriptReadingE2E {

    static final Path WORK = Path.of("target", "e2e-transcript").toAbsolutePath();
    static final Path BENCH = Path.of("target", "bench", "transcript-search.txt").toAbsolutePath();
    static final int LONG_CUES = 4500;
    static final long CUE_MS = 2400;
    static final long CHAPTER_MS = 10 * 60 * 1000;

    static final String SHORT_VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:02.500
            <v Léa>Bonjour et bienvenue dans Épique.

            00:00:02.500 --> 00:00:04.000
            <v Léa>On commence à l'Élysée.

            00:00:04.000 --> 00:00:06.000
            <v Marc>Merci Léa, parlons de l'elysee.

            00:00:06.000 --> 00:00:09.000
            <v Marc>Puis de Matignon.

            00:00:09.000 --> 00:00:11.000
            <v Léa>Et voilà la fin.
            """;

    static String shortPage;
    static String longPage;

    WebDriver browser;

    @BeforeAll
    static void aShortAndAThreeHourEpisodeWithTranscripts() throws Exception {
        Tools.require("chromium", "/usr/bin/chromium");
        Tools.require("chromium-driver", "/usr/bin/chromedriver");
        var ffmpeg = Tools.require("ffmpeg", "/usr/bin/ffmpeg");
        var producer = Api.newProducer();
        var show = producer.createShow("Épique à lire").getString("slug");
        shortPage = publish(producer, show, "Court", Fixtures.cbrMp3Of(12), """
                [{"startTime":0,"title":"Accueil"},{"startTime":4,"title":"Le fond"}]""", SHORT_VTT);

        Files.createDirectories(WORK);
        var threeHours = WORK.resolve("three-hours.mp3");
        if (!Files.exists(threeHours)) { // silence at 8 kbit/s: 10.8 MB
            Tools.run(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "anullsrc=r=16000:cl=mono", "-t", "10800", "-c:a", "libmp3lame", "-b:a", "8k", threeHours.toString()));
        }
        var chapters = Json.createArrayBuilder();
        for (long start = 0; start < LONG_CUES * CUE_MS; start += CHAPTER_MS) {
            chapters.add(Json.createObjectBuilder().add("startTime", ChapterTime.toSeconds(start)).add("title", "Partie " + (start / CHAPTER_MS + 1)));
        }
        longPage = publish(producer, show, "Trois heures", Files.readAllBytes(threeHours), chapters.build().toString(), longVtt());
    }

    /** 4,500 cues of 2.4 s; the Élysée is named with accents in 9 cues (after a decomposed é and an emoji), without in 4. */
    static String longVtt() {
        var vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < LONG_CUES; i++) {
            var text = i % 500 == 250 ? "🎙️ Le re\u0301cit de l'Élysée, épisode " + i + "."
                    : i % 1000 == 999 ? "On écrit ELYSEE sans accent, cue " + i + "."
                    : "Phrase numéro " + i + " : on parle de la politique française et du gouvernement.";
            vtt.append('\n').append(clock(i * CUE_MS)).append(" --> ").append(clock((i + 1) * CUE_MS)).append('\n')
                    .append("<v ").append(i / 6 % 2 == 0 ? "Léa" : "Marc").append('>').append(text).append('\n');
        }
        return vtt.toString();
    }

    static String publish(Api producer, String show, String title, byte[] mp3, String chapters, String vtt) {
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", title)
                .add("publishedAt", "2026-01-01T00:00:00Z")
                .add("chapters", Json.createReader(new java.io.StringReader(chapters)).readArray()).build(), mp3);
        assertEquals(201, created.statusCode(), created.body());
        var episode = Api.object(created).getString("slug");
        var put = producer.sendBytes("PUT", "/api/podcasts/" + show + "/episodes/" + episode + "/transcript", "text/vtt",
                vtt.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, put.statusCode(), put.body());
        return Api.BASE + "/podcasts/" + show + "/" + episode;
    }

    @AfterEach
    void close() {
        if (browser != null) {
            try {
                Chromium.assertNoPolicyViolations(browser);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void theCueBeingSaidFollowsThePlayer() throws Exception {
        browser = Chromium.open(true, "fr-FR,fr");
        browser.get(shortPage);
        var wait = waitForMetadata();
        for (var step : List.of(new Object[] {4.5, "cue-4000"}, new Object[] {9.2, "cue-9000"}, new Object[] {0.3, "cue-0"})) {
            js("document.getElementById('player').currentTime = arguments[0]", step[0]);
            wait.until(driver -> step[1].equals(js("var c = document.querySelector('.transcript span.current'); return c && c.id")));
        }
        assertEquals(1L, js("return document.querySelectorAll('.transcript span.current').length"));
        Chromium.screenshot(browser, "transcript.png");
    }

    @Test
    void clickingASentencePlaysFromItsStart() {
        browser = Chromium.open(true, "fr-FR,fr");
        browser.get(shortPage);
        var wait = waitForMetadata();
        js("var p = document.getElementById('player'); window.seekedAt = null;"
                + "p.addEventListener('seeked', function () { window.seekedAt = p.currentTime; }, { once: true });");
        browser.findElement(By.id("cue-6000")).click();
        wait.until(driver -> js("return window.seekedAt") != null);
        double time = ((Number) js("return window.seekedAt")).doubleValue();
        assertTrue(Math.abs(time - 6.0) <= 0.3, "the player went to the sentence: " + time);
        assertTrue(browser.getCurrentUrl().endsWith("#t=6.0"), browser.getCurrentUrl());
        wait.until(driver -> "cue-6000".equals(js("var c = document.querySelector('.transcript span.current'); return c && c.id")));
    }

    @Test
    void searchFindsAWordTypedWithOrWithoutItsAccentsAndMarksItInTheText() {
        browser = Chromium.open(true, "fr-FR,fr");
        browser.get(shortPage);
        var input = browser.findElement(By.id("transcript-query"));
        input.sendKeys("elysee");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(driver -> "2 résultats".equals(driver.findElement(By.cssSelector(".transcript-search output")).getText()));
        assertEquals(List.of("Élysée", "elysee"), marks());
        input.clear();
        input.sendKeys("L'ÉLYSÉE", Keys.ENTER);
        wait.until(driver -> "2 résultats".equals(driver.findElement(By.cssSelector(".transcript-search output")).getText()));
        assertEquals(List.of("l'Élysée", "l'elysee"), marks());
        assertEquals("l'elysee", js("return document.querySelector('.transcript mark.current').textContent"), "Enter goes to the next hit");
        input.clear();
        input.sendKeys("matignon");
        wait.until(driver -> "1 résultat".equals(driver.findElement(By.cssSelector(".transcript-search output")).getText()));
        assertEquals(List.of("Matignon"), marks());
        assertEquals("Puis de Matignon.", browser.findElement(By.id("cue-6000")).getText(), "the cue's own text is unchanged");
    }

    @Test
    void aThreeHourTranscriptRendersWithItsChaptersAndSearchesWithoutFreezing() throws Exception {
        var serverMs = new long[2]; // the first request compiles the page; the second is what a listener waits
        for (int i = 0; i < serverMs.length; i++) {
            long requested = System.nanoTime();
            assertEquals(200, Api.anonymous().get(longPage.substring(Api.BASE.length())).statusCode());
            serverMs[i] = (System.nanoTime() - requested) / 1_000_000;
        }
        browser = Chromium.open(true, "fr-FR,fr");
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.get(longPage);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> js("return performance.getEntriesByName('transcript-index').length").equals(1L));
        @SuppressWarnings("unchecked")
        var render = (Map<String, Object>) js("var n = performance.getEntriesByType('navigation')[0];"
                + "return { response: n.responseEnd - n.requestStart, domContentLoaded: n.domContentLoadedEventEnd,"
                + " ready: performance.getEntriesByName('transcript-ready')[0].startTime,"
                + " bytes: n.transferSize, cues: document.querySelectorAll('.transcript span[data-start]').length }");
        assertEquals((long) LONG_CUES, render.get("cues"));

        @SuppressWarnings("unchecked")
        var headings = (List<String>) js("return Array.from(document.querySelectorAll('.transcript h3')).map(function (h) {"
                + " return h.querySelector('a').dataset.start + ' ' + h.nextElementSibling.querySelector('span[data-start]').dataset.start; })");
        assertEquals(18, headings.size(), "a heading per ten minutes");
        for (var heading : headings) {
            var starts = heading.split(" ");
            assertEquals(starts[0], starts[1], "each heading sits before the cue that starts with its chapter");
        }

        @SuppressWarnings("unchecked")
        var keystrokes = (List<List<Object>>) ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1], queries = arguments[0], input = document.getElementById('transcript-query');
                var index = performance.getEntriesByName('transcript-index')[0].duration, times = [['(folding, when idle)', index, index]];
                (function next(i) {
                  if (i === queries.length) { done(times); return; }
                  var start = performance.now();
                  input.value = queries[i];
                  input.dispatchEvent(new Event('input', { bubbles: true }));
                  var handled = performance.now();
                  requestAnimationFrame(function () { setTimeout(function () {
                    times.push([queries[i], handled - start, performance.now() - start]); next(i + 1); }, 0); });
                })(0);""", List.of("é", "él", "ély", "élys", "élysé", "élysée", "", "de", "", "elysee", "ELYSEE"));
        assertEquals("13 résultats", browser.findElement(By.cssSelector(".transcript-search output")).getText());
        assertEquals(13L, js("return document.querySelectorAll('.transcript mark').length"));
        assertEquals(List.of("Élysée", "ELYSEE"), marks().stream().distinct().toList(), "the marks cover the original characters");
        Chromium.screenshot(browser, "transcript-three-hours.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        Chromium.screenshot(browser, "transcript-phone.png");

        Files.createDirectories(BENCH.getParent());
        Files.writeString(BENCH, """
                Three-hour transcript (%d cues, %d chapters) on the episode page, headless Chromium, this machine.
                server: GET of the page from the test, %d ms the first time, %d ms the second
                browser: response %.0f ms after the request, DOMContentLoaded at %.0f ms, transcript.js ready at %.0f ms, page %s bytes
                search (ms: input handler / until the next frame, no debounce; the folded text is built once, when the page is idle):
                %s
                """.formatted(LONG_CUES, headings.size(), serverMs[0], serverMs[1], number(render.get("response")), number(render.get("domContentLoaded")),
                number(render.get("ready")), render.get("bytes"),
                keystrokes.stream().map(k -> "  %-28s %7.1f %7.1f".formatted("\"" + k.get(0) + "\"", number(k.get(1)), number(k.get(2))))
                        .collect(Collectors.joining("\n"))));
    }

    private WebDriverWait waitForMetadata() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(driver -> ((Number) js("return document.getElementById('player').readyState")).intValue() >= 1);
        return wait;
    }

    @SuppressWarnings("unchecked")
    private List<String> marks() {
        return (List<String>) js("return Array.from(document.querySelectorAll('.transcript mark')).map(function (m) { return m.textContent; })");
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String clock(long ms) {
        return "%02d:%02d:%02d.%03d".formatted(ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
