package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rating form's POST paths, its protections, and the producer's side. */
class RatingsIT {

    final Api producer = Api.newProducer();
    String show;
    String showPage;
    String episodePage;

    @BeforeEach
    void aShowWithAnEpisode() {
        show = producer.createShow("Notes d'écoute").getString("slug");
        var episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Premier")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), Fixtures.cbrMp3()));
        showPage = "/podcasts/" + show;
        episodePage = showPage + "/" + episode.getString("slug");
    }

    @Test
    void aRatingRedirectsBackWithThanksAndCountsInTheShowsAverage() {
        var listener = Visitor.fresh("fr");
        var posted = listener.post(episodePage + "/ratings", listener.form(episodePage, "stars", "4", "comment", "Très bien <b>!</b>"));
        assertEquals(303, posted.statusCode(), posted.body());
        assertEquals(Api.BASE + episodePage + "?rated=review#rate", posted.headers().firstValue("Location").orElseThrow(),
                "its comment waits for the producer's review (CommentsIT), and the thanks say so");
        var after = listener.get(episodePage + "?rated=review").body();
        assertTrue(after.contains("Merci pour votre note ! Votre commentaire sera publié après relecture.")
                && !after.contains("data-thanks hidden"));
        assertTrue(after.contains("4,0 / 5 (1 avis)"));

        var other = Visitor.fresh("fr");
        assertEquals(303, other.post(showPage + "/ratings", other.form(showPage, "stars", "5")).statusCode());
        var page = Visitor.fresh("en").get(showPage).body();
        assertTrue(page.contains("4.5 / 5 (2 ratings)"), "the show's average includes its episodes' ratings");
        var jsonLd = PagesIT.jsonLd(page).getJsonObject("aggregateRating");
        assertEquals(4.5, jsonLd.getJsonNumber("ratingValue").doubleValue());
        assertEquals(2, jsonLd.getInt("ratingCount"));

        var list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(4.5, list.getJsonNumber("average").doubleValue());
        assertEquals(2, list.getInt("count"));
        var episodeOnly = Api.object(producer.get("/api/podcasts/" + show + "/ratings?episode=premier"));
        assertEquals(1, episodeOnly.getInt("count"));
        var rating = episodeOnly.getJsonArray("ratings").getJsonObject(0);
        assertEquals("Très bien <b>!</b>", rating.getString("comment"), "stored as text");
        assertEquals("premier", rating.getString("episode"));
        assertFalse(rating.getBoolean("hidden"));
    }

    @Test
    void invalidRatingsReRenderThePageWithTheMessageNextToTheField() {
        var listener = Visitor.fresh("fr");
        var noStars = listener.post(showPage + "/ratings", listener.form(showPage, "comment", "Mon commentaire"));
        assertEquals(422, noStars.statusCode());
        assertTrue(noStars.body().contains("id=\"stars-error\" role=\"alert\" data-error=\"stars\" >Choisissez de 1 à 5 étoiles."), noStars.body());
        assertTrue(noStars.body().contains("aria-invalid=\"true\""));
        assertTrue(noStars.body().contains(">Mon commentaire</textarea>"), "what was typed is kept");
        for (var stars : new String[] {"7", "0", "abc", "-1"}) {
            assertEquals(422, listener.post(showPage + "/ratings", listener.form(showPage, "stars", stars)).statusCode(), stars);
        }
        var tooLong = listener.post(showPage + "/ratings", listener.form(showPage, "stars", "3", "comment", "é".repeat(1001)));
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.body().contains("Le commentaire est limité à 1000 caractères."));
        assertEquals(303, listener.post(showPage + "/ratings", listener.form(showPage, "stars", "3", "comment", "é".repeat(1000))).statusCode());
        assertEquals(303, listener.post(showPage + "/ratings", listener.form(showPage, "stars", "3", "comment", "🎙️".repeat(500))).statusCode(),
                "1000 characters of emoji (2000 UTF-16 units) fit");
        assertEquals(303, listener.post(showPage + "/ratings", listener.form(showPage, "stars", "3", "comment", "a\r\n".repeat(500))).statusCode(),
                "a browser's CRLF line breaks count as one character each");

