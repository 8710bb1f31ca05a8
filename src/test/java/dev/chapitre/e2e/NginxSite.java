package dev.chapitre.e2e;

import dev.chapitre.it.Poll;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx running the operator's site from deploy/, unchanged but for its placeholders
 * (host name, TLS files, ports, the application's address, the data folders, the log folder), with
 * a certificate made for the run. Its logs are in {@code dir/logs}.
 */
public final class NginxSite implements AutoCloseable {

    /** The upstream's server line, the one instance of chapitre.service. */
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^ *server 127\\.0\\.0\\.1:8080\\b[^;]*;");

    private final Path dir;
    private final int httpsPort;
    private final int httpPort;
    private final Process process;
    private final HttpClient client;

    private NginxSite(Path dir, int httpsPort, int httpPort, Process process, HttpClient client) {
        this.dir = dir;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
        this.process = process;
        this.client = client;
    }

    /** nginx on {@code httpsPort} (and {@code httpPort}) in front of the application on {@code appPort}, which keeps its data in {@code dataDir}. */
    public static NginxSite start(Path dir, int httpsPort, int httpPort, int appPort, Path dataDir) throws Exception {
        return start(dir, httpsPort, httpPort, List.of(appPort), dataDir);
    }

    /**
     * The same in front of several instances sharing {@code dataDir}: the upstream's one server line
     * becomes one line per port, with its settings (as an operator lists the chapitre@PORT units).
     */
    public static NginxSite start(Path dir, int httpsPort, int httpPort, List<Integer> appPorts, Path dataDir) throws Exception {
        return start(dir, httpsPort, httpPort, appPorts, dataDir, java.util.Optional.empty());
    }

    /** The same, handing media over to the S3-compatible server at {@code objectStorage} ("host:port") as the site's comments say. */
    public static NginxSite start(Path dir, int httpsPort, int httpPort, List<Integer> appPorts, Path dataDir,
                                  java.util.Optional<String> objectStorage) throws Exception {
        var nginxBinary = Tools.require("nginx-light", "/usr/sbin/nginx");
        var openssl = Tools.require("openssl", "/usr/bin/openssl");
        Files.createDirectories(dir.resolve("logs"));
        if (!Files.exists(dir.resolve("fullchain.pem"))) {
            Tools.run(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", dir.resolve("privkey.pem").toString(), "-out", dir.resolve("fullchain.pem").toString()));
        }
        var data = dataDir.toAbsolutePath();
        var template = Files.readString(Path.of("deploy", "nginx", "chapitre.conf"));
        var upstreamServer = UPSTREAM_SERVER.matcher(template);
        if (!upstreamServer.find()) {
            throw new AssertionError("deploy/nginx/chapitre.conf has no upstream line 'server 127.0.0.1:8080 …;'");
        }
        var site = template
                .replace("/etc/letsencrypt/live/podcasts.example.org/fullchain.pem", dir.resolve("fullchain.pem").toString())
                .replace("/etc/letsencrypt/live/podcasts.example.org/privkey.pem", dir.resolve("privkey.pem").toString())
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;")
                .replace("listen [::]:443 ssl http2;", "")
                .replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
                .replace("listen [::]:80;", "")
                .replace(upstreamServer.group(), appPorts.stream()
                        .map(port -> upstreamServer.group().replace("127.0.0.1:8080", "127.0.0.1:" + port))
                        .collect(Collectors.joining("\n")))
                .replace("podcasts.example.org", "localhost")
                .replace("/var/cache/nginx/chapitre", dir.resolve("cache").toString())
                .replace("/var/log/nginx/", dir.resolve("logs") + "/")
                .replace("/var/lib/chapitre/published", data.resolve("published").toString())
                .replace("/var/lib/chapitre/media/", data.resolve("media") + "/")
                .replace("127.0.0.1:9000", objectStorage.orElse("127.0.0.1:9000"));
        Files.writeString(dir.resolve("site.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes 2;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 512; }
                http {
                    sendfile on;
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(dir));
        Tools.run(List.of(nginxBinary.toString(), "-t", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString()));
        var process = new ProcessBuilder(nginxBinary.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        var client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("fullchain.pem")))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        var started = new NginxSite(dir, httpsPort, httpPort, process, client);
        started.awaitAnswer();
        return started;
    }

    public String base() {
        return "https://localhost:" + httpsPort;
    }

    public String plainBase() {
        return "http://localhost:" + httpPort;
    }

    /** A client that trusts this site's certificate and does not follow redirects. */
    public HttpClient client() {
        return client;
    }

    /**
     * The same over HTTP/1.1: a connection per request in flight, as separate uploaders have them
     * (over one HTTP/2 connection, ClusterE2E's client got a GOAWAY when an instance died mid-upload).
     */
    public HttpClient http1Client() throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting(dir.resolve("fullchain.pem")))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    /** What logrotate's postrotate does: nginx reopens its log files (after they were renamed). */
    public void reopenLogs() throws Exception {
        Tools.run(List.of("/usr/sbin/nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-s", "reopen"));
    }

    public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void awaitAnswer() {
        Poll.until("nginx answers (see " + logs() + ")", Duration.ofSeconds(20), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited; see " + logs());
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create(base() + "/health/live")).build(), HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static SSLContext trusting(Path pem) throws Exception {
        var keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
        keyStore.load(null, null);
        try (var in = Files.newInputStream(pem)) {
            keyStore.setCertificateEntry("e2e", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
