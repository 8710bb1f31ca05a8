package dev.chapitre.media.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the bucket is: CHAPITRE_S3_BUCKET, CHAPITRE_S3_ENDPOINT (an S3-compatible server; AWS when
 * absent), CHAPITRE_S3_REGION, and the keys, given as CHAPITRE_S3_ACCESS_KEY/_SECRET_KEY or read
 * from CHAPITRE_S3_ACCESS_KEY_FILE/_SECRET_KEY_FILE (a secret kept out of the environment). Without
 * keys the SDK's default chain (instance roles, ~/.aws) is asked.
 */
public record S3Settings(String bucket, Optional<URI> endpoint, String region, Optional<String> accessKey, Optional<String> secretKey) {

    /** {@code setting} answers a configuration name, or empty. */
    public static Optional<S3Settings> from(Function<String, Optional<String>> setting) {
        var bucket = setting.apply("CHAPITRE_S3_BUCKET").filter(b -> !b.isBlank());
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        var endpoint = setting.apply("CHAPITRE_S3_ENDPOINT").filter(e -> !e.isBlank()).map(URI::create);
        var region = setting.apply("CHAPITRE_S3_REGION").filter(r -> !r.isBlank()).orElse("us-east-1");
        var access = secret(setting, "CHAPITRE_S3_ACCESS_KEY");
        var secret = secret(setting, "CHAPITRE_S3_SECRET_KEY");
        if (access.isPresent() != secret.isPresent()) {
            throw new IllegalStateException("Set both CHAPITRE_S3_ACCESS_KEY and CHAPITRE_S3_SECRET_KEY (or their _FILE forms), or neither.");
        }
        return Optional.of(new S3Settings(bucket.get().strip(), endpoint, region, access, secret));
    }

    private static Optional<String> secret(Function<String, Optional<String>> setting, String name) {
        var file = setting.apply(name + "_FILE").filter(f -> !f.isBlank());
        if (file.isPresent()) {
            try {
                return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + "_FILE (" + file.get() + ")", e);
            }
        }
        return setting.apply(name).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() { // never the keys in a log
        return "bucket " + bucket + " at " + endpoint.map(URI::toString).orElse("AWS") + " (" + region + ")";
    }
}
