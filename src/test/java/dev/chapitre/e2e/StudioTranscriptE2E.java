package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.TranscriptsIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A producer's transcript in the studio, in a real browser: a refused file shows its defect by line
 * next to the input and saves nothing; a good one shows what was read; in the chapter editor a
 * sentence's + starts a chapter at its time to the millisecond, and titles are suggested from the
 * transcript; deleting the transcript asks first.
 */
class StudioTranscriptE2E {

    static final String BROKEN = """
            WEBVTT

            00:00:00.000 --> 00:00:02.500
            <v Léa>Bonjour et bienvenue dans Épique.

            00:00:02.500 --> 00:00:0x.125
            <v Marc Petit>Merci Léa.
            """;

    static final String PASSWORD = "transcript-e2e-password";
    static final int CUES = 4000;

    WebDriver browser;
    WebDriverWait wait;

    @AfterEach
    void close() {
        Chromium.checkAndQuit(browser);
    }

    @Test
    void aProducerUploadsATranscriptAndMarksChaptersAlongIt() throws Exception {
        var email = newProducer();
        var producer = Api.basic(email, PASSWORD);
        var show = producer.createShow("Épique transcrit " + UUID.randomUUID().toString().substring(0, 6)).getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "L'Élysée en 2017")
                .add("persons", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Léa Martin").add("role", "host")))
                .build(), Fixtures.cbrMp3Of(12));
        assertEquals(201, created.statusCode(), created.body());
        var episode = Api.object(created).getString("slug");
        var api = "/api/podcasts/" + show + "/episodes/" + episode;
        var episodePage = Api.BASE + "/studio/shows/" + show + "/episodes/" + episode;
        Files.createDirectories(Chromium.SCREENSHOTS);
        var broken = Chromium.SCREENSHOTS.resolve("transcript-broken.vtt");
        Files.writeString(broken, BROKEN);
        var good = Chromium.SCREENSHOTS.resolve("transcript.vtt");
        Files.writeString(good, TranscriptsIT.VTT);

