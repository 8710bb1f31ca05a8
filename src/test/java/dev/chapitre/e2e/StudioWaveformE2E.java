package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chapter editor's waveform in a real browser: marks snap to the pauses of spoken French
 * ({@link SpokenFrench}), a handle dragged on the waveform moves its chapter, suggestions are
 * accepted or rejected one by one and only the accepted are saved, the checks follow the chapters
 * as they are marked; and a 60-minute episode's waveform paints and drags without freezing the page.
 */
class StudioWaveformE2E {

    static final String PASSWORD = "waveform-e2e-password";

    WebDriver browser;
    WebDriverWait wait;

    @AfterEach
    void close() {
        Chromium.checkAndQuit(browser);
    }

    @Test
    void aProducerMarksChaptersOnTheWaveform() throws Exception {
        var directory = Files.createDirectories(Path.of("target", "e2e-studio-waveform").toAbsolutePath());
        var spoken = SpokenFrench.make(directory);
        var pauses = spoken.pauses();
        var email = newProducer();
        var producer = Api.basic(email, PASSWORD);
        var show = producer.createShow("Épique ondes " + UUID.randomUUID().toString().substring(0, 6)).getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Quatre parties").build(),
                Files.readAllBytes(spoken.mp3()));
        assertEquals(201, created.statusCode(), created.body());
        var api = "/api/podcasts/" + show + "/episodes/" + Api.object(created).getString("slug");

        signIn(email, Api.BASE + "/studio/shows/" + show + "/episodes/" + Api.object(created).getString("slug") + "/chapters");
        wait.until(ExpectedConditions.attributeToBe(By.id("waveform-panel"), "data-ready", "true"));
        assertEquals("3 pauses found.", browser.findElement(By.id("waveform-status")).getText());
        Chromium.screenshot(browser, "studio-waveform.png");

