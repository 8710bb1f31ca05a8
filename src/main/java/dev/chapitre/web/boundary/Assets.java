package dev.chapitre.web.boundary;

import dev.chapitre.platform.control.Digests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stylesheets and scripts, served under names that carry a hash of their content
 * ({@code chapitre.3f2a9c0b1d.css}): a new version is a new URL, so browsers may keep each one
 * for a year.
 * <p>
 * The studio's ES modules import each other by relative path ({@code import … from './api.js'}),
 * which the browser resolves against the importing module's URL, so a hash in each file's own name
 * would need every import rewritten (and each hash to cover its imports'). Instead the folder
 * carries one hash of all the modules ({@code /static/studio.8c1e04a7b2/main.js}): the entry's URL
 * fixes the release, every sibling it imports comes from the same folder, and a release never mixes
 * with a module cached from another one, while each file is still cached for a year without a
 * revalidation request per module per page. Changing one module renames the folder (the whole set
 * is a few tens of KB, fetched again once per release).
 */
@ApplicationScoped
public class Assets {

    /** {@code modifiedMillis}: when this server loaded it, the only honest date it has. */
    public record Asset(String contentType, byte[] bytes, String etag, long modifiedMillis) {
    }

    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final Map<String, String> TYPES = Map.of("chapitre.css", "text/css; charset=utf-8",
            "chapitre.js", JAVASCRIPT,
            "transcript.js", JAVASCRIPT,
            "studio.css", "text/css; charset=utf-8",
            "embed.css", "text/css; charset=utf-8");

    /** The studio's modules: {@code main.js} and whatever it imports, found by following the imports. */
    private static final String MODULES = "studio";
    private static final String ENTRY = "main.js";
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("\\bfrom\\s*['\"]\\./([\\w-]+\\.js)['\"]");

    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final Map<String, Asset> byFingerprintedName = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        long loaded = System.currentTimeMillis() / 1000 * 1000;
        TYPES.forEach((name, type) -> {
            var bytes = read(name);
            var hash = hash(bytes);
            var dot = name.lastIndexOf('.');
            var fingerprinted = name.substring(0, dot) + "." + hash + name.substring(dot);
            urls.put(name, "/static/" + fingerprinted);
            byFingerprintedName.put(fingerprinted, new Asset(type, bytes, "\"" + hash + "\"", loaded));
        });
        var modules = modules();
        var release = modules.entrySet().stream()
                .flatMap(module -> Stream.of(module.getKey().getBytes(StandardCharsets.UTF_8), new byte[] {0}, module.getValue()))
                .toArray(byte[][]::new);
        var folder = MODULES + "." + HexFormat.of().formatHex(Digests.sha256(release), 0, 5);
        modules.forEach((name, bytes) ->
                byFingerprintedName.put(folder + "/" + name, new Asset(JAVASCRIPT, bytes, "\"" + hash(bytes) + "\"", loaded)));
        urls.put(MODULES + "/" + ENTRY, "/static/" + folder + "/" + ENTRY);
    }

    /** Every module reachable from the entry, by name; a missing one stops the start, not a page. */
    private static Map<String, byte[]> modules() {
        var found = new TreeMap<String, byte[]>();
        var next = new ArrayDeque<String>();
        next.add(ENTRY);
        while (!next.isEmpty()) {
            var name = next.poll();
            if (found.containsKey(name)) {
                continue;
            }
            var bytes = read(MODULES + "/" + name);
            found.put(name, bytes);
            RELATIVE_IMPORT.matcher(new String(bytes, StandardCharsets.UTF_8)).results().map(m -> m.group(1)).forEach(next::add);
        }
        return found;
    }

    private static byte[] read(String name) {
        try (var in = Assets.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing asset /web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(Digests.sha256(bytes), 0, 5);
    }

    public Map<String, String> urls() {
        return Map.copyOf(urls);
    }

    public Optional<Asset> byFingerprintedName(String name) {
        return Optional.ofNullable(byFingerprintedName.get(name));
    }
}
