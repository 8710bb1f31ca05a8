package dev.chapitre.media.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Media in an S3-compatible bucket (path-style addresses, so s3proxy, MinIO and AWS alike). Nothing
 * is renamed: an upload streams into a multipart upload under {@code .staging/} in parts of
 * {@link #PART} bytes (one part in memory, each with an MD5 the server checks) and is copied to
 * its key on publication; a new version is a new key. What a killed instance leaves (a multipart
 * upload never completed, a staged object never published) is removed by {@link #removeAbandoned}.
 */
public class S3MediaStorage implements MediaStorage, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3MediaStorage.class.getName());
    static final int PART = 8 * 1024 * 1024;
    /** S3 refuses parts below 5 MiB, but for the last. */
    static final int MIN_PART = 5 * 1024 * 1024;
    /** Audio copied by the server itself, in parts of this size. */
    static final long COPY_PART = 256L * 1024 * 1024;
    static final String STAGING = ".staging/";
    /** Longer than any upload or re-tag takes: an unfinished one this old was left by a dead instance. */
    public static final Duration ABANDONED = WorkFiles.ABANDONED;
    /** Longer than any cache and any download in progress of a version the database no longer names. */
    private static final Duration RETENTION = Duration.ofHours(6);
    private static final Duration PRESIGNED_FOR = Duration.ofMinutes(5);
    /**
     * Signing a GET cost more than the rest of a hand-over (bench/object-storage.sh: the hand-over
     * alone answered 340/s signing each time): a listener's app asks for range after range of the same
     * episode, so one signature serves them for a minute, and is still valid for four more when nginx
     * fetches with it. Bounded: at most this many keys are remembered.
     */
    private static final Duration PRESIGNED_REUSED_FOR = Duration.ofMinutes(1);
    private static final int PRESIGNED_KEPT = 10_000;
    private final ConcurrentHashMap<String, PresignedGet> presignedGets = new ConcurrentHashMap<>();

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Path scratch;
    private final S3Settings settings;

    public S3MediaStorage(S3Settings settings, Path scratch) {
        this.settings = settings;
        this.bucket = settings.bucket();
        this.scratch = scratch;
        var credentials = credentials(settings);
        var region = Region.of(settings.region());
        var pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        var client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(region).credentialsProvider(credentials).serviceConfiguration(pathStyle)
                // Checksums where we ask for them (every part we send), not the SDK's default trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presign = S3Presigner.builder().region(region).credentialsProvider(credentials).serviceConfiguration(pathStyle);
        settings.endpoint().ifPresent(endpoint -> {
            client.endpointOverride(endpoint);
            presign.endpointOverride(endpoint);
        });
        s3 = client.build();
        presigner = presign.build();
        try {
            Files.createDirectories(scratch);
            WorkFiles.removeAbandoned(scratch, Instant.now()); // not what another instance on this folder writes
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the scratch folder " + scratch, e);
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Fails at start, with the reason, when the bucket cannot be reached with these settings. */
    public void checkBucket() {
        s3.headBucket(b -> b.bucket(bucket));
    }

    @Override
    public boolean writable() {
        try {
            checkBucket();
            return Files.isWritable(scratch);
        } catch (SdkException unreachable) {
            return false;
        }
    }

    @Override
    public String location() {
        return settings.toString();
    }

    @Override
    public StagedFile stage(InputStream in, long maxBytes) throws IOException {
        var key = STAGING + WorkFiles.newName("");
        var sample = new UploadSample(scratch);
        var upload = new PartsUpload(key);
        var buffer = new byte[PART];
        long size = 0;
        try {
            while (true) {
                int n = in.readNBytes(buffer, 0, PART);
                if (size + n > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                sample.accept(buffer, n);
                size += n;
                if (n < PART) {
                    upload.last(buffer, n);
                    break;
                }
                upload.part(buffer, n);
            }
            sample.finish();
        } catch (IOException | RuntimeException e) {
            upload.abort();
            try {
                delete(key); // the upload may have completed before the sample failed
            } catch (RuntimeException alsoUnreachable) {
                e.addSuppressed(alsoUnreachable); // left to the abandoned uploads' sweep
            }
            sample.close();
            throw unavailable(e);
        }
        return new StagedFile(sample.file(), size, key, () -> delete(key));
    }

    @Override
    public void publish(StagedFile staged, String key) throws IOException {
        try {
            s3.copyObject(c -> c.sourceBucket(bucket).sourceKey(staged.location()).destinationBucket(bucket)
                    .destinationKey(MediaStorage.checked(key)));
        } catch (SdkException e) {
            throw unavailable(e);
        }
        delete(staged.location());
    }

    /**
     * The head and the first bytes of the source in a first part sent from here, the rest copied by
     * the server from the source object (UploadPartCopy): a re-tag of a 1 GiB episode moves a few
     * MiB through this instance.
     */
    @Override
    public long prepend(String key, byte[] head, String source, long from) throws IOException {
        MediaStorage.checked(key);
        long length = version(source).orElseThrow(() -> new NoSuchFileException(source)).length();
        long rest = length - from;
        long firstBytes = Math.min(rest, Math.max(PART - head.length, MIN_PART));
        var first = new byte[Math.toIntExact(head.length + firstBytes)];
        System.arraycopy(head, 0, first, 0, head.length);
        try (var in = read(source, from, firstBytes)) {
            if (in.readNBytes(first, head.length, (int) firstBytes) != firstBytes) {
                throw new IOException("The source " + source + " ended early");
            }
        }
        var upload = new PartsUpload(key);
        try {
            if (firstBytes == rest) {
                upload.last(first, first.length);
            } else {
                upload.part(first, first.length);
                for (long at = from + firstBytes; at < length; at += COPY_PART) {
                    upload.copied(source, at, Math.min(length, at + COPY_PART) - 1, at + COPY_PART >= length);
                }
            }
        } catch (RuntimeException e) {
            upload.abort();
            throw unavailable(e);
        }
        return head.length + rest;
    }

    @Override
    public Optional<Version> version(String key) throws IOException {
        try {
            var head = s3.headObject(h -> h.bucket(bucket).key(MediaStorage.checked(key)));
            return Optional.of(new Version(head.contentLength(), head.lastModified().toEpochMilli()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public InputStream read(String key, long first, long count) throws IOException {
        if (count <= 0) {
            return InputStream.nullInputStream();
        }
        var range = "bytes=" + first + "-" + (count >= Long.MAX_VALUE - first ? "" : String.valueOf(first + count - 1));
        try {
            return s3.getObject(g -> g.bucket(bucket).key(MediaStorage.checked(key)).range(range));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream(); // from the end on: nothing
            }
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw unavailable(e);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(key));
        } catch (SdkException e) {
            LOG.warning(() -> "Could not delete media " + key + ": " + e);
        }
    }

    @Override
    public List<Stored> stored() throws IOException {
        try {
            var found = new ArrayList<Stored>();
            for (var object : s3.listObjectsV2Paginator(l -> l.bucket(bucket)).contents()) {
                if (KEY.matcher(object.key()).matches()) {
                    found.add(new Stored(object.key(), object.lastModified()));
                }
            }
            return found;
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /**
     * Multipart uploads never completed and staged objects never published that nobody writes any
     * more: an upload's staged object is named after its writer ({@link WorkFiles}), so what a killed
     * process of this host left goes at once; everything else once older than {@link #ABANDONED}
     * (a re-tag's new version, another host's upload). Safe with several instances: none removes
     * another running one's work. Answers how many were removed.
     */
    public int removeAbandoned(Instant now) {
        int removed = 0;
        for (var upload : s3.listMultipartUploadsPaginator(l -> l.bucket(bucket)).uploads()) {
            if (isAbandoned(upload.key(), upload.initiated(), now)) {
                s3.abortMultipartUpload(a -> a.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                removed++;
            }
        }
        for (var object : s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(STAGING)).contents()) {
            if (isAbandoned(object.key(), object.lastModified(), now)) {
                delete(object.key());
                removed++;
            }
        }
        return removed;
    }

    private static boolean isAbandoned(String key, Instant touched, Instant now) {
        return key.startsWith(STAGING) ? WorkFiles.isAbandoned(key.substring(STAGING.length()), touched, now)
                : touched.isBefore(now.minus(ABANDONED));
    }

    @Override
    public Duration retention() {
        return RETENTION;
    }

    @Override
    public Path stagingArea() {
        return scratch;
    }

    @Override
    public Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> localFolder() {
        return Optional.empty();
    }

    @Override
    public Optional<URI> presignedGet(String key, String contentType) {
        var now = Instant.now();
        var name = key + "\n" + contentType;
        var reusable = presignedGets.get(name);
        if (reusable != null && now.isBefore(reusable.until())) {
            return Optional.of(reusable.url());
        }
        if (presignedGets.size() >= PRESIGNED_KEPT) {
            presignedGets.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().until()));
            if (presignedGets.size() >= PRESIGNED_KEPT) {
                presignedGets.clear();
            }
        }
        var request = presigner.presignGetObject(p -> p.signatureDuration(PRESIGNED_FOR)
                .getObjectRequest(g -> g.bucket(bucket).key(MediaStorage.checked(key)).responseContentType(contentType)));
        var url = URI.create(request.url().toString());
        presignedGets.put(name, new PresignedGet(url, now.plus(PRESIGNED_REUSED_FOR)));
        return Optional.of(url);
    }

    /** A signed URL handed over again until {@code until}, which leaves it minutes of validity. */
    private record PresignedGet(URI url, Instant until) {
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
    }

    /** The storage, not the client, failed: said so, for an answer the client may retry. */
    private static IOException unavailable(Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof SdkException) {
            return new Unavailable("the object storage failed: " + e.getMessage(), e);
        }
        throw (RuntimeException) e;
    }

    /**
     * One object written in parts: a single PUT when the first part is also the last, else a
     * multipart upload, each part with a checksum the server verifies before it accepts the part.
     */
    private final class PartsUpload {
        private final String key;
        private final List<CompletedPart> parts = new ArrayList<>();
        private String uploadId;

        PartsUpload(String key) {
            this.key = key;
        }

        void part(byte[] bytes, int length) {
            started();
            int number = parts.size() + 1;
            var sent = s3.uploadPart(u -> u.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentMD5(md5(bytes, length)), body(bytes, length));
            parts.add(CompletedPart.builder().partNumber(number).eTag(sent.eTag()).build());
        }

        void copied(String source, long first, long last, boolean isLast) {
            started();
            int number = parts.size() + 1;
            var sent = s3.uploadPartCopy(u -> u.sourceBucket(bucket).sourceKey(source).copySourceRange("bytes=" + first + "-" + last)
                    .destinationBucket(bucket).destinationKey(key).uploadId(uploadId).partNumber(number));
            parts.add(CompletedPart.builder().partNumber(number).eTag(sent.copyPartResult().eTag()).build());
            if (isLast) {
                complete();
            }
        }

        void last(byte[] bytes, int length) {
            if (uploadId == null) {
                s3.putObject(p -> p.bucket(bucket).key(key).contentMD5(md5(bytes, length)), body(bytes, length));
                return;
            }
            if (length > 0) {
                part(bytes, length);
            }
            complete();
        }

        /**
         * Sent as Content-MD5, which every S3-compatible server checks against the bytes it received
         * before it stores the part (a bad part → 400, and the upload is aborted). The newer
         * x-amz-checksum-* headers are refused by s3proxy (501), and the SDK's default sends them as
         * an aws-chunked trailer that s3proxy does not read either. Over plain HTTP the signature
         * also covers the body's SHA-256 (x-amz-content-sha256), which the server checks as well.
         */
        private static String md5(byte[] bytes, int length) {
            try {
                var digest = java.security.MessageDigest.getInstance("MD5");
                digest.update(bytes, 0, length);
                return java.util.Base64.getEncoder().encodeToString(digest.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The buffer as it is, without the copy RequestBody.fromBytes makes (it is refilled only after the call). */
        private static RequestBody body(byte[] bytes, int length) {
            return RequestBody.fromContentProvider(() -> new java.io.ByteArrayInputStream(bytes, 0, length), length,
                    "application/octet-stream");
        }

        private void started() {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(c -> c.bucket(bucket).key(key)).uploadId();
            }
        }

        private void complete() {
            s3.completeMultipartUpload(c -> c.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        }

        void abort() {
            if (uploadId != null) {
                try {
                    s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
                } catch (SdkException e) {
                    LOG.warning(() -> "Could not abort the multipart upload of " + key + " (removed later as abandoned): " + e);
                }
            }
        }
    }
}
