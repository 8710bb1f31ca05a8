package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.chapitre.it.Api;
import dev.chapitre.it.Poll;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A producer's whole path through the studio in a real browser: sign in, create a show (a broken
 * rule shown next to its field), upload an MP3 (the progress bar reaches 100 %), mark three
 * chapters by ear with the M key, save, publish;
 * then the downloaded MP3 (read by ffprobe) and the feed carry the chapters at the marked times.
 */
class StudioE2E {

    private static final double TOLERANCE_SECONDS = 0.25;

    WebDriver browser;

    @AfterEach
    void close() {
        Chromium.checkAndQuit(browser);
    }

    @Test
    void theAdminDownloadsABackupFromTheProducersPage() {
        browser = Chromium.open(true, "en-GB,en");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(Api.BASE + "/studio/producers");
        wait.until(ExpectedConditions.urlContains("/studio/sign-in"));
        browser.findElement(By.name("email")).sendKeys(Api.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Producers"));
        browser.findElement(By.cssSelector("#backup-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#backup-form .form-status"),
                Pattern.compile("Downloaded chapitre-backup-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z\\.zip \\(\\d+ KiB\\)\\.")));
        assertTrue(browser.findElement(By.cssSelector("#backup-form .form-error")).getText().isEmpty());

        // The switch in the bar: French for this browser from now on, whatever it asks for, until switched back.
        browser.findElement(By.linkText("Français")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Producteurs"));
        browser.get(Api.BASE + "/studio");
        assertEquals("Vos émissions", browser.findElement(By.tagName("h1")).getText());
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your shows"));
    }

    @Test
    void aProducerUploadsAnEpisodeAndMarksChaptersByEar() throws Exception {
        var ffmpeg = Tools.require("ffmpeg", "/usr/bin/ffmpeg");
        var ffprobe = Tools.require("ffmpeg", "/usr/bin/ffprobe");
        Files.createDirectories(Chromium.SCREENSHOTS);
        var mp3 = Chromium.SCREENSHOTS.resolve("studio-episode.mp3");
        Tools.run(List.of(ffmpeg.toString(), "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=330:duration=60",
                "-ac", "2", "-ar", "44100", "-b:a", "192k", mp3.toString()));

        var email = "studio-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        assertEquals(201, Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", email)
                .add("password", "studio-e2e-password").add("name", "Benjamin").build()).statusCode());

        browser = Chromium.open(true, "fr-FR,fr");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(Api.BASE + "/studio");
        wait.until(ExpectedConditions.urlContains("/studio/sign-in"));
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys("studio-e2e-password", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Vos émissions")); // the browser asks for French

        browser.findElement(By.linkText("Nouvelle émission")).click();
        var showTitle = "Épique studio " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.name("title")).sendKeys(showTitle);
        browser.findElement(By.name("language")).sendKeys("français");
        browser.findElement(By.name("author")).sendKeys("Benjamin");
        browser.findElement(By.cssSelector("#show-form button[type=submit]")).click();
        // The API's 422 names the field; the studio puts the rule next to that input, whatever its wording.
        var language = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#show-form [data-error-for=language]")));
        // the field by its French label, then the API's reason, which it words in French for the studio
        assertEquals("Langue : doit être une étiquette de langue BCP 47, comme « fr » ou « en-GB ».", language.getText(), "the API's reason in the studio's language");
        assertEquals("true", browser.findElement(By.name("language")).getAttribute("aria-invalid"));
        assertEquals("", browser.findElement(By.cssSelector("#show-form [data-error-for=title]")).getText());
        var detail = browser.findElement(By.cssSelector("#show-form .form-error"));
        assertTrue(detail.isDisplayed(), "the detail is on top of the form");
        assertEquals("L’émission n’est pas valide : Langue : doit être une étiquette de langue BCP 47, comme « fr » ou « en-GB »",
                detail.getText(), "the API's detail in the studio's language");
        browser.findElement(By.name("language")).clear();
        browser.findElement(By.name("language")).sendKeys("fr");
        // Apple's categories to choose from (only the chosen one's subcategories offered), and the artwork with the rest
        new Select(browser.findElement(By.name("category"))).selectByVisibleText("Société et culture");
        var subcategories = browser.findElements(By.cssSelector("#f-subcategory option")).stream().filter(WebElement::isEnabled)
                .map(WebElement::getText).toList();
        assertTrue(subcategories.contains("Documentaire") && !subcategories.contains("Livres"), subcategories.toString());
        new Select(browser.findElement(By.name("subcategory"))).selectByVisibleText("Documentaire");
        var artwork = Chromium.SCREENSHOTS.resolve("studio-artwork.jpg");
        Tools.run(List.of(ffmpeg.toString(), "-y", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=navy:s=1400x1400", "-frames:v", "1",
                artwork.toString()));
        browser.findElement(By.name("artwork")).sendKeys(artwork.toString());
        browser.findElement(By.cssSelector("#show-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), showTitle));
        var show = browser.getCurrentUrl().replaceAll(".*/studio/shows/", "");
        assertTrue(browser.findElement(By.cssSelector("img.artwork-preview")).isDisplayed(), "the artwork came with the creation");
        var met = browser.findElements(By.cssSelector("#readiness li.met")).stream().map(WebElement::getText).toList();
        var missing = browser.findElements(By.cssSelector("#readiness li.missing")).stream().map(WebElement::getText).toList();
        assertTrue(met.stream().anyMatch(item -> item.contains("Illustration")) && met.stream().anyMatch(item -> item.contains("catégorie")), met.toString());
        assertTrue(missing.stream().anyMatch(item -> item.contains("Au moins un épisode publié")), missing.toString());
        assertTrue(missing.stream().anyMatch(item -> item.contains("L’e-mail du propriétaire")), missing.toString());
        assertEquals("#f-ownerEmail", browser.findElement(By.linkText("Donner l’e-mail du propriétaire")).getAttribute("hash"), "a link to the missing field");

        browser.findElement(By.linkText("Nouvel épisode")).click();
        browser.findElement(By.name("title")).sendKeys("2017 – 1er PM");
        browser.findElement(By.name("description")).sendKeys("Au programme :\n0:00 Intro\n0:20 - Deuxième partie\n0:40 Fin et crédits");
        var notes = Chromium.SCREENSHOTS.resolve("not-audio.txt");
        Files.writeString(notes, "Ceci n'est pas un MP3.");
        browser.findElement(By.name("audio")).sendKeys(notes.toString());
        browser.findElement(By.cssSelector("#episode-form button[type=submit]")).click();
        var refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for=audio]")));
        assertTrue(refused.getText().contains("« not-audio.txt » n’est pas un fichier MP3"), refused.getText());
        browser.findElement(By.name("audio")).sendKeys(mp3.toString());
        // Record every state of the progress bar, across the page change that follows success.
        js("sessionStorage.removeItem('progress');"
                + "new MutationObserver(() => { const seen = JSON.parse(sessionStorage.getItem('progress') || '[]');"
                + " seen.push(document.getElementById('upload-percent').textContent + ' ' + document.getElementById('upload-rate').textContent);"
                + " sessionStorage.setItem('progress', JSON.stringify(seen)); })"
                + ".observe(document.querySelector('.progress'), {subtree: true, childList: true, characterData: true, attributes: true});");
        browser.findElement(By.cssSelector("#episode-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/studio/shows/" + show + "/episodes/[a-z0-9-]+$"));
        var progress = (String) js("return sessionStorage.getItem('progress')");
        assertTrue(progress != null && progress.contains("100 %"), "the progress bar reached 100 %: " + progress);
        assertTrue(progress.contains("Mo/s"), "the upload speed was shown, in megabytes the French way: " + progress);
        var episodeUrl = browser.getCurrentUrl();
        var episode = episodeUrl.replaceAll(".*/episodes/", "");
        assertEquals("brouillon", browser.findElement(By.id("episode-status")).getText());

        browser.findElement(By.linkText("Marquer les chapitres")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-chapters")));
        browser.findElement(By.id("play")).click();
        var marked = new ArrayList<Double>();
        var titles = List.of("Ouverture", "Le premier ministre", "L’Élysée « enfin » 🎙️");
        for (int i = 0; i < 3; i++) {
            var at = 2.0 + 4.0 * i;
            wait.until(driver -> currentTime() >= at);
            marked.add(currentTime());
            new Actions(browser).sendKeys("m").perform();
            var title = wait.until(driver -> {
                var active = driver.switchTo().activeElement();
                return active.getAttribute("class").contains("title-input") ? active : null;
            });
            if (i == 0) { // the check that follows a mark waits for its title instead of flagging it red
                wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Donnez un titre au chapitre 1 pour enregistrer."));
                assertTrue(browser.findElements(By.cssSelector(".chapter-row.invalid")).isEmpty(), "a new mark is not an error");
                assertEquals("", browser.findElement(By.cssSelector(".chapter-row .row-error")).getText());
            }
            title.sendKeys(titles.get(i));
            title.sendKeys(Keys.ENTER);
        }
        var starts = browser.findElements(By.cssSelector(".chapter-row .start-input")).stream().map(e -> e.getAttribute("value")).toList();
        assertEquals(3, starts.size(), "three rows: " + starts);
        for (int i = 0; i < 3; i++) {
            assertEquals(marked.get(i), seconds(starts.get(i)), TOLERANCE_SECONDS, "row " + i + " starts where M was pressed");
        }
        js("document.getElementById('player').pause()");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("save")));
        // what the apps will make of these chapters, worded by the API in the studio's language
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#checks li[data-app=spotify]"),
                "Spotify : Spotify n’affiche les chapitres que si le premier commence à 0:00"));
        Chromium.screenshot(browser, "studio-editor.png");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textMatches(By.id("save-status"), Pattern.compile("MP3 réétiqueté")));
        Chromium.screenshot(browser, "studio-editor-saved.png");

        browser.get(episodeUrl);
        browser.findElement(By.cssSelector("[data-publish=now]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("episode-status"), "publié"));
        assertTrue(browser.findElements(By.cssSelector("[data-publish=now]")).isEmpty(), "no Publish now for a published episode");
        browser.findElement(By.cssSelector("[data-publish=unpublish]")).click();
        var confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-confirm")));
        assertTrue(confirm.getText().contains("les applications de podcast le retirent"), confirm.getText());
        browser.findElement(By.id("publish-confirm-no")).click();
        assertFalse(confirm.isDisplayed());
        browser.navigate().refresh();
        assertEquals("publié", browser.findElement(By.id("episode-status")).getText(), "kept published when the producer said no");

        var api = Api.basic(email, "studio-e2e-password");
        var episodeJson = Api.object(api.get("/api/podcasts/" + show + "/episodes/" + episode));
        var downloaded = Chromium.SCREENSHOTS.resolve("studio-downloaded.mp3");
        // fetched as a podcast app does: the statistics below must count it
        var media = Api.HTTP.send(HttpRequest.newBuilder(URI.create(episodeJson.getJsonObject("audio").getString("url")))
                        .header("User-Agent", "AntennaPod/3.4.0").build(),
                HttpResponse.BodyHandlers.ofFile(downloaded));
        assertEquals(200, media.statusCode());
        var probe = Json.createReader(new StringReader(Tools.run(List.of(ffprobe.toString(), "-v", "error", "-show_chapters",
                "-of", "json", downloaded.toString())))).readObject().getJsonArray("chapters");
        assertEquals(3, probe.size(), probe.toString());
        for (int i = 0; i < 3; i++) {
            var chapter = probe.getJsonObject(i);
            assertEquals(marked.get(i), Double.parseDouble(chapter.getString("start_time")), TOLERANCE_SECONDS, "ffprobe chapter " + i);
            assertEquals(titles.get(i), chapter.getJsonObject("tags").getString("title"));
        }

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(new InputSource(new StringReader(Api.anonymous().get("/feeds/" + show + ".xml").body())));
        var category = (Element) feed.getElementsByTagNameNS("http://www.itunes.com/dtds/podcast-1.0.dtd", "category").item(0);
        assertEquals("Society & Culture", category.getAttribute("text"), "chosen by its French name, Apple's name in the feed");
        assertEquals("Documentary", ((Element) category.getElementsByTagNameNS("http://www.itunes.com/dtds/podcast-1.0.dtd", "category").item(0))
                .getAttribute("text"));
        var psc = feed.getElementsByTagNameNS("http://podlove.org/simple-chapters", "chapter");
        assertEquals(3, psc.getLength());
        for (int i = 0; i < 3; i++) {
            var chapter = (Element) psc.item(i);
            assertEquals(seconds(Double.parseDouble(probe.getJsonObject(i).getString("start_time"))), chapter.getAttribute("start"),
                    "the feed agrees with the MP3");
            assertEquals(titles.get(i), chapter.getAttribute("title"));
        }

        // The statistics page shows that download, counted as the API counts it, in French.
        var statsUrl = "/api/podcasts/" + show + "/stats";
        Poll.until("the download counted", Duration.ofSeconds(20),
                () -> Optional.of(Api.object(api.get(statsUrl))).filter(stats -> stats.getInt("total") >= 1));
        var counted = Api.object(api.get("/api/podcasts/" + show + "/stats")).getInt("total");
        browser.get(Api.BASE + "/studio/shows/" + show);
        browser.findElement(By.linkText("Statistiques")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Statistiques"));
        assertEquals(String.valueOf(counted), browser.findElement(By.id("downloads-total")).getText());
        var apps = browser.findElements(By.cssSelector("#apps tbody tr")).stream().map(WebElement::getText).toList();
        assertTrue(apps.stream().anyMatch(row -> row.startsWith("AntennaPod 1 ")), apps.toString());
        var today = LocalDate.now(ZoneOffset.UTC);
        var bar = browser.findElements(By.cssSelector("svg.download-chart rect title")).stream()
                .map(title -> title.getAttribute("textContent")).filter(text -> text.startsWith(
                        today.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.FRENCH)) + " : ")).toList();
        assertEquals(List.of(today.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.FRENCH)) + " : "
                + counted + (counted == 1 ? " téléchargement" : " téléchargements")), bar, "today's bar, the day written the French way");
        Chromium.screenshot(browser, "studio-statistics.png");

        // A new address for the show: the studio says the old ones redirect, and they do, in the browser.
        browser.get(Api.BASE + "/studio/shows/" + show);
        assertTrue(browser.findElement(By.id("f-slug-note")).getText().contains("elles redirigent vers les nouvelles"),
                browser.findElement(By.id("f-slug-note")).getText());
        var oldShow = show;
        show = show + "-nouvelle";
        var slug = browser.findElement(By.name("slug"));
        slug.clear();
        slug.sendKeys(show);
        browser.findElement(By.cssSelector("#show-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/studio/shows/" + show + "$"));
        episodeUrl = Api.BASE + "/studio/shows/" + show + "/episodes/" + episode;
        browser.get(Api.BASE + "/podcasts/" + oldShow + "/" + episode);
        assertEquals(Api.BASE + "/podcasts/" + show + "/" + episode, browser.getCurrentUrl(), "the old episode page redirects");
        assertEquals("2017 – 1er PM", browser.findElement(By.tagName("h1")).getText());
        browser.get(Api.BASE + "/feeds/" + oldShow + ".xml");
        assertEquals(Api.BASE + "/feeds/" + show + ".xml", browser.getCurrentUrl(), "the old feed redirects");

        browser.get(episodeUrl + "/chapters");
        wait.until(driver -> driver.findElements(By.cssSelector(".chapter-row")).size() == 3);
        new Select(browser.findElement(By.id("import-format"))).selectByValue("shownotes");
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-preview")));
        var preview = browser.findElements(By.cssSelector("#preview-list li")).stream().map(e -> e.getText()).toList();
        assertEquals(List.of("00:00:00.000 Intro", "00:00:20.000 Deuxième partie", "00:00:40.000 Fin et crédits"), preview);
        Chromium.screenshot(browser, "studio-import-preview.png");
        browser.findElement(By.id("apply-import")).click();
        assertEquals(List.of("Intro", "Deuxième partie", "Fin et crédits"),
                browser.findElements(By.cssSelector(".chapter-row .title-input")).stream().map(e -> e.getAttribute("value")).toList());

        wait.until(ExpectedConditions.elementToBeClickable(By.id("save"))).click(); // nothing unsaved to hold the next page
        wait.until(ExpectedConditions.textMatches(By.id("save-status"), Pattern.compile("^Enregistré")));

        // The studio's snippet, pasted into a page of another origin: the framed player lists the chapters, and one seeks.
        browser.get(episodeUrl);
        var snippet = browser.findElement(By.id("embed-snippet")).getAttribute("value");
        assertTrue(snippet.startsWith("<iframe src=\"" + Api.BASE + "/embed/" + show + "/" + episode + "\""), snippet);
        var elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0); // another origin: another host and port
        var page = ("<!DOCTYPE html><meta charset=\"utf-8\"><title>Un blog ailleurs</title><p>Écoutez :</p>" + snippet)
                .getBytes(StandardCharsets.UTF_8);
        elsewhere.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (var body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        elsewhere.start();
        try {
            browser.get("http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/");
            browser.switchTo().frame(wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("iframe"))));
            var embedded = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".chapters a.seek")));
            assertEquals(3, embedded.size());
            embedded.get(1).click();
            wait.until(driver -> currentTime() >= 19.5); // "Deuxième partie", imported from the show notes and saved above
            assertEquals(20.0, currentTime(), 1.5, "the second chapter's start");
            browser.switchTo().defaultContent();
        } finally {
            elsewhere.stop(0);
        }

        // Deleting says what goes before anything is sent; "Keep it" keeps it, "Delete it for good" deletes it.
        browser.get(episodeUrl);
        browser.findElement(By.cssSelector("[data-delete-start]")).click();
        var confirmation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.deletion [role=alertdialog]")));
        assertTrue(confirmation.getText().contains("Son MP3, 3 chapitres (avec leurs images) et 0 note sont supprimés pour de bon"),
                confirmation.getText());
        assertTrue(confirmation.getText().contains("compté dans les statistiques de l’émission"), confirmation.getText());
        browser.findElement(By.cssSelector("[data-delete-no]")).click();
        assertEquals(200, api.get("/api/podcasts/" + show + "/episodes/" + episode).statusCode(), "kept");
        browser.findElement(By.cssSelector("[data-delete-start]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-delete-yes]"))).click();
        wait.until(ExpectedConditions.urlMatches("/studio/shows/" + show + "$"));
        assertEquals(404, api.get("/api/podcasts/" + show + "/episodes/" + episode).statusCode(), "deleted");
        assertTrue(browser.findElements(By.cssSelector("tr[data-episode=\"" + episode + "\"]")).isEmpty());
    }

    @Test
    void aListenersCommentIsApprovedAndAnInvitedEditorEditsButCannotDeleteTheShow() {
        var owner = producer("Benjamin");
        var editor = producer("Claire");
        var api = Api.basic(owner, "studio-e2e-password");
        var show = api.createShow("Courrier " + UUID.randomUUID().toString().substring(0, 6)).getString("slug");
        assertEquals(201, api.uploadEpisode(show, Json.createObjectBuilder().add("title", "Premier").add("slug", "premier")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), dev.chapitre.it.Fixtures.cbrMp3()).statusCode());
        var episodePage = Api.BASE + "/podcasts/" + show + "/premier";

        browser = Chromium.open(true, "fr-FR,fr");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(episodePage); // a listener rates with a comment
        browser.findElement(By.cssSelector("label[for=stars-4]")).click();
        browser.findElement(By.id("comment")).sendKeys("Passionnant, merci <3");
        browser.findElement(By.cssSelector(".rating-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-thanks]"),
                "Votre commentaire sera publié après relecture.")); // the listener knows why it does not show yet
        browser.navigate().refresh();
        assertTrue(browser.findElements(By.cssSelector("#comments")).isEmpty(), "not shown before the producer read it");

        signIn(wait, owner);
        var toReview = browser.findElement(By.cssSelector("a.awaiting"));
        assertEquals("1 commentaire à relire", toReview.getText());
        toReview.click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Commentaires des auditeurs"));
        var queued = browser.findElement(By.cssSelector(".queued-comment"));
        assertTrue(queued.getText().contains("Passionnant, merci <3") && queued.getText().contains("Premier"), queued.getText());
        queued.findElement(By.cssSelector("[data-decision=publish]")).click();
        wait.until(ExpectedConditions.stalenessOf(queued));
        assertEquals("0", browser.findElement(By.id("count-awaiting")).getText());
        browser.get(episodePage);
        assertEquals("Passionnant, merci <3", browser.findElement(By.cssSelector("#comments .comment-text")).getText(),
                "published, as text");

        browser.get(Api.BASE + "/studio/shows/" + show); // the owner invites the editor
        browser.findElement(By.id("i-email")).sendKeys(editor);
        browser.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
        // the page reloads to show the team as the server has it: a node found in the old document may be
        // gone before its text is read, which Chrome reports as an inspector error, not a stale element
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#team tbody"), "invité, n’a pas encore répondu"));
        browser.findElement(By.cssSelector("button.link[type=submit]")).click(); // sign out

        signIn(wait, editor);
        var invitation = browser.findElement(By.cssSelector("#invitations li"));
        assertTrue(invitation.getText().contains("Benjamin vous invite à éditer cette émission"), invitation.getText());
        invitation.findElement(By.cssSelector("[data-answer=accept]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.show-title[href='/studio/shows/" + show + "']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team")));
        assertTrue(browser.findElements(By.cssSelector("section.deletion")).isEmpty(), "an editor is not offered to delete the show");
        assertTrue(browser.findElements(By.id("invite-form")).isEmpty(), "nor to change the team");
        browser.get(Api.BASE + "/studio/shows/" + show + "/episodes/premier");
        var title = browser.findElement(By.cssSelector("#episode-form [name=title]"));
        title.clear();
        title.sendKeys("Premier, relu par Claire");
        browser.findElement(By.cssSelector("#episode-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#episode-form .form-status"), Pattern.compile("^Enregistré")));
        assertEquals("Premier, relu par Claire", Api.object(api.get("/api/podcasts/" + show + "/episodes/premier")).getString("title"));
        assertEquals(403, Api.basic(editor, "studio-e2e-password").delete("/api/podcasts/" + show).statusCode());
    }

    private static String producer(String name) {
        var email = "studio-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        assertEquals(201, Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", email)
                .add("password", "studio-e2e-password").add("name", name).build()).statusCode());
        return email;
    }

    private void signIn(WebDriverWait wait, String email) {
        browser.get(Api.BASE + "/studio");
        wait.until(ExpectedConditions.urlContains("/studio/sign-in"));
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys("studio-e2e-password", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Vos émissions"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private double currentTime() {
        return ((Number) js("return document.getElementById('player').currentTime")).doubleValue();
    }

    private static double seconds(String time) {
        var parts = time.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Double.parseDouble(parts[2]);
    }

    private static String seconds(double value) {
        long ms = Math.round(value * 1000);
        return String.format("%02d:%02d:%02d.%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
    }

}
