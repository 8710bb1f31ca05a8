package dev.chapitre.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A client of the running server, as a producer's script would be. */
public final class Api {

    public static final String BASE = System.getProperty("chapitre.url", "http://localhost:18080");
    public static final String ADMIN_EMAIL = System.getProperty("chapitre.admin.email", "admin@chapitre.test");
    public static final String ADMIN_PASSWORD = System.getProperty("chapitre.admin.password", "it-admin-secret-1");

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api anonymous() {
        return new Api(BASE, null);
    }

    public static Api basic(String email, String password) {
        return basic(BASE, email, password);
    }

    public static Api basic(String base, String email, String password) {
        var token = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token);
    }

    public static Api admin() {
        return basic(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public static Api bearer(String token) {
        return new Api(BASE, "Bearer " + token);
    }

    /** A fresh producer with its own account, added by the admin. */
    public static Api newProducer() {
        var email = "producer-" + UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        var response = admin().send("POST", "/api/producers", "application/json",
                Json.createObjectBuilder().add("email", email).add("password", "a-long-password").add("name", "Producer " + email).build().toString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not add a producer: " + response.statusCode() + " " + response.body());
        }
        return basic(email, "a-long-password");
    }

    /** The Authorization header this client sends. */
    public String authorization() {
        return authorization;
    }

    public Api at(String otherBase) {
        return new Api(otherBase, authorization);
    }

    public HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        var builder = request(path).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    public HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
        var builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    public HttpResponse<String> postJson(String path, JsonObject body) {
        return send("POST", path, "application/json", body.toString());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a show and returns its JSON. */
    public JsonObject createShow(String title) {
        var response = postJson("/api/podcasts", Json.createObjectBuilder().add("title", title).add("language", "fr")
                .add("author", "Chapitre tests").add("category", "History").build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not create a show: " + response.statusCode() + " " + response.body());
        }
        return object(response);
    }

    /** Uploads an episode (multipart: JSON + MP3) and returns the response. */
    public HttpResponse<String> uploadEpisode(String show, JsonObject episode, byte[] mp3) {
        var multipart = Multipart.of("episode", "application/json", null, episode.toString().getBytes(StandardCharsets.UTF_8))
                .and("audio", "audio/mpeg", "episode.mp3", mp3);
        return send(request("/api/podcasts/" + show + "/episodes")
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())));
    }

    /** Polls an episode until its served MP3 carries a tag of the current content (re-tagging runs in the background). */
    public JsonObject awaitTagged(String episodePath) {
        return Poll.until(episodePath + " is tagged", java.time.Duration.ofSeconds(30), () -> {
            var episode = object(get(episodePath));
            var audio = episode.getJsonObject("audio");
            if (!audio.isNull("tagError")) {
                throw new AssertionError("Not tagged: " + episode);
            }
            return java.util.Optional.of(episode).filter(e -> audio.getBoolean("tagged"));
        });
    }

    public static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    public static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) parse(response.body());
    }

    public static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    /** A multipart/form-data body built in memory (test files are small). */
    public record Multipart(String boundary, ByteArrayOutputStream body) {

        public static Multipart of(String name, String type, String filename, byte[] content) {
            return new Multipart("----chapitre" + UUID.randomUUID().toString().replace("-", ""), new ByteArrayOutputStream())
                    .and(name, type, filename, content);
        }

        public Multipart and(String name, String type, String filename, byte[] content) {
            var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] bytes() {
            var all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }
    }
}
