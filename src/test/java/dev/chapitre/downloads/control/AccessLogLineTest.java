package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The download log's lines as nginx's chapitre_downloads format writes them (deploy/nginx/chapitre.conf). */
class AccessLogLineTest {

    static String line(String ua, String range, int status, long bytes, String method) {
        return "{\"time\":\"2026-11-30T17:01:02+01:00\",\"addr\":\"2001:db8::7\",\"ua\":\"" + ua + "\",\"range\":\"" + range
                + "\",\"status\":" + status + ",\"bytes\":" + bytes + ",\"method\":\"" + method + "\",\"path\":\"/media/epique/un.mp3\"}";
    }

    @Test
    void readsEveryFieldOfTheContract() {
        var line = AccessLogLine.parse(line("Overcast/3.0 (+http://overcast.fm/; \\\"iOS\\\")", "bytes=0-", 206, 2_000_000, "GET")).orElseThrow();
        assertEquals(Instant.parse("2026-11-30T16:01:02Z"), line.time(), "the offset is honoured");
        assertEquals("2001:db8::7", line.address());
        assertEquals("Overcast/3.0 (+http://overcast.fm/; \"iOS\")", line.userAgent(), "escape=json undone");
        assertEquals("bytes=0-", line.range());
        assertEquals(206, line.status());
        assertEquals(2_000_000, line.bytes());
        assertEquals("/media/epique/un.mp3", line.path());
        assertEquals(2_000_000, line.audioBytesSent());
    }

    @Test
    void onlyAGetAnswered200Or206SentAudio() {
        assertEquals(0, parse(line("A", "", 200, 3_000_000, "HEAD")).audioBytesSent(), "HEAD");
        assertEquals(0, parse(line("A", "", 304, 0, "GET")).audioBytesSent(), "304");
        assertEquals(0, parse(line("A", "bytes=9999999-", 416, 190, "GET")).audioBytesSent(), "416 sends an error body, not audio");
        assertEquals(0, parse(line("A", "", 404, 150, "GET")).audioBytesSent());
        assertEquals(0, parse(line("A", "", 500, 150, "GET")).audioBytesSent());
        assertEquals(3_000_000, parse(line("A", "", 200, 3_000_000, "GET")).audioBytesSent());
    }

    @Test
    void theFirstByteSentIsReadFromTheRange() {
        assertEquals(0, parse(line("A", "", 200, 10, "GET")).firstByte(1000));
        assertEquals(0, parse(line("A", "bytes=500-", 200, 10, "GET")).firstByte(1000), "a range nginx ignored (200): from the start");
        assertEquals(500, parse(line("A", "bytes=500-599", 206, 100, "GET")).firstByte(1000));
        assertEquals(900, parse(line("A", "bytes=-100", 206, 100, "GET")).firstByte(1000), "a suffix range");
        assertEquals(0, parse(line("A", "bytes=x-", 206, 100, "GET")).firstByte(1000), "unreadable: the stricter reading");
    }

    @Test
    void anythingElseIsNotALine() {
        assertTrue(AccessLogLine.parse("not json").isEmpty());
        assertTrue(AccessLogLine.parse("").isEmpty());
        assertTrue(AccessLogLine.parse("[1,2]").isEmpty());
        assertTrue(AccessLogLine.parse("{\"time\":\"2026-11-30T17:01:02+00:00\"}").isEmpty(), "fields missing");
        assertTrue(AccessLogLine.parse(line("A", "", 200, 10, "GET").replace("\"status\":200", "\"status\":\"200\"")).isEmpty(),
                "a status that is text");
        assertTrue(AccessLogLine.parse(line("A", "", 200, 10, "GET").replace("2026-11-30T17:01:02+01:00", "30/Nov/2026:17:01:02 +0100"))
                .isEmpty(), "nginx's $time_local is not the contract's time");
        assertTrue(AccessLogLine.parse(line("A", "", 200, 10, "GET").replace("\"bytes\":10", "\"bytes\":1.5")).isEmpty());
        assertTrue(AccessLogLine.parse(line("A", "", 200, 10, "GET").replace("2001:db8::7", "")).isEmpty(), "no address");
        assertTrue(AccessLogLine.parse(line("A", "", 200, 10, "GET").substring(0, 60)).isEmpty(), "a line cut short");
    }

    static AccessLogLine parse(String text) {
        return AccessLogLine.parse(text).orElseThrow();
    }
}
