package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Peaks and pauses of real speech ({@link SpokenFrench}): four French sentences spoken by espeak-ng, joined with silences
 * of known length, encoded as a podcast would be (ffmpeg, 128 kbit/s, 44.1 kHz stereo). The pauses
 * must be where the test put them, the suggestions at the parts' starts, the peaks as ffmpeg decodes
 * them; and an hour of audio is scanned by a server whose heap is 256 MiB.
 */
class WaveformE2E {

    static SpokenFrench spoken;
    static Path directory;
    static Path mp3;
    /** Where each silence really is, in ms: from the last sound of a part to the first of the next. */
    static List<long[]> truePauses;
    static Api producer;
    static String path;

    @BeforeAll
    static void spokenFrenchWithSilencesOfKnownLength() throws Exception {
        directory = Files.createDirectories(Path.of("target", "e2e-waveform").toAbsolutePath());
        spoken = SpokenFrench.make(directory);
        mp3 = spoken.mp3();
        truePauses = spoken.pauses();
        producer = Api.newProducer();
        var show = producer.createShow("Épique parlé " + System.nanoTime()).getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Quatre parties").build(), Files.readAllBytes(mp3));
        assertEquals(201, created.statusCode(), created.body());
        path = "/api/podcasts/" + show + "/episodes/" + Api.object(created).getString("slug");
    }

    static HttpResponse<byte[]> peaks(Api api, String episodePath, Duration timeout) {
        return Poll.until("the waveform of " + episodePath, timeout, () -> {
            var answer = Api.send(api.request(episodePath + "/waveform"), HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 202, "status " + answer.statusCode());
            return answer.statusCode() == 200 ? Optional.of(answer) : Optional.empty();
        });
    }

    @Test
    void everyPauseIsFoundWithinFiftyMillisecondsOfWhereItIs() {
        peaks(producer, path, Duration.ofSeconds(60));
        var found = Api.array(producer.get(path + "/pauses")).getValuesAs(JsonObject.class);

        assertEquals(truePauses.size(), found.size(), "found " + found + ", put " + truePauses.stream().map(p -> p[0] + "–" + p[1]).toList());
        for (int i = 0; i < truePauses.size(); i++) {
            long start = Math.round(found.get(i).getJsonNumber("start").doubleValue() * 1000);
            long end = Math.round(found.get(i).getJsonNumber("end").doubleValue() * 1000);
            assertEquals(truePauses.get(i)[0], start, 50, "start of pause " + (i + 1));
            assertEquals(truePauses.get(i)[1], end, 50, "end of pause " + (i + 1));
        }
    }

    @Test
    void suggestionsLandAtThePartsStarts() {
        peaks(producer, path, Duration.ofSeconds(60));
        var suggested = Api.object(producer.get(path + "/chapters/suggestions")).getJsonArray("chapters").getValuesAs(JsonObject.class);

        assertEquals("start", suggested.get(0).getString("reason"));
        assertTrue(suggested.size() >= 3, suggested.toString());
        for (var suggestion : suggested.subList(1, suggested.size())) {
            long at = Math.round(suggestion.getJsonNumber("startTime").doubleValue() * 1000);
            assertTrue(truePauses.stream().anyMatch(p -> Math.abs(p[1] - at) <= 300), at + " ms is not the start of a part: " + suggested);
        }
        // The longest silence (2.0 s) comes first.
        assertTrue(suggested.stream().anyMatch(s -> Math.abs(s.getJsonNumber("startTime").doubleValue() * 1000 - truePauses.get(1)[1]) <= 300),
                suggested.toString());
    }

