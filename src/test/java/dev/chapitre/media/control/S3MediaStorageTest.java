package dev.chapitre.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The storage contract against a real S3 server (s3proxy, signatures checked), plus what only a bucket has. */
class S3MediaStorageTest extends MediaStorageContract {

    static final String BUCKET = "chapitre-media";
    static S3Proxy proxy;
    static S3MediaStorage storage;
    static Path scratch;

    @BeforeAll
    static void aBucket() throws Exception {
        var target = Files.createDirectories(Path.of("target", "s3-test"));
        proxy = S3Proxy.start(target, BUCKET);
        scratch = Files.createTempDirectory(target, "scratch");
        storage = new S3MediaStorage(proxy.settings(BUCKET), scratch);
        storage.checkBucket();
    }

    @AfterAll
    static void stop() throws Exception {
        if (storage != null) {
            storage.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Override
    MediaStorage storage() {
        return storage;
    }

    @Override
    List<String> unfinished() throws IOException {
        var found = new ArrayList<String>();
        try (var client = proxy.client()) {
            client.listMultipartUploadsPaginator(l -> l.bucket(BUCKET)).uploads().forEach(u -> found.add("multipart " + u.key()));
            client.listObjectsV2Paginator(l -> l.bucket(BUCKET).prefix(S3MediaStorage.STAGING)).contents()
                    .forEach(o -> found.add("staged " + o.key()));
        }
        try (var files = Files.list(scratch)) {
            files.forEach(file -> found.add("sample " + file));
        }
        return found;
    }

    @Test
    void uploadsAKilledInstanceLeftAreRemovedOnceTheyAreOld() throws Exception {
        try (var client = proxy.client()) {
            client.createMultipartUpload(c -> c.bucket(BUCKET).key("episodes/killed.mp3")); // killed mid-upload
        }
        var staged = storage.stage(new java.io.ByteArrayInputStream(bytes(1000, 9)), 1000); // killed before publishing
        Files.delete(staged.sample()); // the restart empties the scratch folder
        assertEquals(0, storage.removeAbandoned(Instant.now()), "an upload under way is nobody's leftover");
        assertEquals(2, storage.removeAbandoned(Instant.now().plus(S3MediaStorage.ABANDONED).plusSeconds(60)));
        assertEquals(List.of(), unfinished());
    }

    @Test
    void anUploadOfAProcessOfThisHostThatIsGoneIsRemovedAtOnceAndARunningOnesIsNot() throws Exception {
        var host = WorkFiles.newName("").split("~")[0];
        var gone = new ProcessBuilder("true").start();
        gone.waitFor();
        var running = new ProcessBuilder("sleep", "60").start();
        try (var client = proxy.client()) {
            client.createMultipartUpload(c -> c.bucket(BUCKET).key(S3MediaStorage.STAGING + host + "~" + gone.pid() + "~killed"));
            client.createMultipartUpload(c -> c.bucket(BUCKET).key(S3MediaStorage.STAGING + host + "~" + running.pid() + "~streaming"));
            assertEquals(1, storage.removeAbandoned(Instant.now()), "the killed instance's upload, not the running one's");
            var left = client.listMultipartUploads(l -> l.bucket(BUCKET)).uploads().stream().map(u -> u.key()).toList();
            assertEquals(List.of(S3MediaStorage.STAGING + host + "~" + running.pid() + "~streaming"), left);
        } finally {
            running.destroy();
            storage.removeAbandoned(Instant.now().plus(S3MediaStorage.ABANDONED).plusSeconds(60));
        }
    }

    @Test
    void theServerRefusesAPartWhoseBytesDoNotMatchItsChecksum() {
        try (var client = proxy.client()) {
            var upload = client.createMultipartUpload(c -> c.bucket(BUCKET).key("episodes/corrupt.mp3")).uploadId();
            var ofOtherBytes = java.util.Base64.getEncoder().encodeToString(new byte[16]);
            var refused = org.junit.jupiter.api.Assertions.assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class,
                    () -> client.uploadPart(u -> u.bucket(BUCKET).key("episodes/corrupt.mp3").uploadId(upload).partNumber(1)
                            .contentMD5(ofOtherBytes), RequestBody.fromBytes(bytes(MIB, 8))));
            assertEquals(400, refused.statusCode());
            client.abortMultipartUpload(a -> a.bucket(BUCKET).key("episodes/corrupt.mp3").uploadId(upload));
        }
    }

    @Test
    void aPresignedAddressServesRangesWithoutCredentials() throws Exception {
        var content = bytes(2 * MIB, 7);
        var key = published("episodes/presigned.mp3", content);
        var url = storage.presignedGet(key, "audio/mpeg").orElseThrow();
        var request = java.net.http.HttpRequest.newBuilder(url).header("Range", "bytes=1000-1999").build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, response.statusCode());
        assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(content, 1000, 2000), response.body()));
        assertEquals("audio/mpeg", response.headers().firstValue("Content-Type").orElse(""));

        // signed once and handed over again (signing is the costly part of a hand-over), per type
        assertEquals(url, storage.presignedGet(key, "audio/mpeg").orElseThrow());
        var asPng = storage.presignedGet(key, "image/png").orElseThrow();
        assertNotEquals(url, asPng);
        var typed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(asPng).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals("image/png", typed.headers().firstValue("Content-Type").orElse(""));
    }
}
