package dev.chapitre.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A listener's browser without JavaScript: its own cookies, a language, and an address (sent as
 * X-Forwarded-For, which the test server believes from loopback as behind a proxy).
 */
public final class Visitor {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String address;
    private final String language;
    private final String userAgent;
    private final String base;

    public Visitor(String address, String language) {
        this(address, language, "Mozilla/5.0 (X11; Linux x86_64) Chapitre-IT");
    }

    public Visitor(String address, String language, String userAgent) {
        this(Api.BASE, address, language, userAgent);
    }

    /** A visitor of another instance than the suite's ({@code base}: its address). */
    public Visitor(String base, String address, String language, String userAgent) {
        this.base = base;
        this.address = address;
        this.language = language;
        this.userAgent = userAgent;
    }

    /** A visitor at a fresh address, so that rate limits of other tests do not interfere. */
    public static Visitor fresh(String language) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new Visitor("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255), language);
    }

    public String address() {
        return address;
    }

        public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        var body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A form body exactly as given (already url-encoded, or not quite). */
    public HttpResponse<String> postRaw(String path, byte[] body, String... headers) {
        var request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** The CSRF token of the form on {@code page} (as a browser would submit it). */
    public String csrfOf(String page) {
        var response = get(page);
        var matcher = CSRF.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("No rating form on " + page + ": " + response.statusCode());
        }
        return matcher.group(1);
    }

    /** The form's fields with a token, ready to post. */
    public Map<String, String> form(String page, String... fields) {
        var form = new LinkedHashMap<String, String>();
        form.put("csrf", csrfOf(page));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", language).header("User-Agent", userAgent).header("X-Forwarded-For", address);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