        signIn(email, episodePage);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "L'Élysée en 2017"));
        assertEquals("fr", browser.findElement(By.name("language")).getAttribute("value"), "the show's language by default");

        var file = browser.findElement(By.cssSelector("#transcript-form input[name=file]"));
        file.sendKeys(broken.toString());
        browser.findElement(By.id("transcript-upload")).click();
        var refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript-form [data-error-for=file]")));
        assertTrue(refused.getText().startsWith("Line 6: "), refused.getText());
        assertEquals("true", file.getAttribute("aria-invalid"));
        assertTrue(file.getAttribute("value").endsWith("transcript-broken.vtt"), "the chosen file stays: " + file.getAttribute("value"));
        assertEquals("fr", browser.findElement(By.name("language")).getAttribute("value"));
        assertEquals(404, producer.get(api + "/transcript").statusCode(), "nothing saved");
        assertConsoleShowsOnly(Pattern.compile(".*/transcript\\?language=fr - Failed to load resource: .*status of 422.*"));

        file.sendKeys(good.toString());
        browser.findElement(By.id("transcript-upload")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#transcript-summary .cue-count"), "3"));
        assertEquals("", browser.findElement(By.cssSelector("#transcript-form [data-error-for=file]")).getText());
        assertEquals("WebVTT", browser.findElement(By.cssSelector("#transcript-summary .source-format")).getText());
        assertEquals(List.of("Léa — matched to Léa Martin", "Marc Petit"), texts(".speakers li"));
        assertEquals(List.of("WebVTT", "SRT", "JSON", "Page to read"), texts(".transcript-links a"));
        assertEquals("Replace the transcript", browser.findElement(By.id("transcript-upload")).getText());
        assertEquals(3, Api.object(producer.get(api + "/transcript")).getInt("cueCount"));
        Chromium.screenshot(browser, "studio-transcript.png");
        // The transcript changed the episode (it links it): saving the episode right after is no conflict.
        var title = browser.findElement(By.cssSelector("#episode-form input[name=title]"));
        title.clear();
        title.sendKeys("Sous-titré, renommé");
        browser.findElement(By.cssSelector("#episode-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#episode-form .form-status"), Pattern.compile("Saved")));
        assertEquals("Sous-titré, renommé", Api.object(producer.get(api)).getString("title"));

        browser.findElement(By.linkText("Mark chapters along the transcript")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#transcript-panel .cue")).size() == 3);
        assertEquals("3 sentences", browser.findElement(By.cssSelector("#transcript-panel .cue-count")).getText());
        addChapterAtCue(0, "Ouverture");
        addChapterAtCue(2, "La campagne");
        assertEquals(List.of("00:00:00.000", "00:00:05.125"), values(".chapter-row .start-input"), "each at its sentence's start");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("save")));
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textMatches(By.id("save-status"), Pattern.compile("Saved")));
        var chapters = Api.object(producer.get(api + "/chapters")).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(5.125, chapters.get(1).getJsonNumber("startTime").doubleValue());
        assertEquals("La campagne", chapters.get(1).getString("title"));

        browser.findElement(By.id("suggest-titles")).click();
        var offer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".chapter-row:nth-child(2) .suggestion")));
        var suggested = Api.object(producer.get(api + "/transcript/chapter-titles")).getJsonArray("chapters").getJsonObject(1).getString("suggestedTitle");
        assertTrue(offer.getText().contains(suggested), offer.getText());
        offer.findElement(By.xpath(".//button[.='Use this title']")).click();
        assertEquals(suggested, values(".chapter-row .title-input").get(1));
        assertTrue(browser.findElements(By.cssSelector(".chapter-row:nth-child(2) .suggestion")).isEmpty());
        assertEquals("La campagne", Api.object(producer.get(api + "/chapters")).getJsonArray("chapters").getJsonObject(1).getString("title"),
                "nothing saved before the producer saves");
        Chromium.screenshot(browser, "studio-transcript-editor.png");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("save")));
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textMatches(By.id("save-status"), Pattern.compile("Saved")));
        assertEquals(suggested, Api.object(producer.get(api + "/chapters")).getJsonArray("chapters").getJsonObject(1).getString("title"));
        assertConsoleShowsOnly(null);

        browser.get(episodePage);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript-delete"))).click();
        var confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript-confirm")));
        browser.findElement(By.id("transcript-delete-no")).click();
        assertFalse(confirm.isDisplayed());
        assertEquals(200, producer.get(api + "/transcript").statusCode(), "kept when the producer says no");
        browser.findElement(By.id("transcript-delete")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("transcript-delete-yes"))).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#transcript-form .form-status"), "Transcript deleted."));
        assertTrue(browser.findElement(By.id("no-transcript")).isDisplayed());
        assertEquals(404, producer.get(api + "/transcript").statusCode());
        assertConsoleShowsOnly(null);
    }

    @Test
    void fourThousandSentencesAreListedWithoutFreezingTheEditor() throws Exception {
        var email = newProducer();
        var producer = Api.basic(email, PASSWORD);
        var show = producer.createShow("Épique long " + UUID.randomUUID().toString().substring(0, 6)).getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Dix minutes").build(), Fixtures.cbrMp3Of(610));
        assertEquals(201, created.statusCode(), created.body());
        var episode = Api.object(created).getString("slug");
        var api = "/api/podcasts/" + show + "/episodes/" + episode;
        var vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < CUES; i++) {
            vtt.append("\n").append(clock(i * 150L)).append(" --> ").append(clock(i * 150L + 150))
                    .append("\n<v ").append(i % 2 == 0 ? "Léa" : "Marc").append(">Phrase numéro ").append(i).append(" du long épisode.\n");
        }
        assertEquals(201, producer.sendBytes("PUT", api + "/transcript", "text/vtt", vtt.toString().getBytes(StandardCharsets.UTF_8)).statusCode());

        browser = Chromium.open(true, "en-GB,en");
        // Every task longer than 50 ms the page runs, recorded from its very start.
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.longestTask = 0; new PerformanceObserver(list => list.getEntries().forEach(e => {"
                        + " window.longestTask = Math.max(window.longestTask, e.duration); })).observe({type: 'longtask'});"));
        signIn(email, Api.BASE + "/studio/shows/" + show + "/episodes/" + episode + "/chapters");
        wait.until(driver -> js("return document.querySelectorAll('#transcript-panel .cue').length").equals((long) CUES));
        assertEquals("4,000 sentences", browser.findElement(By.cssSelector("#transcript-panel .cue-count")).getText());
        var longest = ((Number) js("return window.longestTask")).doubleValue();
        assertTrue(longest < 250, "the page never stops answering for long: its longest task took " + longest + " ms");

        browser.findElement(By.id("cue-filter")).sendKeys("numéro 3999 ");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#transcript-panel .cue-count"), "1 of 4,000 sentences"));
        js("document.getElementById('player').currentTime = 450.1");
        wait.until(driver -> "3000".equals(js("return document.querySelector('#transcript-panel .cue.current')?.dataset.index")));
        browser.findElement(By.cssSelector("#transcript-panel .cue:not([hidden]) .add-chapter")).click();
        focusedTitle().sendKeys("La fin", Keys.ENTER);
        assertEquals(List.of("00:09:59.850"), values(".chapter-row .start-input"), "the 4,000th sentence's start");
        assertConsoleShowsOnly(null);
    }

    private static String clock(long ms) {
        return String.format("%02d:%02d:%02d.%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static String newProducer() {
        var email = "transcript-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        assertEquals(201, Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", email)
                .add("password", PASSWORD).add("name", "Léa").build()).statusCode());
        return email;
    }

    /** Opens a studio page through the sign-in form it redirects to. */
    private void signIn(String email, String page) {
        if (browser == null) {
            browser = Chromium.open(true, "en-GB,en");
        }
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(page);
        wait.until(ExpectedConditions.urlContains("/studio/sign-in"));
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The sentence's + adds a row focused on its title, as the M key does. */
    private void addChapterAtCue(int index, String title) {
        browser.findElements(By.cssSelector("#transcript-panel .cue .add-chapter")).get(index).click();
        focusedTitle().sendKeys(title, Keys.ENTER);
    }

    private WebElement focusedTitle() {
        return wait.until(driver -> {
            var active = driver.switchTo().activeElement();
            return active.getAttribute("class").contains("title-input") ? active : null;
        });
    }

    /**
     * Nothing on the console since the last look but the expected lines (the browser logs a refused
     * request), the browser's own favicon request, which no studio page asks for, and the editor's
     * checks of a row whose title is not typed yet (a 422 preview).
     */
    private void assertConsoleShowsOnly(Pattern expected) {
        var unexpected = Arrays.stream(Chromium.consoleErrors(browser).split("\n")).filter(line -> !line.isBlank())
                .filter(line -> !line.contains("/favicon.ico - Failed to load resource"))
                .filter(line -> !line.matches(".*/chapters/import\\?format=json&preview=true - Failed to load resource: .*status of 422.*"))
                .filter(line -> expected == null || !expected.matcher(line).matches()).toList();
        assertEquals(List.of(), unexpected, "the console");
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private List<String> values(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("value")).toList();
    }
}
