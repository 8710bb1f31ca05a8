package dev.chapitre.platform.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference lists kept as data files rather than code: a heading per line, its items indented
 * below it, {@code #} for comments.
 */
public final class OutlineFile {

    private OutlineFile() {
    }

    /** Headings in file order, each with its items in file order. */
    public static Map<String, List<String>> read(String resource) {
        var outline = new LinkedHashMap<String, List<String>>();
        var stream = OutlineFile.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing data file " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> items = null;
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (Character.isWhitespace(line.charAt(0))) {
                    if (items == null) {
                        throw new IllegalStateException(resource + ": an item before any heading: " + line);
                    }
                    items.add(line.strip());
                } else {
                    items = new ArrayList<>();
                    outline.put(line.strip(), items);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outline.replaceAll((heading, list) -> Collections.unmodifiableList(list));
        return Collections.unmodifiableMap(outline);
    }
}