        listener = Visitor.fresh("fr"); // the first one has used its 10 ratings of the minute
        var json = listener.post(showPage + "/ratings", listener.form(showPage), "Accept", "application/json");
        assertEquals(422, json.statusCode());
        assertEquals("application/problem+json", json.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "scripts get the API's problem+json");
        var errors = Api.object(json).getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(List.of("stars"), errors.stream().map(e -> e.getString("field")).toList());
        assertEquals("Choisissez de 1 à 5 étoiles.", errors.get(0).getString("reason"), "in the page's language");
        assertEquals(404, listener.post("/podcasts/" + show + "/nope/ratings", listener.form(showPage, "stars", "3")).statusCode());
        var jsonNotFound = listener.post("/podcasts/" + show + "/nope/ratings", listener.form(showPage, "stars", "3"), "Accept", "application/json");
        assertEquals(404, jsonNotFound.statusCode());
        assertEquals("application/problem+json", jsonNotFound.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "scripts get JSON, not an HTML page");
        assertEquals(404, Api.object(jsonNotFound).getInt("status"));
    }

    @Test
    void formsWithoutTheirTokenAreRefusedAndBotsAreIgnored() {
        var listener = Visitor.fresh("en");
        assertEquals(403, listener.post(showPage + "/ratings", Map.of("stars", "5")).statusCode());
        assertEquals(403, listener.post(showPage + "/ratings", Map.of("stars", "5", "csrf", "0".repeat(64))).statusCode());
        var someoneElse = Visitor.fresh("en");
        var stolen = someoneElse.csrfOf(showPage);
        listener.get(showPage);
        var refused = listener.post(showPage + "/ratings", Map.of("stars", "5", "csrf", stolen));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("This form has expired"));

        var bot = Visitor.fresh("en");
        var trapped = bot.post(showPage + "/ratings", bot.form(showPage, "stars", "1", "website", "http://spam.example"));
        assertEquals(303, trapped.statusCode(), "a bot is told it worked");
        assertEquals(0, Api.object(producer.get("/api/podcasts/" + show + "/ratings")).getInt("count"), "but nothing is stored");
    }

    @Test
    void oneRatingPerListenerAndTargetAndAFriendlyLimitPerAddress() {
        var listener = Visitor.fresh("en");
        assertEquals(303, listener.post(showPage + "/ratings", listener.form(showPage, "stars", "2")).statusCode());
        assertEquals(303, listener.post(showPage + "/ratings", listener.form(showPage, "stars", "5", "comment", "Changed my mind")).statusCode());
        var sameBrowserElsewhere = new Visitor("192.0.2.10", "en");
        var list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(1, list.getInt("count"), "resubmitting updates the earlier rating");
        assertEquals(5, list.getJsonArray("ratings").getJsonObject(0).getInt("stars"));
        assertEquals(5.0, list.getJsonNumber("average").doubleValue(), "the average follows the change");

        assertEquals(303, sameBrowserElsewhere.post(showPage + "/ratings", sameBrowserElsewhere.form(showPage, "stars", "4")).statusCode());
        assertEquals(2, Api.object(producer.get("/api/podcasts/" + show + "/ratings")).getInt("count"), "another listener");

        var flooder = Visitor.fresh("fr");
        var form = flooder.form(showPage, "stars", "5");
        for (int i = 0; i < 10; i++) {
            assertEquals(303, flooder.post(showPage + "/ratings", form).statusCode(), "rating " + (i + 1));
        }
        var limited = flooder.post(showPage + "/ratings", form);
        assertEquals(429, limited.statusCode());
        assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(limited.body().contains("Trop de notes"));
    }

    @Test
    void twoVisitorsBehindOneAddressEachKeepTheirOwnRating() {
        var household = Visitor.fresh("en").address();
        var first = new Visitor(household, "en", "Firefox/140");
        var second = new Visitor(household, "en", "Firefox/140"); // the same browser on another computer of the house
        assertEquals(303, first.post(showPage + "/ratings", first.form(showPage, "stars", "2", "comment", "Trop long")).statusCode());
        assertEquals(303, second.post(showPage + "/ratings", second.form(showPage, "stars", "5", "comment", "Parfait")).statusCode());

        var list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(2, list.getInt("count"), "the second listener did not overwrite the first");
        assertEquals(3.5, list.getJsonNumber("average").doubleValue());
        assertEquals(java.util.Set.of("Trop long", "Parfait"), comments(list));

        assertEquals(303, first.post(showPage + "/ratings", first.form(showPage, "stars", "4", "comment", "Mieux")).statusCode());
        list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(2, list.getInt("count"), "a returning listener updates their own rating");
        assertEquals(4.5, list.getJsonNumber("average").doubleValue());
        assertEquals(java.util.Set.of("Mieux", "Parfait"), comments(list));
        assertTrue(Visitor.fresh("en").get(showPage).body().contains("4.5 / 5 (2 ratings)"));
    }

    @Test
    void oneAddressRotatingCookiesAndBrowsersIsHeldForReviewAfterItsDailyAllowance() {
        var fan = Visitor.fresh("en");
        assertEquals(303, fan.post(showPage + "/ratings", fan.form(showPage, "stars", "5")).statusCode());
        // one IPv6 /64: each new address in it is the same household
        var prefix = "2001:db8:" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":7::";
        var thanks = new java.util.ArrayList<String>();
        for (int i = 1; i <= 6; i++) {
            var stuffer = new Visitor(prefix + Integer.toHexString(i), "en", "Browser/" + i);
            if (i == 3 || i == 4) { // the last that counts and the first that is held, as the page's script sees them
                var json = stuffer.post(showPage + "/ratings", stuffer.form(showPage, "stars", "1"), "Accept", "application/json");
                assertEquals(200, json.statusCode(), json.body());
                thanks.add(Api.object(json).getString("message"));
                continue;
            }
            var posted = stuffer.post(showPage + "/ratings", stuffer.form(showPage, "stars", "1"));
            assertEquals(303, posted.statusCode(), "rating " + i);
            assertEquals(Api.BASE + showPage + "?rated=1#rate", posted.headers().firstValue("Location").orElseThrow(),
                    "a held rating is thanked like any other");
        }
        assertEquals(List.of("Thank you for your rating!", "Thank you for your rating!"), thanks);

        var list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(4, list.getInt("count"), "the fan and the first 3 from the address count");
        assertEquals(2.0, list.getJsonNumber("average").doubleValue());
        assertEquals(3, list.getInt("held"));
        assertEquals(7, list.getJsonArray("ratings").size(), "the producer sees every rating");
        assertTrue(Visitor.fresh("en").get(showPage).body().contains("2.0 / 5 (4 ratings)"), "held ratings are not public");
        var held = Api.object(producer.get("/api/podcasts/" + show + "/ratings?state=held")).getJsonArray("ratings")
                .getValuesAs(JsonObject.class);
        assertEquals(3, held.size());
        assertTrue(held.stream().allMatch(r -> r.getString("state").equals("held") && !r.getBoolean("hidden")));

        var approved = producer.send("POST", "/api/podcasts/" + show + "/ratings/" + held.get(0).getInt("id") + "/approve", "application/json", "");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("counted", Api.object(approved).getString("state"));
        assertEquals(200, producer.send("POST", "/api/podcasts/" + show + "/ratings/" + held.get(0).getInt("id") + "/approve",
                "application/json", "").statusCode(), "approving twice changes nothing");
        var hidden = producer.send("POST", "/api/podcasts/" + show + "/ratings/" + held.get(1).getInt("id") + "/hide", "application/json", "");
        assertEquals("hidden", Api.object(hidden).getString("state"));
        list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(5, list.getInt("count"), "the approved one counts, the hidden one never did");
        assertEquals(9.0 / 5, list.getJsonNumber("average").doubleValue(), 1e-9);
        assertEquals(1, list.getInt("held"));
        assertTrue(Visitor.fresh("en").get(showPage).body().contains("1.8 / 5 (5 ratings)"));

        var sameHousehold = new Visitor(prefix + "99", "en", "Browser/99");
        assertEquals(303, sameHousehold.post(episodePage + "/ratings", sameHousehold.form(episodePage, "stars", "3")).statusCode());
        var episodeOnly = Api.object(producer.get("/api/podcasts/" + show + "/ratings?episode=premier"));
        assertEquals(1, episodeOnly.getInt("count"), "the allowance is per show and per episode");
        assertEquals(0, episodeOnly.getInt("held"));

        assertEquals(422, producer.get("/api/podcasts/" + show + "/ratings?state=pending").statusCode());
        assertEquals(415, producer.send("POST", "/api/podcasts/" + show + "/ratings/" + held.get(2).getInt("id") + "/approve",
                "application/x-www-form-urlencoded", "").statusCode(), "a cross-site form cannot approve ratings");
        assertEquals(404, Api.newProducer().send("POST", "/api/podcasts/" + show + "/ratings/" + held.get(2).getInt("id") + "/approve",
                "application/json", "").statusCode(), "another producer");
    }

    @Test
    void concurrentNewRatingsFromOneAddressCountUpToTheAllowanceExactly() throws Exception {
        var fan = Visitor.fresh("en"); // the show's totals exist: the racers meet at the allowance, not at the first rating
        assertEquals(303, fan.post(showPage + "/ratings", fan.form(showPage, "stars", "5")).statusCode());
        var address = Visitor.fresh("en").address();
        var stuffers = new java.util.ArrayList<Visitor>();
        var forms = new java.util.ArrayList<Map<String, String>>();
        for (int i = 0; i < 8; i++) {
            stuffers.add(new Visitor(address, "en", "Browser/" + i));
            forms.add(stuffers.get(i).form(showPage, "stars", "2"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(stuffers.size());
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < stuffers.size(); i++) {
                var stuffer = stuffers.get(i);
                var form = forms.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return stuffer.post(showPage + "/ratings", form).statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertEquals(303, answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        var list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(5, list.getInt("held"), "racing does not get more than the allowance counted");
        assertEquals(4, list.getInt("count"));
        assertEquals(11.0 / 4, list.getJsonNumber("average").doubleValue(), 1e-9);
    }

    /**
     * A popular episode: 300 listeners, each with their own browser and address, rate it at the
     * same moment (32 at a time). Every rating counts once: the totals row is locked per update, on
     * H2 and on PostgreSQL, so the count and the average are exact on the API and on the pages.
     * (2,000 at once, with their rate, is bench/ratings.sh's: it fails there too when not exact.)
     */
    @Test
    void threeHundredListenersRatingAtOnceAreEachCountedOnce() throws Exception {
        int listeners = 300;
        // A network no other test uses (they take 10.x.y.z), fresh per run: no allowance is used up before.
        int network = java.util.concurrent.ThreadLocalRandom.current().nextInt(64, 128);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        long starsSent = 0;
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < listeners; i++) {
                var stars = 1 + (i * 7 + i / 11) % 5;
                starsSent += stars;
                var listener = new Visitor("100." + network + "." + (i / 250) + "." + (1 + i % 250), "en");
                answers.add(pool.submit(() -> listener.post(episodePage + "/ratings",
                        listener.form(episodePage, "stars", String.valueOf(stars))).statusCode()));
            }
            // Every answer is looked at before judging, so a failure says how many went wrong and how.
            var outcomes = new java.util.TreeMap<String, Integer>();
            for (var answer : answers) {
                String outcome;
                try {
                    outcome = String.valueOf(answer.get(5, java.util.concurrent.TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException failed) {
                    outcome = String.valueOf(failed.getCause());
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
            assertEquals(java.util.Map.of("303", listeners), outcomes, "every rating is taken (303) at once");
        } finally {
            pool.shutdownNow();
        }
        var average = (double) starsSent / listeners;
        var list = Api.object(producer.get("/api/podcasts/" + show + "/ratings?episode=premier"));
        assertEquals(listeners, list.getInt("count"), "every listener counted once");
        assertEquals(average, list.getJsonNumber("average").doubleValue(), 1e-9);
        var showList = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(listeners, showList.getInt("count"), "the show's totals include its episode's");
        assertEquals(average, showList.getJsonNumber("average").doubleValue(), 1e-9);
        for (var page : List.of(episodePage, showPage)) {
            var aggregate = PagesIT.jsonLd(Visitor.fresh("en").get(page).body()).getJsonObject("aggregateRating");
            assertEquals(listeners, aggregate.getInt("ratingCount"), page);
            assertEquals(Math.round(average * 100) / 100.0, aggregate.getJsonNumber("ratingValue").doubleValue(), 1e-9, page);
        }
    }

    private static java.util.Set<String> comments(JsonObject list) {
        return list.getJsonArray("ratings").getValuesAs(JsonObject.class).stream().map(r -> r.getString("comment"))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aDeletedEpisodesRatingsLeaveTheShowsAverage() {
        var onEpisode = Visitor.fresh("en");
        assertEquals(303, onEpisode.post(episodePage + "/ratings", onEpisode.form(episodePage, "stars", "1")).statusCode());
        var onShow = Visitor.fresh("en");
        assertEquals(303, onShow.post(showPage + "/ratings", onShow.form(showPage, "stars", "5")).statusCode());
        assertEquals(3.0, Api.object(producer.get("/api/podcasts/" + show + "/ratings")).getJsonNumber("average").doubleValue());

        assertEquals(204, producer.delete("/api/podcasts/" + show + "/episodes/premier").statusCode());
        var after = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(5.0, after.getJsonNumber("average").doubleValue());
        assertEquals(1, after.getInt("count"));
        assertEquals(1, after.getJsonArray("ratings").size());
        assertTrue(Visitor.fresh("en").get(showPage).body().contains("5.0 / 5 (1 rating)"));
    }

    @Test
    void withoutAcceptLanguageThePagesAreEnglish() throws Exception {
        var response = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + showPage)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(response.body().contains("<html lang=\"en\">") && response.body().contains("Rate this show"));
        var garbled = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + showPage))
                .header("X-Forwarded-Host", "a b").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, garbled.statusCode(), "a garbled forwarded host is ignored, never a 500");
    }

    @Test
    void hiddenRatingsLeaveAveragesAndPagesButStayListedForTheProducer() {
        var fan = Visitor.fresh("en");
        assertEquals(303, fan.post(showPage + "/ratings", fan.form(showPage, "stars", "5")).statusCode());
        var troll = Visitor.fresh("en");
        assertEquals(303, troll.post(showPage + "/ratings", troll.form(showPage, "stars", "1", "comment", "spam")).statusCode());
        var list = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(3.0, list.getJsonNumber("average").doubleValue());
        var trollRating = list.getJsonArray("ratings").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getInt("stars") == 1).findFirst().orElseThrow();

        var hidden = producer.send("POST", "/api/podcasts/" + show + "/ratings/" + trollRating.getInt("id") + "/hide", "application/json", "");
        assertEquals(200, hidden.statusCode(), hidden.body());
        assertTrue(Api.object(hidden).getBoolean("hidden"));
        var after = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(5.0, after.getJsonNumber("average").doubleValue());
        assertEquals(1, after.getInt("count"));
        assertEquals(2, after.getJsonArray("ratings").size());
        assertTrue(Visitor.fresh("en").get(showPage).body().contains("5.0 / 5 (1 rating)"));

        assertEquals(404, Api.newProducer().get("/api/podcasts/" + show + "/ratings").statusCode(), "another producer");
        assertEquals(415, producer.send("POST", "/api/podcasts/" + show + "/ratings/" + trollRating.getInt("id") + "/hide",
                "application/x-www-form-urlencoded", "").statusCode(), "a cross-site form cannot hide ratings");
        assertEquals(404, producer.send("POST", "/api/podcasts/" + show + "/ratings/999999/hide", "application/json", "").statusCode());
    }
}
