package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In the chapter editor, in Chromium: an image chosen on a row is uploaded and shown, a refused one
 * explained on its row, an unsaved list asked to be saved first, and the list saved afterwards with
 * the ETag the image upload moved (no conflict), then the image removed.
 */
class StudioChapterImageE2E {

    WebDriver browser;

    @AfterEach
    void close() {
        Chromium.checkAndQuit(browser);
    }

    @Test
    void aProducerGivesAChapterAnImageFromItsRow() throws Exception {
        var email = "images-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        assertEquals(201, Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", email)
                .add("password", "images-e2e-password").add("name", "Léa").build()).statusCode());
        var producer = Api.basic(email, "images-e2e-password");
        var show = producer.createShow("Images au studio").getString("slug");
        var episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Un").build(), Fixtures.cbrMp3()))
                .getString("slug");
        var api = "/api/podcasts/" + show + "/episodes/" + episode;
        assertEquals(200, producer.send("PUT", api + "/chapters", "application/json",
                "{\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"},{\"startTime\":3,\"title\":\"Suite\"}]}").statusCode());
        Files.createDirectories(Chromium.SCREENSHOTS);
        var png = Files.write(Chromium.SCREENSHOTS.resolve("chapter-image.png"), Fixtures.image("png", 1600, 900));
        var text = Files.writeString(Chromium.SCREENSHOTS.resolve("not-an-image.png"), "not an image", StandardCharsets.UTF_8);

        browser = Chromium.open(true, "en-GB,en");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(Api.BASE + "/studio/shows/" + show + "/episodes/" + episode + "/chapters");
        wait.until(ExpectedConditions.urlContains("/studio/sign-in"));
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys("images-e2e-password", Keys.ENTER);
        wait.until(driver -> driver.findElements(By.cssSelector(".chapter-row")).size() == 2);

        row(2).findElement(By.cssSelector(".image-file")).sendKeys(text.toString());
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".chapter-row:nth-child(2) .image-message"),
                "The image of chapter 2 was not saved: it is not a JPEG or PNG image (it is text)."));

        row(1).findElement(By.cssSelector(".image-file")).sendKeys(png.toString());
        // said at once, then followed until the MP3 carries it ("Saved. MP3 re-tagged …")
        wait.until(ExpectedConditions.textMatches(By.id("save-status"),
                java.util.regex.Pattern.compile("^(Image of chapter 1 saved\\. Writing it into the MP3|Saved\\. MP3 re-tagged)")));
        var preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".chapter-row:nth-child(1) .image-control img")));
        wait.until(driver -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth === 1400", preview));
        var stored = Api.object(producer.get(api + "/chapters")).getJsonArray("chapters").getJsonObject(0).getString("img");
        assertEquals(stored, row(1).findElement(By.cssSelector(".img-input")).getAttribute("value"));
        Chromium.screenshot(browser, "studio-chapter-image.png");

        var title = row(2).findElement(By.cssSelector(".title-input"));
        title.sendKeys(" et fin");
        row(2).findElement(By.cssSelector(".image-file")).sendKeys(png.toString());
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".chapter-row:nth-child(2) .image-message"),
                "Save the chapters first: an image goes to a saved chapter, by its number."));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("save"))).click();
        wait.until(ExpectedConditions.textMatches(By.id("save-status"), java.util.regex.Pattern.compile("^Saved")));
        assertTrue(browser.findElement(By.id("conflict")).getAttribute("hidden") != null, "the upload's ETag was the editor's: no conflict");
        var saved = Api.object(producer.get(api + "/chapters")).getJsonArray("chapters");
        assertEquals("Suite et fin", saved.getJsonObject(1).getString("title"));
        assertEquals(stored, saved.getJsonObject(0).getString("img"), "the saved list keeps the image");

        row(1).findElement(By.xpath(".//button[text()='Remove image']")).click();
        wait.until(driver -> driver.findElements(By.cssSelector(".chapter-row:nth-child(1) .image-control img")).isEmpty());
        assertFalse(Api.object(producer.get(api + "/chapters")).getJsonArray("chapters").getJsonObject(0).containsKey("img"));
    }

    private WebElement row(int number) {
        return browser.findElement(By.cssSelector(".chapter-row:nth-child(" + number + ")"));
    }
}
