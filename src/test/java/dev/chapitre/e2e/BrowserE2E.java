package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The episode page in a real browser (Debian's headless Chromium): chapters seek the player, the
 * rating form works with and without JavaScript, and errors show next to the field.
 */
class BrowserE2E {

    static String episodePage;
    static String showPage;

    WebDriver browser;

    @BeforeAll
    static void anEpisodeWithChapters() throws Exception {
        Tools.require("chromium", "/usr/bin/chromium");
        Tools.require("chromium-driver", "/usr/bin/chromedriver");
        var producer = Api.newProducer();
        var show = producer.createShow("Épique dans le navigateur").getString("slug");
        var chapters = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("startTime", 0).add("title", "1. 2017 – 1er PM : les débuts"))
                .add(Json.createObjectBuilder().add("startTime", 1.5).add("title", "2. La campagne"))
                .add(Json.createObjectBuilder().add("startTime", 4.25).add("title", "3. L’Élysée « enfin » 🎙️"));
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Le premier épisode")
                .add("publishedAt", "2026-01-01T00:00:00Z").add("chapters", chapters)
                .add("description", "<p>Les notes, avec <a href=\"https://example.org\">un lien</a>.</p>").build(), Fixtures.cbrMp3());
        assertEquals(201, created.statusCode(), created.body());
        showPage = Api.BASE + "/podcasts/" + show;
        episodePage = showPage + "/" + Api.object(created).getString("slug");
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
    void clickingAChapterSeeksThePlayerThereAndHighlightsIt() throws Exception {
        browser = open(true);
        browser.get(episodePage);
        var third = browser.findElements(By.cssSelector(".chapters a.seek")).get(2);
        third.click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(driver -> currentTime(driver) >= 4.2);
        double time = currentTime(browser);
        assertTrue(time >= 4.2 && time < 6.1, "the player jumped to the third chapter: " + time);
        wait.until(ExpectedConditions.attributeContains(By.cssSelector(".chapters li:nth-child(3)"), "class", "current"));
        assertTrue(browser.getCurrentUrl().endsWith("#t=4.25"), "the address is a deep link: " + browser.getCurrentUrl());
        screenshot("episode.png");

        browser.get(episodePage + "#t=1.5");
        wait.until(driver -> Math.abs(currentTime(driver) - 1.5) < 0.3);
    }

    @Test
    void aRatingWithJavaScriptUpdatesThePageInPlace() {
        browser = open(true);
        browser.get(episodePage);
        browser.findElement(By.cssSelector("label[for='stars-4']")).click();
        browser.findElement(By.id("comment")).sendKeys("Très réussi, merci ! <script>");
        var before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("form.rating-form button[type=submit]")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-thanks]")));
        assertEquals("Merci pour votre note ! Votre commentaire sera publié après relecture.", browser.findElement(By.cssSelector("[data-thanks]")).getText());
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".rating [data-average]"), "4,0 / 5 (1 avis)"));
        assertEquals(before, browser.getCurrentUrl(), "no reload");
    }

    @Test
    void withoutJavaScriptTheFormPostsAndRedirectsWithTheSameResult() {
        browser = open(false);
        browser.get(showPage);
        browser.findElement(By.cssSelector("label[for='stars-5']")).click();
        browser.findElement(By.cssSelector("form.rating-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("rated=1"));
        assertTrue(browser.findElement(By.cssSelector("[data-thanks]")).isDisplayed());
        assertEquals("Merci pour votre note !", browser.findElement(By.cssSelector("[data-thanks]")).getText());
        assertTrue(browser.findElement(By.cssSelector(".rating [data-average]")).getText().contains("/ 5 ("),
                browser.findElement(By.cssSelector(".rating [data-average]")).getText());
    }

    @Test
    void withoutStarsTheErrorShowsNextToTheField() {
        for (boolean javascript : List.of(true, false)) {
            browser = open(javascript);
            browser.get(episodePage);
            browser.findElement(By.id("comment")).sendKeys("Pas de note");
            browser.findElement(By.cssSelector("form.rating-form button[type=submit]")).click();
            var error = new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("stars-error")));
            assertEquals("Choisissez de 1 à 5 étoiles.", error.getText(), "JavaScript " + javascript);
            assertEquals("", browser.findElement(By.cssSelector("[data-thanks]")).getText());
            assertEquals("Pas de note", browser.findElement(By.id("comment")).getAttribute("value"));
            browser.quit();
            browser = null;
        }
    }

    private static double currentTime(WebDriver driver) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.getElementById('player').currentTime")).doubleValue();
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    private static WebDriver open(boolean javascript) {
        return Chromium.open(javascript, "fr-FR,fr");
    }
}
