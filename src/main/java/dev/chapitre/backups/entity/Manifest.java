package dev.chapitre.backups.entity;

import dev.chapitre.media.control.MediaStorage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an archive holds ({@code manifest.json}, its last entry): which release and database made it,
 * each table's entry with its columns, row count and SHA-256, and every media file with its size
 * and SHA-256 (and whether the files themselves are in the archive). Written last, so an archive cut
 * short has none and is refused.
 */
public record Manifest(Instant createdAt, String database, String schemaVersion, List<TableEntry> tables, boolean mediaIncluded,
                       List<MediaFile> media) {

    public static final String FORMAT = "chapitre-backup";
    public static final int VERSION = 1;
    public static final String ENTRY = "manifest.json";
    public static final String MEDIA_FOLDER = "media/files/";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Manifest {
        tables = List.copyOf(tables);
        media = List.copyOf(media);
    }

    public record ColumnEntry(String name, String type) {
    }

    public record TableEntry(String name, String entry, List<ColumnEntry> columns, long rows, String sha256) {
        public TableEntry {
            columns = List.copyOf(columns);
        }
    }

    public record MediaFile(String key, long size, String sha256) {
        public String entry() {
            return MEDIA_FOLDER + key;
        }
    }

    public Optional<TableEntry> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public JsonObject toJson() {
        var tableArray = Json.createArrayBuilder();
        for (var table : tables) {
            var columns = Json.createArrayBuilder();
            table.columns().forEach(c -> columns.add(Json.createObjectBuilder().add("name", c.name()).add("type", c.type())));
            tableArray.add(Json.createObjectBuilder().add("name", table.name()).add("entry", table.entry()).add("columns", columns)
                    .add("rows", table.rows()).add("sha256", table.sha256()));
        }
        var files = Json.createArrayBuilder();
        media.forEach(f -> files.add(Json.createObjectBuilder().add("key", f.key()).add("size", f.size()).add("sha256", f.sha256())));
        return Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("version", VERSION)
                .add("createdAt", createdAt.toString())
                .add("database", database)
                .add("schemaVersion", schemaVersion)
                .add("tables", tableArray)
                .add("media", Json.createObjectBuilder().add("included", mediaIncluded).add("files", files))
                .build();
    }

    /** The manifest in {@code text}, or {@link UnusableArchive} saying what is wrong with it. */
    public static Manifest parse(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnusableArchive("Its manifest.json is not a JSON object (" + e.getMessage() + ").");
        }
        if (!FORMAT.equals(string(json, "format"))) {
            throw new UnusableArchive("Its manifest.json does not describe a Chapitre backup (format is not \"" + FORMAT + "\").");
        }
        int version;
        try {
            version = number(json, "version").intValueExact();
        } catch (ArithmeticException e) {
            throw new UnusableArchive("Its manifest.json has no valid format version.");
        }
        if (version != VERSION) {
            throw new UnusableArchive("It is a backup in format version " + version + "; this release reads version " + VERSION
                    + ". Restore it with the release that made it, or a newer one.");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(string(json, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new UnusableArchive("Its manifest.json has no valid createdAt.");
        }
        var tables = array(json, "tables").stream().map(Manifest::table).toList();
        var names = new HashSet<String>();
        tables.forEach(t -> {
            if (!names.add(t.name())) {
                throw new UnusableArchive("Its manifest.json lists the table " + t.name() + " twice.");
            }
        });
        var media = object(json, "media");
        var files = array(media, "files").stream().map(Manifest::mediaFile).toList();
        var keys = new HashSet<String>();
        files.forEach(f -> {
            if (!keys.add(f.key())) {
                throw new UnusableArchive("Its manifest.json lists the media file " + f.key() + " twice.");
            }
        });
        return new Manifest(createdAt, string(json, "database"), string(json, "schemaVersion"), tables, bool(media, "included"), files);
    }

    private static TableEntry table(JsonValue value) {
        var json = asObject(value, "a table");
        var name = string(json, "name");
        var columns = array(json, "columns").stream().map(c -> asObject(c, "a column of " + name))
                .map(c -> new ColumnEntry(string(c, "name"), string(c, "type"))).toList();
        long rows = number(json, "rows").longValue();
        var sha = string(json, "sha256");
        if (rows < 0 || !SHA256.matcher(sha).matches()) {
            throw new UnusableArchive("Its manifest.json has an invalid row count or SHA-256 for the table " + name + ".");
        }
        return new TableEntry(name, string(json, "entry"), columns, rows, sha);
    }

    private static MediaFile mediaFile(JsonValue value) {
        var json = asObject(value, "a media file");
        var key = string(json, "key");
        long size = number(json, "size").longValue();
        var sha = string(json, "sha256");
        if (!MediaStorage.KEY.matcher(key).matches() || size < 0 || !SHA256.matcher(sha).matches()) {
            throw new UnusableArchive("Its manifest.json has an invalid media file entry (" + key + ").");
        }
        return new MediaFile(key, size, sha);
    }

    private static JsonObject asObject(JsonValue value, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new UnusableArchive("Its manifest.json has " + what + " that is not a JSON object.");
    }

    private static JsonObject object(JsonObject json, String name) {
        return asObject(json.get(name) == null ? JsonValue.NULL : json.get(name), "\"" + name + "\"");
    }

    private static JsonArray array(JsonObject json, String name) {
        if (json.get(name) instanceof JsonArray array) {
            return array;
        }
        throw new UnusableArchive("Its manifest.json has no \"" + name + "\" list.");
    }

    private static String string(JsonObject json, String name) {
        if (json.get(name) instanceof JsonString text) {
            return text.getString();
        }
        throw new UnusableArchive("Its manifest.json has no \"" + name + "\" text.");
    }

    private static JsonNumber number(JsonObject json, String name) {
        if (json.get(name) instanceof JsonNumber number && number.isIntegral()) {
            return number;
        }
        throw new UnusableArchive("Its manifest.json has no whole number \"" + name + "\".");
    }

    private static boolean bool(JsonObject json, String name) {
        var value = json.get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new UnusableArchive("Its manifest.json has no true/false \"" + name + "\".");
    }
}
