package dev.chapitre.web.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stylesheet and script, served under names that carry a hash of their content
 * ({@code chapitre.3f2a9c0b1d.css}): a new version is a new URL, so browsers may keep each one
 * for a year.
 */
@ApplicationScoped
public class Assets {

    /** {@code modifiedMillis}: when this server loaded it, the only honest date it has. */
    public record Asset(String contentType, byte[] bytes, String etag, long modifiedMillis) {
    }

    private static final Map<String, String> TYPES = Map.of("chapitre.css", "text/css; charset=utf-8",
            "chapitre.js", "text/javascript; charset=utf-8",
            "studio.css", "text/css; charset=utf-8",
            "studio.js", "text/javascript; charset=utf-8");

    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final Map<String, Asset> byFingerprintedName = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        long loaded = System.currentTimeMillis() / 1000 * 1000;
        TYPES.forEach((name, type) -> {
            try (var in = Assets.class.getResourceAsStream("/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing asset /web/" + name);
                }
                var bytes = in.readAllBytes();
                var hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
                var dot = name.lastIndexOf('.');
                var fingerprinted = name.substring(0, dot) + "." + hash + name.substring(dot);
                urls.put(name, "/static/" + fingerprinted);
                byFingerprintedName.put(fingerprinted, new Asset(type, bytes, "\"" + hash + "\"", loaded));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public Map<String, String> urls() {
        return Map.copyOf(urls);
    }

    public Optional<Asset> byFingerprintedName(String name) {
        return Optional.ofNullable(byFingerprintedName.get(name));
    }
}
