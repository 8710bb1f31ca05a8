package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Someone guesses passwords: after 10 failures within a minute, from one address or for one
 * account, every attempt waits (429 with Retry-After), a right password too; and the time of an
 * answer does not tell whether the email has an account. Each test guesses from its own addresses
 * (X-Forwarded-For, believed from the test's loopback proxy) so it locks nobody else.
 */
class SignInThrottleIT {

    private static final String PASSWORD = "throttle-password-1";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern SIGN_IN_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void theEleventhWrongPasswordOnTheSignInFormWaitsAndSoDoesTheRightOne() {
        var email = newProducer();
        var browser = Visitor.fresh("en");
        for (int i = 1; i <= 10; i++) {
            var wrong = signIn(browser, email, "wrong-" + i);
            assertEquals(200, wrong.statusCode(), "failure " + i);
            assertTrue(wrong.body().contains("The email or password is wrong."));
        }
        var eleventh = signIn(browser, email, "wrong-11");
        assertEquals(429, eleventh.statusCode());
        assertRetryAfter(eleventh);
        assertTrue(eleventh.body().contains("Too many failed sign-ins"), eleventh.body());
        assertTrue(eleventh.body().contains("id=\"sign-in\""), "the form is shown again");

        var right = signIn(browser, email, PASSWORD);
        assertEquals(429, right.statusCode(), "a right password waits too");
        assertTrue(right.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("chapitre_studio=")), "no session");
    }

    @Test
    void theEleventhWrongBasicPasswordIs429ProblemAndTheRightOneWaitsToo() {
        var email = newProducer();
        var address = freshAddress();
        for (int i = 1; i <= 10; i++) {
            assertEquals(401, get(Api.basic(email, "wrong-" + i), address).statusCode(), "failure " + i);
        }
        var eleventh = get(Api.basic(email, "wrong-11"), address);
        assertEquals(429, eleventh.statusCode());
        assertRetryAfter(eleventh);
        assertEquals("application/problem+json", eleventh.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(429, Api.object(eleventh).getInt("status"));
        assertEquals(429, get(Api.basic(email, PASSWORD), address).statusCode(), "a right password waits too");
    }

    @Test
    void anAccountIsLockedWhateverAddressesTheGuessesComeFrom() {
        var email = newProducer();
        for (int i = 1; i <= 10; i++) {
            assertEquals(401, get(Api.basic(email, "wrong-" + i), freshAddress()).statusCode());
        }
        assertEquals(429, get(Api.basic(email, PASSWORD), freshAddress()).statusCode());
        assertEquals(200, get(Api.admin(), freshAddress()).statusCode(), "other accounts are not concerned");
    }

    @Test
    void theEleventhWrongTokenFromAnAddressWaitsEvenWithARealToken() {
        var email = newProducer();
        var issued = Api.basic(email, PASSWORD).send("POST", "/api/tokens", "application/json", "{\"label\":\"throttle\"}");
        var token = Api.object(issued).getString("token");
        var address = freshAddress();
        for (int i = 1; i <= 10; i++) {
            assertEquals(401, get(Api.bearer("chp_guess-" + i), address).statusCode(), "failure " + i);
        }
        var eleventh = get(Api.bearer("chp_guess-11"), address);
        assertEquals(429, eleventh.statusCode());
        assertRetryAfter(eleventh);
        assertEquals(429, get(Api.bearer(token), address).statusCode(), "the address waits, whatever it sends");
        assertEquals(200, get(Api.bearer(token), freshAddress()).statusCode(), "from elsewhere the token works");
    }

    @Test
    void wrongCurrentPasswordsOnAPasswordChangeAreGuessesTooAndTheEleventhSaysWhenToRetry() {
        var email = newProducer();
        var token = Api.object(Api.basic(email, PASSWORD).send("POST", "/api/tokens", "application/json", "{\"label\":\"guess\"}"))
                .getString("token");
        var change = "{\"currentPassword\":\"wrong\",\"newPassword\":\"a-new-password-1\"}";
        for (int i = 1; i <= 10; i++) {
            var wrong = Api.bearer(token).send("PUT", "/api/me/password", "application/json", change, "X-Forwarded-For", freshAddress());
            assertEquals(422, wrong.statusCode(), "failure " + i + ": " + wrong.body());
        }
        var eleventh = Api.bearer(token).send("PUT", "/api/me/password", "application/json", change,
                "X-Forwarded-For", freshAddress(), "Accept-Language", "fr");
        assertEquals(429, eleventh.statusCode(), eleventh.body());
        assertRetryAfter(eleventh);
        assertTrue(Api.object(eleventh).getString("detail").startsWith("Trop de mots de passe erronés pour ce compte"), eleventh.body());
    }

    @Test
    void onlyFailuresCountSoABusyProducerIsNeverSlowedDown() {
        var email = newProducer();
        var address = freshAddress();
        for (int i = 0; i < 9; i++) {
            assertEquals(401, get(Api.basic(email, "typo-" + i), address).statusCode());
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(200, get(Api.basic(email, PASSWORD), address).statusCode(), "request " + i);
        }
    }

    /**
     * An unknown email costs a password check too. Known and unknown emails are tried in
     * alternation (so a machine that gets busier slows both alike), each pair in the other order
     * than the last, and compared by the median of the pairs' ratios, which a few disturbed
     * requests cannot move. Without the check, an unknown email answers about 30 times faster.
     */
    @Test
    void anUnknownEmailTakesAsLongAsAKnownOne() {
        var known = List.of(newProducer(), newProducer(), newProducer(), newProducer());
        var ratios = new ArrayList<Double>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) { // warm-up: both paths compiled and their queries prepared
                timeOf(known.get(i), "warm-up");
                timeOf("nobody-" + UUID.randomUUID() + "@chapitre.test", "warm-up");
            }
            var pairs = new ArrayList<Double>();
            for (int i = 0; i < 20; i++) {
                var knownEmail = known.get(i % known.size());
                var unknownEmail = "nobody-" + UUID.randomUUID() + "@chapitre.test";
                double knownNanos;
                double unknownNanos;
                if (i % 2 == 0) {
                    knownNanos = timeOf(knownEmail, "wrong-" + i);
                    unknownNanos = timeOf(unknownEmail, "wrong-" + i);
                } else {
                    unknownNanos = timeOf(unknownEmail, "wrong-" + i);
                    knownNanos = timeOf(knownEmail, "wrong-" + i);
                }
                pairs.add(unknownNanos / knownNanos);
            }
            var ratio = median(pairs);
            ratios.add(ratio);
            if (Math.abs(ratio - 1) <= 0.10) {
                return;
            }
            known = List.of(newProducer(), newProducer(), newProducer(), newProducer()); // fresh accounts: none near its limit
        }
        throw new AssertionError("Unknown emails answer in " + ratios + " of the time of known ones, in three rounds (allowed: 0.9 to 1.1)");
    }

    /** One wrong Basic sign-in from a fresh address, in nanoseconds (the answer must be 401: never a throttled 429). */
    private static double timeOf(String email, String password) {
        var request = Api.basic(email, password).request("/api/podcasts").header("X-Forwarded-For", freshAddress()).GET();
        long start = System.nanoTime();
        var response = Api.send(request);
        long took = System.nanoTime() - start;
        assertEquals(401, response.statusCode(), email);
        return took;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static HttpResponse<String> signIn(Visitor browser, String email, String password) {
        var page = browser.get("/studio/sign-in");
        var token = SIGN_IN_TOKEN.matcher(page.body());
        assertTrue(token.find(), page.body());
        return browser.post("/studio/sign-in", Map.of("csrf", token.group(1), "email", email, "password", password, "next", "/studio"));
    }

    private static HttpResponse<String> get(Api client, String address) {
        return Api.send(client.request("/api/podcasts").header("X-Forwarded-For", address).GET());
    }

    private static void assertRetryAfter(HttpResponse<String> response) {
        var seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After: " + seconds);
    }

    /** A documentation address (RFC 5737) that no other test uses, nor this one twice. */
    private static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + (101 + n / 250) + "." + (1 + n % 250);
    }

    private static String newProducer() {
        var email = "throttle-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        var response = Api.admin().postJson("/api/producers", Json.createObjectBuilder()
                .add("email", email).add("password", PASSWORD).add("name", "Throttled " + email).build());
        assertEquals(201, response.statusCode(), response.body());
        return email;
    }
}
