package dev.chapitre.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** Debian's headless Chromium through its chromedriver (both required: a missing one fails the test). */
final class Chromium {

    static final Path SCREENSHOTS = Path.of("target", "e2e-browser").toAbsolutePath();

    private Chromium() {
    }

    static WebDriver open(boolean javascript, String language) {
        var chromium = Tools.require("chromium", "/usr/bin/chromium");
        var chromedriver = Tools.require("chromium-driver", "/usr/bin/chromedriver");
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--window-size=1280,1600", "--lang=" + language.split(",")[0]);
        var prefs = new HashMap<String, Object>(Map.of("intl.accept_languages", language));
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // for assertNoPolicyViolations
        var service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The pages' Content-Security-Policy blocked nothing the pages use (a violation is logged to the console). */
    static void assertNoPolicyViolations(WebDriver browser) {
        var violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("The browser blocked: " + violations);
        }
    }

    /** After a test: the policy blocked nothing, and the browser is closed whatever happened. */
    static void checkAndQuit(WebDriver browser) {
        if (browser != null) {
            try {
                assertNoPolicyViolations(browser);
            } finally {
                browser.quit();
            }
        }
    }

    /** What the page logged to the console, for a failure's message (reading the log empties it). */
    static String consoleErrors(WebDriver browser) {
        return String.join("\n", browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList());
    }

    static void screenshot(WebDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        var file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
