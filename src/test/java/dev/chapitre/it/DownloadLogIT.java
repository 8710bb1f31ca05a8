package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * nginx serves published audio from the tree and writes one line per request to the download log
 * (the contract of deploy/nginx/chapitre.conf); the server follows that file
 * (CHAPITRE_DOWNLOAD_LOG, set by the build) and counts by the same IAB rules as for the requests it
 * answers itself. Here the test writes nginx's lines, and rotates the log as logrotate does.
 */
class DownloadLogIT {

    static final Path LOG = Path.of(System.getProperty("chapitre.download.log", "target/it-data/nginx/chapitre-downloads.log"));
    static final DateTimeFormatter ISO_8601 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"); // nginx's $time_iso8601

    @Test
    void downloadsNginxServedAreCountedFromItsLogOnceEach() throws Exception {
        var producer = Api.newProducer();
        var show = producer.createShow("Servi par nginx").getString("slug");
        var episode = publish(producer, show, "Écouté");
        var witness = publish(producer, show, "Témoin");
        long length = episode.getJsonObject("audio").getJsonNumber("length").longValue();
        var audio = "/media/" + show + "/" + episode.getString("slug") + ".mp3";
        var stats = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug") + "/stats";
        Files.createDirectories(LOG.getParent());

        append(LOG,
                line("192.0.2.1", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "", 200, length, "GET", audio),
                line("192.0.2.1", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "", 200, length, "GET", audio), // same listener, same day
                line("192.0.2.2", "AntennaPod/3.2.0", "bytes=0-1999999", 206, 2_000_000, "GET", audio), // tag + more than a minute
                line("2001:db8:5:6::1", "Pocket Casts", "", 200, length, "GET", audio),
                line("2001:db8:5:6::2", "Pocket Casts", "", 200, length, "GET", audio), // the same /64: the same listener
                line("192.0.2.3", "AppleCoreMedia/1.0.0.20G75 (iPhone; U; CPU OS 16_6 like Mac OS X; en_us)", "bytes=0-1", 206, 2, "GET", audio),
                line("192.0.2.3", "AppleCoreMedia/1.0.0.20G75 (iPhone; U; CPU OS 16_6 like Mac OS X; en_us)", "", 200, 0, "HEAD", audio),
                line("192.0.2.4", "AntennaPod/3.2.0", "", 304, 0, "GET", audio),
                line("192.0.2.5", "Googlebot/2.1 (+http://www.google.com/bot.html)", "", 200, length, "GET", audio),
                line("192.0.2.6", "atc/1.0 watchOS/7.0.1 model/Watch5,4 hwp/t8006 build/18R402 (6; dt:204)", "", 200, length, "GET", audio),
                line("192.0.2.7", "Spotify/8.8.12 iOS/16.6", "bytes=0-50000", 206, 50_001, "GET", audio), // less than a minute
                line("192.0.2.7", "Spotify/8.8.12 iOS/16.6", "bytes=0-", 416, 190, "GET", audio),
                line("192.0.2.8", "Castro 2022.9/1385", "", 200, 40_000, "GET", "/media/" + show + "/artwork.jpg"),
                line("192.0.2.8", "Castro 2022.9/1385", "", 200, length, "GET", "/media/" + show + "/never-published.mp3"),
                "this is not a line of the contract");
        // The first listeners are counted before the rotation: the position is then in the file that is renamed.
        awaitTotal(producer, stats, 3);

        // logrotate: rename, create, then nginx's workers reopen one by one (one writes to the old file meanwhile).
        var rotated = LOG.resolveSibling(LOG.getFileName() + ".1");
        Files.move(LOG, rotated, StandardCopyOption.REPLACE_EXISTING);
        Files.createFile(LOG);
        append(LOG,
                line("192.0.2.9", "AntennaPod/3.2.0", "", 200, length, "GET", audio),
                line("192.0.2.1", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "", 200, length, "GET", audio)); // counted before
        append(rotated, line("192.0.2.10", "Castro 2022.9/1385", "", 200, length, "GET", audio));
        // Lines are read in order, the rotated file to its end first: once the last line's listener
        // is counted, every line above has been judged and nothing else can trickle in.
        append(LOG, line("192.0.2.11", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "", 200,
                witness.getJsonObject("audio").getJsonNumber("length").longValue(), "GET", "/media/" + show + "/" + witness.getString("slug") + ".mp3"));
        awaitTotal(producer, "/api/podcasts/" + show + "/episodes/" + witness.getString("slug") + "/stats", 1);

        var counted = Api.object(producer.get(stats));
        assertEquals(5, counted.getInt("total"), counted.toString());
        var apps = counted.getJsonObject("apps");
        assertEquals(Map.of("Overcast", 1, "AntennaPod", 2, "Pocket Casts", 1, "Castro", 1),
                Map.of("Overcast", apps.getInt("Overcast"), "AntennaPod", apps.getInt("AntennaPod"),
                        "Pocket Casts", apps.getInt("Pocket Casts"), "Castro", apps.getInt("Castro")), apps.toString());
        assertEquals(4, apps.size(), apps.toString());
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("date", LocalDate.now(ZoneOffset.UTC).toString())
                .add("downloads", 5)).build(), counted.getJsonArray("days"), "the day of the line");
    }

    static JsonObject publish(Api producer, String show, String title) {
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", title)
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), Fixtures.mp3OfAtLeast(3_000_000));
        assertEquals(201, created.statusCode(), created.body());
        var slug = Api.object(created).getString("slug");
        return producer.awaitTagged("/api/podcasts/" + show + "/episodes/" + slug); // the length nginx sends is the tagged file's
    }

    static void awaitTotal(Api producer, String stats, int expected) {
        Poll.until(stats + " counts " + expected, Duration.ofSeconds(20),
                () -> Optional.of(Api.object(producer.get(stats))).filter(counted -> counted.getInt("total") >= expected));
    }

    /** A line as nginx's chapitre_downloads format writes it, at this moment. */
    static String line(String address, String userAgent, String range, int status, long bytes, String method, String path) {
        return Json.createObjectBuilder().add("time", OffsetDateTime.now(ZoneOffset.UTC).format(ISO_8601)).add("addr", address)
                .add("ua", userAgent).add("range", range).add("status", status).add("bytes", bytes).add("method", method)
                .add("path", path).build().toString();
    }

    static void append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