    @Test
    void thePeaksAgreeWithFfmpegDecodingTheSameFile() throws Exception {
        var answer = peaks(producer, path, Duration.ofSeconds(60));
        var data = ByteBuffer.wrap(answer.body()).order(ByteOrder.LITTLE_ENDIAN);
        data.getInt();
        data.getInt();
        assertEquals(44_100, data.getInt());
        int perPixel = data.getInt();
        int pixels = data.getInt();

        var ffmpeg = Tools.require("ffmpeg", "/usr/bin/ffmpeg");
        var pcm = new ProcessBuilder(ffmpeg.toString(), "-v", "error", "-i", mp3.toString(), "-f", "s16le", "-ac", "1", "-").start();
        var samples = ByteBuffer.wrap(pcm.getInputStream().readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        assertEquals(0, pcm.waitFor());
        int compared = Math.min(pixels, samples.limit() / perPixel);
        // ffmpeg also drops the encoder's padding at the end (LAME's tag says how much): up to 3 pixels.
        assertTrue(compared >= pixels - 4, "ffmpeg decodes as long: " + compared + " of " + pixels);
        int close = 0;
        int worst = 0;
        for (int p = 0; p < compared; p++) {
            int min = Short.MAX_VALUE;
            int max = Short.MIN_VALUE;
            for (int i = p * perPixel; i < (p + 1) * perPixel; i++) {
                min = Math.min(min, samples.get(i));
                max = Math.max(max, samples.get(i));
            }
            int difference = Math.max(Math.abs((min >> 8) - data.get(20 + 2 * p)), Math.abs((max >> 8) - data.get(20 + 2 * p + 1)));
            worst = Math.max(worst, difference);
            close += difference <= 2 ? 1 : 0;
        }
        assertTrue(close >= compared * 0.99, close + " of " + compared + " pixels within 2 (of 128); the worst " + worst);
    }

    @Test
    void anHourIsScannedByAServerWithA256MegabyteHeap() throws Exception {
        var data = directory.resolve("small-heap");
        JarServer.deleteRecursively(data);
        var environment = Map.of("CHAPITRE_ADMIN_EMAIL", "admin@heap.test", "CHAPITRE_ADMIN_PASSWORD", "a-long-password-1",
                "CHAPITRE_MAX_UPLOAD_BYTES", String.valueOf(200L << 20));
        // The last -Xmx and -XX:TieredStopAtLevel win: 256 MiB, and C2 as in production for the hour of decoding.
        var flags = new JarServer.Flags(List.of("-Xmx256m", "-XX:TieredStopAtLevel=4"), List.of("--nocluster"),
                directory.resolve("small-heap-server.log"));
        var server = JarServer.launch(data, JarServer.freePort(), environment, flags);
        try {
            server.awaitReady(Duration.ofSeconds(180));
            var issued = Api.basic(server.base(), "admin@heap.test", "a-long-password-1").send("POST", "/api/tokens", "application/json",
                    "{\"label\":\"heap\"}");
            assertEquals(201, issued.statusCode(), issued.body());
            var admin = Api.bearer(Api.object(issued).getString("token")).at(server.base());
            var show = admin.createShow("Une heure").getString("slug");
            var created = admin.uploadEpisode(show, Json.createObjectBuilder().add("title", "Soixante minutes").build(), Fixtures.cbrMp3Of(3600));
            assertEquals(201, created.statusCode(), created.body());
            var hour = "/api/podcasts/" + show + "/episodes/" + Api.object(created).getString("slug");

            var answer = peaks(admin, hour, Duration.ofSeconds(240));
            int pixels = ByteBuffer.wrap(answer.body()).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
            // Fixtures.cbrMp3Of repeats 417- and 418-byte frames of 1152 samples up to 16,000 bytes a second.
            long frames = (Fixtures.cbrMp3Of(3600).length - Fixtures.id3Size(Fixtures.cbrMp3Of(3600))) / 417;
            assertEquals(frames * 1152 / 441.0, pixels, frames * 1152 / 441.0 * 0.003, "10 ms pixels for the whole hour");
            assertFalse(server.logText().contains("OutOfMemoryError"), "see " + flags.log());
        } finally {
            server.stop();
        }
    }
}
