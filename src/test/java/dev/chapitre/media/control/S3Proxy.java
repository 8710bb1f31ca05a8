package dev.chapitre.media.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * s3proxy (Maven Central's org.gaul:s3proxy, copied to target/s3proxy by the build) as a process of
 * its own on a free loopback port, with its filesystem backend under target/ and signature checking
 * on (aws-v2-or-v4): every request our client sends is signed and checked as AWS would.
 */
public final class S3Proxy implements AutoCloseable {

    public static final String ACCESS_KEY = "chapitre-test";
    public static final String SECRET_KEY = "chapitre-test-secret-key";

    private final Process process;
    private final int port;
    private final Path data;

    private S3Proxy(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    /** Starts one, with {@code bucket} created, under {@code folder}. */
    public static S3Proxy start(Path folder, String bucket) throws Exception {
        var jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No s3proxy at " + jar + ": run the tests through Maven (it copies the jar there)");
        }
        int port = freePort();
        var data = Files.createDirectories(folder.resolve("s3proxy-" + UUID.randomUUID()));
        Files.createDirectories(data.resolve("blobs"));
        var properties = data.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data.resolve("blobs"),
                ""));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("s3proxy.log").toFile()).start();
        var proxy = new S3Proxy(process, port, data);
        try {
            proxy.awaitListening(Duration.ofSeconds(60));
            try (var client = proxy.client()) {
                client.createBucket(b -> b.bucket(bucket));
            }
            return proxy;
        } catch (Exception e) {
            proxy.close();
            throw e;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public S3Settings settings(String bucket) {
        return new S3Settings(bucket, Optional.of(endpoint()), "us-east-1", Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY));
    }

    /** A client of our own, to look into the bucket behind the storage's back. */
    public S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1).endpointOverride(endpoint())
                .forcePathStyle(true)
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    public Path log() {
        return data.resolve("s3proxy.log");
    }

    private void awaitListening(Duration limit) throws Exception {
        var until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy stopped: " + Files.readString(log()));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(100); // polled: the next attempt
            }
        }
        throw new IllegalStateException("s3proxy did not listen on " + port + " within " + limit);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
