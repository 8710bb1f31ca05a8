package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The producer studio's sign-in, session and access rules, as a browser meets them. */
class StudioIT {

    private static final String PASSWORD = "studio-password-é1";

    @Test
    void withoutASessionEveryStudioPageRedirectsToTheSignInForm() {
        var browser = new Browser();
        for (var path : new String[] {"/studio", "/studio/shows/epique", "/studio/shows/a/episodes/b/chapters", "/studio/producers"}) {
            var response = browser.get(path);
            assertEquals(303, response.statusCode(), path);
            assertEquals("/studio/sign-in?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
                    response.headers().firstValue("Location").orElseThrow(), path);
        }
        assertEquals(200, browser.get("/studio/sign-in").statusCode());
        assertEquals(401, browser.send("GET", "/api/podcasts", null, null).statusCode(), "the API still asks for credentials");
    }

    @Test
    void signingInOpensASafeSessionThatSigningOutEnds() {
        var producer = newProducer();
        var browser = new Browser();

        var wrong = browser.signIn(producer, "not-the-password", "/studio");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("The email or password is wrong."), wrong.body());
        assertTrue(wrong.body().contains("value=\"" + producer + "\""), "the email is kept");
        assertTrue(wrong.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("chapitre_studio=")));

        var signedIn = browser.signIn(producer, PASSWORD, "/studio/new-show");
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/studio/new-show", signedIn.headers().firstValue("Location").orElseThrow());
        var cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("chapitre_studio=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back: " + cookie);
        assertFalse(cookie.contains("Max-Age"), "a session cookie: " + cookie);

        var home = browser.get("/studio");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Your shows"));
        assertEquals("no-store", home.headers().firstValue("Cache-Control").orElseThrow());
        var stolenCookie = browser.cookie("chapitre_studio");

        assertEquals(303, browser.post("/studio/sign-out", Map.of("csrf", browser.csrf())).statusCode());
        assertEquals(303, browser.get("/studio").statusCode(), "signed out");
        var replay = new Browser();
        replay.setCookie("chapitre_studio", stolenCookie);
        assertEquals(303, replay.get("/studio").statusCode(), "the old cookie no longer opens anything");
    }

    @Test
    void theSessionCookieIsSecureBehindAnHttpsProxyAndNextNeverLeavesTheStudio() {
        var producer = newProducer();
        var browser = new Browser();
        var form = browser.signInForm("https://evil.example/phish");
        var response = browser.post("/studio/sign-in", form(form, producer, PASSWORD, "https://evil.example/phish"), "X-Forwarded-Proto", "https");
        assertEquals(303, response.statusCode());
        assertEquals("/studio", response.headers().firstValue("Location").orElseThrow());
        assertTrue(response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("chapitre_studio=") && c.contains("Secure")));
    }

    @Test
    void aSignInFormPostedFromElsewhereIsRefused() {
        var producer = newProducer();
        var attacker = new Browser();
        var forged = attacker.post("/studio/sign-in", Map.of("email", producer, "password", PASSWORD, "next", "/studio"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("chapitre_studio=")));
    }

    @Test
    void aProducerSeesOnlyTheirOwnShowsAnotherProducersShowIs404() {
        var owner = newProducer();
        var ownerApi = Api.basic(owner, PASSWORD);
        var slug = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, ownerApi.postJson("/api/podcasts", Json.createObjectBuilder().add("slug", slug).add("title", "Épique <b>").build()).statusCode());

        var ownerBrowser = new Browser();
        ownerBrowser.signedIn(owner);
        var own = ownerBrowser.get("/studio/shows/" + slug);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("Épique &lt;b&gt;"), "escaped title");
        assertTrue(ownerBrowser.get("/studio").body().contains("/studio/shows/" + slug));

        var other = new Browser();
        other.signedIn(newProducer());
        assertEquals(404, other.get("/studio/shows/" + slug).statusCode());
        assertEquals(404, other.get("/studio/shows/" + slug + "/new-episode").statusCode());
        assertEquals(404, other.get("/studio/shows/" + slug + "/episodes/anything/chapters").statusCode());
        assertFalse(other.get("/studio").body().contains(slug));
        assertEquals(404, other.send("GET", "/api/podcasts/" + slug, null, null).statusCode(), "the API through the session cookie too");
        assertEquals(403, other.get("/studio/producers").statusCode(), "only the admin manages producers");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIs403AndChangesNothing() {
        var producer = newProducer();
        var browser = new Browser();
        browser.signedIn(producer);
        var show = Json.createObjectBuilder().add("title", "Sans jeton").build().toString();

        var missing = browser.send("POST", "/api/podcasts", show, null);
        assertEquals(403, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(missing.body().contains("CSRF"), missing.body());
        assertEquals(403, browser.send("POST", "/api/podcasts", show, "not-the-token").statusCode());
        assertEquals("[]", browser.send("GET", "/api/podcasts", null, null).body(), "nothing was created");
        assertEquals(403, browser.post("/studio/sign-out", Map.of()).statusCode(), "the sign-out form too");
        assertEquals(200, browser.get("/studio").statusCode(), "still signed in");

        var created = browser.send("POST", "/api/podcasts", show, browser.csrf());
        assertEquals(201, created.statusCode(), created.body());

        var rating = browser.post("/podcasts/" + Api.object(created).getString("slug") + "/ratings", Map.of("stars", "5", "csrf", "x"));
        assertFalse(rating.body().contains("studio's CSRF token"), "the session cookie is not a studio change on public pages");
    }

    @Test
    void anEndedSessionGets401WithoutTheBrowsersLoginBox() {
        var browser = new Browser();
        browser.setCookie("chapitre_studio", "an-ended-session");
        var response = browser.send("GET", "/api/podcasts", null, null);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().allValues("WWW-Authenticate").isEmpty(), "no Basic challenge for the studio's script");
        assertTrue(response.body().contains("sign in again"), response.body());
        assertEquals(303, browser.get("/studio").statusCode(), "pages go to the sign-in form");
    }

    @Test
    void theAdminAddsProducersAndResetsAPasswordWhichEndsTheirSessions() {
        var producer = newProducer();
        var theirBrowser = new Browser();
        theirBrowser.signedIn(producer);

        var admin = new Browser();
        admin.signedIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        var page = admin.get("/studio/producers");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(producer));
        var id = Api.array(Api.admin().get("/api/producers")).stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("email").equals(producer)).findFirst().orElseThrow().getInt("id");

        var tooShort = admin.send("PUT", "/api/producers/" + id + "/password", "{\"password\":\"short\"}", admin.csrf());
        assertEquals(422, tooShort.statusCode());
        assertEquals(200, theirBrowser.get("/studio").statusCode(), "a refused reset changes nothing");

        var reset = admin.send("PUT", "/api/producers/" + id + "/password", "{\"password\":\"a-brand-new-password\"}", admin.csrf());
        assertEquals(200, reset.statusCode(), reset.body());
        assertEquals(303, theirBrowser.get("/studio").statusCode(), "their session ended with the old password");
        assertEquals(200, new Browser().signIn(producer, PASSWORD, "/studio").statusCode(), "the old password is refused");
        assertEquals(303, new Browser().signIn(producer, "a-brand-new-password", "/studio").statusCode());

        var added = "added-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        var add = admin.send("POST", "/api/producers", Json.createObjectBuilder().add("email", added)
                .add("password", "initial-password").add("name", "Added").build().toString(), admin.csrf());
        assertEquals(201, add.statusCode(), add.body());
        assertEquals(303, new Browser().signIn(added, "initial-password", "/studio").statusCode());
        var mine = new Browser();
        mine.signedIn(producer, "a-brand-new-password");
        assertEquals(403, mine.send("POST", "/api/producers", "{}", mine.csrf()).statusCode(), "adding producers is for the admin");
    }

    @Test
    void theAdminDownloadsABackupFromTheProducersPage() {
        var admin = new Browser();
        admin.signedIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        var page = admin.get("/studio/producers").body();
        assertTrue(page.contains("id=\"backup-form\"") && page.contains("data-backup=\"/api/admin/backups\""), page);

        var backup = admin.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/admin/backups")).header("Accept", "application/zip")
                .header("X-CSRF-Token", admin.csrf()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, backup.statusCode());
        assertTrue(backup.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment; filename=\"chapitre-backup-"));
        var forged = admin.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/admin/backups")).header("Accept", "application/zip")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, forged.statusCode(), "the session cookie alone does not take a backup");

        var producer = new Browser();
        producer.signedIn(newProducer());
        var notAdmin = producer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/admin/backups")).header("Accept", "application/zip")
                .header("X-CSRF-Token", producer.csrf()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, notAdmin.statusCode(), "backups are the admin's");
        assertTrue(notAdmin.body().contains("not allowed"), notAdmin.body());
    }

    @Test
    void theStudioScriptIsOneReleaseOfModulesThatBrowsersKeepForAYear() {
        var page = new Browser().get("/studio/sign-in").body();
        var entry = Pattern.compile("<script type=\"module\" src=\"(/static/studio\\.[0-9a-f]{10}/)main\\.js\"></script>").matcher(page);
        assertTrue(entry.find(), "the studio loads its entry module from a fingerprinted folder: " + page);
        var folder = entry.group(1);
        var imports = Pattern.compile("from '\\./([\\w-]+\\.js)'");
        var seen = new TreeSet<String>();
        var next = new ArrayDeque<>(List.of("main.js"));
        while (!next.isEmpty()) {
            var name = next.poll();
            if (!seen.add(name)) {
                continue;
            }
            var module = new Browser().get(folder + name);
            assertEquals(200, module.statusCode(), "every relative import resolves in the same release: " + name);
            assertTrue(module.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"), name);
            assertEquals("public, max-age=31536000, immutable", module.headers().firstValue("Cache-Control").orElseThrow(), name);
            imports.matcher(module.body()).results().map(m -> m.group(1)).forEach(next::add);
        }
        assertTrue(seen.containsAll(List.of("api.js", "forms.js", "upload.js", "chapter-editor.js")), "one module per studio feature: " + seen);
        assertEquals(404, new Browser().get("/static/studio.0000000000/main.js").statusCode(), "another release's modules are not served as this one's");
    }

    /**
     * Public addresses answer anonymous requests without asking who calls; the studio's session
     * still plays a draft, a session that ended is forgotten, and credentials that do not check out
     * are refused there as anywhere.
     */
    @Test
    void thePublicAddressesKnowTheProducerOnlyWhenTheyShould() {
        var email = newProducer();
        var producer = Api.basic(email, PASSWORD);
        var slug = producer.createShow("Qui écoute").getString("slug");
        assertEquals(201, producer.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Brouillon").build(),
                Fixtures.cbrMp3()).statusCode());
        var draft = "/media/" + slug + "/brouillon.mp3";
        var visitor = new Browser();
        assertEquals(404, visitor.get(draft).statusCode(), "a draft is nobody's business");
        assertEquals(200, visitor.get("/feeds/" + slug + ".xml").statusCode());
        assertEquals(401, Api.bearer("chp_not-a-real-token").get("/feeds/" + slug + ".xml").statusCode(),
                "a wrong token is refused on a public address too");
        assertEquals(401, Api.bearer("chp_not-a-real-token").get(draft).statusCode());

        var browser = new Browser();
        browser.signedIn(email);
        var heard = browser.get(draft);
        assertEquals(200, heard.statusCode(), "the studio's session plays the draft");
        assertEquals("private, no-store", heard.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(200, browser.get("/feeds/" + slug + ".xml").statusCode());

        var ended = new Browser();
        ended.setCookie("chapitre_studio", "an-ended-session");
        var forgotten = ended.get(draft);
        assertEquals(404, forgotten.statusCode());
        assertTrue(forgotten.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("chapitre_studio=")),
                "the ended session's cookie is cleared: " + forgotten.headers().allValues("Set-Cookie"));
    }

    @Test
    void theShowPageListsWhatAppleAndSpotifyStillNeedWithALinkToEachField() {
        var owner = newProducer();
        var slug = "pret-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Api.basic(owner, PASSWORD).postJson("/api/podcasts", Json.createObjectBuilder().add("slug", slug).add("title", "Prête ?")
                .add("category", "History").add("ownerEmail", "owner@chapitre.test").build()).statusCode());
        var browser = new Browser();
        browser.signedIn(owner);
        var page = browser.get("/studio/shows/" + slug).body();
        assertTrue(page.contains("Before you submit the feed to Apple Podcasts and Spotify"), page);
        var missing = Pattern.compile("<li class=\"missing\">(.*?)</li>", Pattern.DOTALL).matcher(page).results()
                .map(m -> m.group(1)).toList();
        assertTrue(missing.stream().anyMatch(item -> item.contains("<a href=\"#artwork\">Upload the artwork</a>")), missing.toString());
        assertTrue(missing.stream().anyMatch(item -> item.contains("<a href=\"#f-description\">")), missing.toString());
        assertTrue(missing.stream().anyMatch(item -> item.contains("At least one published episode")), missing.toString());
        assertTrue(missing.stream().anyMatch(item -> item.contains("HTTPS")), "this run serves http: " + missing);
        assertFalse(missing.stream().anyMatch(item -> item.contains("#f-category") || item.contains("#f-ownerEmail")), missing.toString());
        assertTrue(page.contains("<option value=\"Society &amp; Culture\">Society &amp; Culture</option>"), "Apple's categories to choose from");
        var french = browser.get("/studio/shows/" + slug + "?lang=fr").body();
        assertTrue(french.contains("<option value=\"Society &amp; Culture\">Société et culture</option>"), "in French, Apple's name chosen");
        assertTrue(french.indexOf(">Éducation</option>") < french.indexOf(">Enfants et famille</option>"), "in French alphabetical order");
        assertTrue(page.contains("<option value=\"fr-CA\">Français (Canada)</option>"), "languages by their own names");
    }

    @Test
    void theStatisticsPageDrawsTheDownloadsCountedWithoutJavaScript() {
        var owner = newProducer();
        var api = Api.basic(owner, PASSWORD);
        var slug = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.postJson("/api/podcasts", Json.createObjectBuilder().add("slug", slug).add("title", "Chiffres").build()).statusCode());
        var created = api.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Écoutée <b>").add("publishedAt", "2026-01-01T00:00:00Z").build(),
                Fixtures.mp3OfAtLeast(1_000_000));
        assertEquals(201, created.statusCode(), created.body());
        MediaIT.getFrom(Api.object(created).getJsonObject("audio").getString("url"), "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)");
        Poll.until("the download counted", Duration.ofSeconds(15),
                () -> Optional.of(Api.object(api.get("/api/podcasts/" + slug + "/stats"))).filter(stats -> stats.getInt("total") == 1));

        var browser = new Browser();
        browser.signedIn(owner);
        var page = browser.get("/studio/shows/" + slug + "/statistics");
        assertEquals(200, page.statusCode());
        var html = page.body();
        var today = LocalDate.now(ZoneOffset.UTC);
        assertTrue(html.contains("<span id=\"downloads-total\">1</span> download"), html);
        assertEquals(30, Pattern.compile("<rect ").matcher(html).results().count(), "a bar for each of the last 30 days");
        assertTrue(html.contains("<title>" + today.format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)) + ": 1 download</title>"), "today's bar, the day in words");
        assertTrue(html.contains("<td>Overcast</td><td>1</td>"), "the app");
        assertTrue(html.contains("Écoutée &lt;b&gt;"), "the episode's title, escaped");
        assertTrue(html.contains("/api/podcasts/" + slug + "/stats/days.csv?from=" + today.minusDays(29) + "&amp;to=" + today), "the CSV of these days");
        assertEquals(200, browser.get("/api/podcasts/" + slug + "/stats/days.csv?from=" + today).statusCode(), "the CSV link works with the session");

        var refused = browser.get("/studio/shows/" + slug + "/statistics?from=hier&to=" + today).body();
        assertTrue(refused.contains("“hier” is not a date: write it as 2026-11-30."), "said next to the field, not an error page");
        var stranger = new Browser();
        stranger.signedIn(newProducer());
        assertEquals(404, stranger.get("/studio/shows/" + slug + "/statistics").statusCode(), "another producer's");
    }

    @Test
    void aProducerChangesTheirOwnPasswordKnowingTheCurrentOneAndTheirOtherBrowsersSignInAgain() {
        var email = newProducer();
        var here = new Browser();
        here.signedIn(email);
        var elsewhere = new Browser();
        elsewhere.signedIn(email);
        var csrf = here.csrf();
        var account = here.get("/studio/account");
        assertEquals(200, account.statusCode());
        assertTrue(account.body().contains("Change your password") && account.body().contains("No token yet."), account.body());

        var token = Api.object(here.send("POST", "/api/tokens", "{\"label\":\"Script <Auphonic>\"}", csrf));
        var listed = here.get("/studio/account").body();
        assertTrue(listed.contains("Script &lt;Auphonic&gt;") && listed.contains("data-revoke=\"" + token.getString("id") + "\""), listed);
        assertFalse(listed.contains(token.getString("token")), "the secret is shown once, when it is created");

        // wrong passwords count against the address (the throttle): from an address of this test's own, so nobody else waits
        var wrong = elsewhere(Api.basic(email, PASSWORD), "PUT", "/api/me/password",
                "{\"currentPassword\":\"not-my-password\",\"newPassword\":\"a-new-password-1\"}");
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertEquals("currentPassword", Api.object(wrong).getJsonArray("errors").getJsonObject(0).getString("field"));
        var tooShort = here.send("PUT", "/api/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"court\"}", csrf);
        assertEquals(422, tooShort.statusCode());
        assertEquals("newPassword", Api.object(tooShort).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(403, here.send("PUT", "/api/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a-new-password-1\"}",
                null).statusCode(), "the CSRF token is needed, as for every change");

        var changed = here.send("PUT", "/api/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a-new-password-1\"}", csrf);
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(200, here.get("/studio/account").statusCode(), "the browser that changed it stays signed in");
        assertEquals(303, elsewhere.get("/studio").statusCode(), "the other browser signs in again");
        assertEquals(401, elsewhere(Api.basic(email, PASSWORD), "GET", "/api/me", null).statusCode());
        assertEquals(email, Api.object(Api.basic(email, "a-new-password-1").get("/api/me")).getString("email"));
    }

    @Test
    void theAdminSeesWhoIsSignedInAsAProducerAndEndsItOrRevokesATokenAlone() {
        var email = "access-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        var created = Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", email).add("password", PASSWORD)
                .add("name", "Accès").build());
        assertEquals(201, created.statusCode(), created.body());
        long id = Api.object(created).getJsonNumber("id").longValue();
        var browser = new Browser();
        browser.signedIn(email);
        var token = Api.object(browser.send("POST", "/api/tokens", "{\"label\":\"fuite\"}", browser.csrf()));
        var bearer = Api.bearer(token.getString("token"));
        assertEquals(200, bearer.get("/api/me").statusCode());

        var access = Api.object(Api.admin().get("/api/producers/" + id + "/access"));
        assertEquals(1, access.getJsonArray("sessions").size(), access.toString());
        assertEquals("fuite", access.getJsonArray("tokens").getJsonObject(0).getString("label"));
        assertEquals(403, Api.basic(email, PASSWORD).get("/api/producers/" + id + "/access").statusCode(), "the admin's only");
        var page = new Browser();
        page.signedIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        var producersPage = page.get("/studio/producers").body();
        assertTrue(producersPage.contains("data-revoke-token=\"/api/producers/" + id + "/tokens/" + token.getString("id") + "\""), producersPage);

        assertEquals(204, Api.admin().delete("/api/producers/" + id + "/tokens/" + token.getString("id")).statusCode());
        assertEquals(401, elsewhere(bearer, "GET", "/api/me", null).statusCode(), "the revoked token no longer opens anything");
        assertEquals(200, browser.get("/studio").statusCode(), "a revoked token leaves the browser signed in");
        assertEquals(404, Api.admin().delete("/api/producers/" + id + "/tokens/" + token.getString("id")).statusCode());

        assertEquals(204, Api.admin().delete("/api/producers/" + id + "/sessions").statusCode());
        assertEquals(303, browser.get("/studio").statusCode(), "signed out everywhere");
        assertEquals(0, Api.object(Api.admin().get("/api/producers/" + id + "/access")).getJsonArray("sessions").size());
        assertEquals(200, Api.basic(email, PASSWORD).get("/api/me").statusCode(), "the password still works");
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** A call that fails a password check, from an address no other test uses (X-Forwarded-For, believed from loopback). */
    private static HttpResponse<String> elsewhere(Api client, String method, String path, String json) {
        int n = ADDRESSES.getAndIncrement();
        var request = client.request(path).header("X-Forwarded-For", "198.51.201." + (1 + n % 250))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Api.send(request);
    }

    private static String newProducer() {
        var email = "studio-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        var response = Api.admin().postJson("/api/producers", Json.createObjectBuilder()
                .add("email", email).add("password", PASSWORD).add("name", "Studio " + email).build());
        assertEquals(201, response.statusCode(), response.body());
        return email;
    }

    private static Map<String, String> form(String token, String email, String password, String next) {
        var form = new LinkedHashMap<String, String>();
        form.put("csrf", token);
        form.put("email", email);
        form.put("password", password);
        form.put("next", next);
        return form;
    }

    /** A browser: its own cookies, no redirects followed, and the page's CSRF token when signed in. */
    private static final class Browser {

        private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
        private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\">");

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
            var body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var request = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return send(request);
        }

        /** A JSON call to the API as the studio's script makes it, with {@code csrf} in X-CSRF-Token (null: none). */
        HttpResponse<String> send(String method, String path, String json, String csrf) {
            var request = HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
            return send(request);
        }

        String signInForm(String next) {
            var page = get("/studio/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            var matcher = TOKEN.matcher(page.body());
            assertTrue(matcher.find(), page.body());
            return matcher.group(1);
        }

        HttpResponse<String> signIn(String email, String password, String next) {
            return post("/studio/sign-in", form(signInForm(next), email, password, next));
        }

        void signedIn(String email) {
            signedIn(email, PASSWORD);
        }

        void signedIn(String email, String password) {
            var response = signIn(email, password, "/studio");
            assertEquals(303, response.statusCode(), response.body());
        }

        String csrf() {
            var matcher = META.matcher(get("/studio").body());
            assertTrue(matcher.find(), "no CSRF token on the studio page");
            return matcher.group(1);
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow().getValue();
        }

        void setCookie(String name, String value) {
            var cookie = new java.net.HttpCookie(name, value);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(URI.create(Api.BASE), cookie);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
