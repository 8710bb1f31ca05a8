package dev.chapitre.e2e;

import dev.chapitre.it.Api;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Whether a show's part of the published tree holds exactly what the application serves: for each
 * public path (the feed, and each episode the feed names: its MP3, chapter file and transcripts) the same bytes,
 * the gzipped copy of the same bytes, and no other file (artwork aside).
 */
final class PublishedTreeCheck {

    private PublishedTreeCheck() {
    }

    /** The show's public paths as the application serves them, read from its feed (empty: no feed). */
    static List<String> publicPaths(String appBase, String slug) throws Exception {
        var paths = new ArrayList<String>();
        var feed = direct(appBase, "/feeds/" + slug + ".xml");
        if (feed.statusCode() != 200) {
            return paths;
        }
        paths.add("/feeds/" + slug + ".xml");
        var matcher = Pattern.compile("/media/" + slug + "/([a-z0-9-]+)\\.mp3").matcher(new String(feed.body(), StandardCharsets.UTF_8));
        var episodes = new TreeSet<String>();
        while (matcher.find()) {
            episodes.add(matcher.group(1));
        }
        for (var episode : episodes) {
            paths.add("/media/" + slug + "/" + episode + ".mp3");
            paths.add("/chapters/" + slug + "/" + episode + ".json");
        }
        var transcripts = Pattern.compile("/transcripts/" + slug + "/[a-z0-9-]+\\.[a-z]+").matcher(new String(feed.body(), StandardCharsets.UTF_8));
        while (transcripts.find()) {
            paths.add(transcripts.group());
        }
        return paths;
    }

    static boolean matches(Path tree, String appBase, String slug) throws Exception {
        return matches(tree, appBase, slug, publicPaths(appBase, slug));
    }

    static boolean matches(Path tree, String appBase, String slug, List<String> paths) throws Exception {
        var expected = new TreeSet<String>();
        for (var path : paths) {
            var file = tree.resolve(path.substring(1));
            var served = direct(appBase, path);
            if (served.statusCode() != 200 || !Files.exists(file) || !Arrays.equals(served.body(), Files.readAllBytes(file))) {
                return false;
            }
            expected.add(path.substring(1));
            var gzipped = tree.resolve(path.substring(1) + ".gz");
            if (Files.exists(gzipped)) {
                if (!Arrays.equals(served.body(), gunzip(Files.readAllBytes(gzipped)))) {
                    return false;
                }
                expected.add(path.substring(1) + ".gz");
            }
        }
        var present = new TreeSet<String>();
        for (var part : List.of("chapters/" + slug, "media/" + slug, "transcripts/" + slug)) {
            if (Files.isDirectory(tree.resolve(part))) {
                try (Stream<Path> files = Files.walk(tree.resolve(part))) {
                    files.filter(Files::isRegularFile).forEach(file -> present.add(tree.relativize(file).toString()));
                }
            }
        }
        for (var feed : List.of("feeds/" + slug + ".xml", "feeds/" + slug + ".xml.gz")) {
            if (Files.exists(tree.resolve(feed))) {
                present.add(feed);
            }
        }
        present.removeIf(path -> path.matches(".*/artwork\\.(png|jpg)"));
        expected.removeIf(path -> path.matches(".*/artwork\\.(png|jpg)"));
        return present.equals(expected);
    }

    /** The application's own answer, without nginx. */
    static HttpResponse<byte[]> direct(String appBase, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(appBase + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Api.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] bytes) throws java.io.IOException {
        return new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
    }
}