        // Suggestions: the start and the two longest pauses that fit; two accepted, one rejected.
        browser.findElement(By.id("suggest-chapters")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#suggestions .suggested-chapter")).size() == 3);
        var offered = browser.findElements(By.cssSelector("#suggestions .suggested-chapter")).stream()
                .map(item -> Long.parseLong(item.getAttribute("data-start"))).toList();
        assertEquals(0L, offered.get(0));
        assertEquals(pauses.get(0)[1], offered.get(1), 300, "after the first silence");
        assertEquals(pauses.get(1)[1], offered.get(2), 300, "after the longest silence");
        suggestion(offered.get(0)).findElement(By.xpath(".//button[.='Accept']")).click();
        focusedTitle().sendKeys("Ouverture", Keys.ENTER);
        suggestion(offered.get(1)).findElement(By.xpath(".//button[.='Reject']")).click();
        suggestion(offered.get(2)).findElement(By.xpath(".//button[.='Accept']")).click();
        focusedTitle().sendKeys("Deuxième chapitre", Keys.ENTER);
        assertTrue(browser.findElements(By.cssSelector("#suggestions .suggested-chapter")).isEmpty());
        assertEquals(List.of(), Api.object(producer.get(api + "/chapters")).getJsonArray("chapters"), "nothing saved yet");

        // Two chapters: Apple's warning, live.
        wait.until(driver -> !driver.findElements(By.cssSelector("#checks [data-app=apple]")).isEmpty());

        // M inside the last silence: the start goes to its nearer edge, and says so.
        js("document.getElementById('player').currentTime = arguments[0]", (pauses.get(2)[0] + 250) / 1000.0);
        wait.until(driver -> Math.abs(((Number) js("return document.getElementById('player').currentTime")).doubleValue() * 1000
                - (pauses.get(2)[0] + 250)) < 30);
        browser.findElement(By.tagName("body")).sendKeys("m");
        focusedTitle().sendKeys("La fin", Keys.ENTER);
        assertEquals(pauses.get(2)[0], startOf(2), 50, "snapped to the start of the pause");
        assertTrue(browser.findElement(By.id("snap-status")).getText().startsWith("Chapter start snapped to a pause"));
        wait.until(driver -> driver.findElements(By.cssSelector("#checks [data-app=apple]")).isEmpty());

        // Drag the second chapter's handle into the middle of the first silence: it snaps to its nearer edge.
        long target = pauses.get(0)[0] + 300;
        var frames = drag(startOf(1), target);
        assertEquals(pauses.get(0)[0], startOf(1), 50, "dropped near the start of the first pause");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("save"))).click();
        wait.until(ExpectedConditions.textMatches(By.id("save-status"), Pattern.compile("Saved")));
        var saved = Api.object(producer.get(api + "/chapters")).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(List.of("Ouverture", "Deuxième chapitre", "La fin"), saved.stream().map(c -> c.getString("title")).toList());
        assertEquals(0, saved.get(0).getJsonNumber("startTime").doubleValue());
        assertEquals(pauses.get(0)[0] / 1000.0, saved.get(1).getJsonNumber("startTime").doubleValue(), 0.05);
        assertEquals(pauses.get(2)[0] / 1000.0, saved.get(2).getJsonNumber("startTime").doubleValue(), 0.05);
        assertTrue(frames < 100, "the longest frame of a drag: " + frames + " ms");
        Chromium.screenshot(browser, "studio-waveform-marked.png");
        assertConsoleShowsOnly();
    }

    @Test
    void aSixtyMinuteWaveformPaintsAndDragsWithoutFreezing() throws Exception {
        var email = newProducer();
        var producer = Api.basic(email, PASSWORD);
        var show = producer.createShow("Épique long " + UUID.randomUUID().toString().substring(0, 6)).getString("slug");
        // An hour at 32 kbit/s, so that it fits the test server's upload limit; its level swells and ebbs.
        var directory = Files.createDirectories(Path.of("target", "e2e-studio-waveform").toAbsolutePath());
        var hour = directory.resolve("hour.mp3");
        Tools.run(List.of(Tools.require("ffmpeg", "/usr/bin/ffmpeg").toString(), "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=f=220:d=3600:sample_rate=22050", "-af", "volume='0.2+0.8*abs(sin(t/7))':eval=frame", "-ac", "1", "-b:a", "32k",
                hour.toString()));
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Une heure").build(), Files.readAllBytes(hour));
        assertEquals(201, created.statusCode(), created.body());
        var episode = Api.object(created).getString("slug");
        var api = "/api/podcasts/" + show + "/episodes/" + episode;
        Poll.until("the hour's waveform", Duration.ofSeconds(240), () -> Optional.of(producer.get(api + "/waveform"))
                .filter(answer -> answer.statusCode() == 200));
        var chapters = Json.createObjectBuilder().add("version", "1.2.0").add("chapters", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("startTime", 0).add("title", "Début"))
                .add(Json.createObjectBuilder().add("startTime", 1200).add("title", "Milieu"))
                .add(Json.createObjectBuilder().add("startTime", 2400).add("title", "Fin"))).build().toString();
        var etag = producer.get(api + "/chapters").headers().firstValue("ETag").orElseThrow();
        assertEquals(200, producer.send("PUT", api + "/chapters", "application/json", chapters, "If-Match", etag).statusCode());

        signIn(email, Api.BASE + "/studio/shows/" + show + "/episodes/" + episode + "/chapters");
        wait.until(ExpectedConditions.attributeToBe(By.id("waveform-panel"), "data-ready", "true"));
        double painted = ((Number) js("return performance.getEntriesByName('waveform-painted')[0].startTime")).doubleValue();
        double loaded = ((Number) js("return performance.timing.domContentLoadedEventEnd - performance.timing.navigationStart")).doubleValue();
        var frames = drag(1_200_000, 1_500_000);
        assertEquals(1_500_000, startOf(1), 60 * 60 * 1000 / 800.0, "moved to where it was dropped (a pixel is seconds at this zoom)");
        var times = Map.of("page (DOMContentLoaded) ms", loaded, "waveform first painted ms", painted, "longest frame of a drag ms", frames);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "studio-waveform.txt"), times.toString() + "\n");
        System.out.println("60-minute waveform in Chromium: " + times);
        assertTrue(painted < 5000, "painted " + painted + " ms after navigation");
        assertTrue(frames < 100, "the longest frame of a drag: " + frames + " ms");
        assertConsoleShowsOnly();
    }

    /** Drags chapter handle at {@code fromMs} to {@code toMs} in steps; the longest frame the page took meanwhile, in ms. */
    double drag(long fromMs, long toMs) {
        var canvas = browser.findElement(By.id("waveform"));
        js("window.frameGaps = []; let last = performance.now(); window.watching = true;"
                + "const tick = now => { window.frameGaps.push(now - last); last = now; if (window.watching) requestAnimationFrame(tick); };"
                + "requestAnimationFrame(tick);");
        var actions = new Actions(browser).moveToElement(canvas, offsetOf(canvas, fromMs), 0).clickAndHold();
        int steps = 12;
        for (int i = 1; i <= steps; i++) {
            actions.moveToElement(canvas, offsetOf(canvas, fromMs + (toMs - fromMs) * i / steps), 0);
        }
        actions.release().perform();
        js("window.watching = false");
        var gaps = (List<?>) js("return window.frameGaps.slice(1)");
        return gaps.stream().mapToDouble(g -> ((Number) g).doubleValue()).max().orElse(0);
    }

    /** Selenium's offsets are from the element's centre; the canvas shows the view the page scrolled to. */
    int offsetOf(WebElement canvas, long ms) {
        var x = ((Number) js("const canvas = arguments[0]; const scroller = canvas.parentElement;"
                + "const spacer = scroller.querySelector('.waveform-spacer');"
                + "const msPerPx = arguments[2] / spacer.getBoundingClientRect().width;"
                + "return arguments[1] / msPerPx - scroller.scrollLeft;", canvas, ms, durationMs())).doubleValue();
        return (int) Math.round(x - canvas.getRect().getWidth() / 2.0);
    }

    long durationMs() {
        return Long.parseLong(browser.findElement(By.id("waveform-panel")).getAttribute("data-duration-ms"));
    }

    long startOf(int index) {
        var text = browser.findElements(By.cssSelector(".chapter-row .start-input")).get(index).getAttribute("value");
        var parts = text.split("[:.]");
        return ((Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 60 + Long.parseLong(parts[2])) * 1000 + Long.parseLong(parts[3]);
    }

    WebElement suggestion(long start) {
        return browser.findElement(By.cssSelector("#suggestions .suggested-chapter[data-start='" + start + "']"));
    }

    private static String newProducer() {
        var email = "waveform-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        assertEquals(201, Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", email)
                .add("password", PASSWORD).add("name", "Léa").build()).statusCode());
        return email;
    }

    private void signIn(String email, String page) {
        browser = Chromium.open(true, "en-GB,en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(page);
        wait.until(ExpectedConditions.urlContains("/studio/sign-in"));
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private WebElement focusedTitle() {
        return wait.until(driver -> {
            var active = driver.switchTo().activeElement();
            return active.getAttribute("class").contains("title-input") ? active : null;
        });
    }

    /** Nothing on the console but the favicon and the editor's preview of a row whose title is not typed yet (a 422). */
    private void assertConsoleShowsOnly() {
        var unexpected = Arrays.stream(Chromium.consoleErrors(browser).split("\n")).filter(line -> !line.isBlank())
                .filter(line -> !line.contains("/favicon.ico - Failed to load resource"))
                .filter(line -> !line.matches(".*/chapters/import\\?format=json&preview=true - Failed to load resource: .*status of 422.*"))
                .toList();
        assertEquals(List.of(), unexpected, "the console");
    }
}
