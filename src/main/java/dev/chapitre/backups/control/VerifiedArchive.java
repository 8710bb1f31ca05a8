package dev.chapitre.backups.control;

import jakarta.json.JsonReaderFactory;
import dev.chapitre.backups.entity.Manifest;
import dev.chapitre.backups.entity.UnusableArchive;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An archive read through once and found whole: its manifest parses, every table entry has the
 * SHA-256 and row count the manifest gives, every row is a JSON object whose values fit their
 * columns (types, and no NULL where the column takes none), the media files it includes have their
 * size and SHA-256, and every table and column exists in the schema it is going into. Only then does
 * a restore write anything. Sizes are bounded as they are read, so a crafted archive is refused
 * rather than filling the memory.
 */
public final class VerifiedArchive implements AutoCloseable {

    /**
     * Made once: {@code Json.createReader} looks the JSON provider up through the service loader on
     * every call (it scans the class path), which was most of the CPU of reading a line.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** Far above any row this release writes (show notes are at most 100,000 characters). */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;
    static final int MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

    private final ZipFile zip;
    private final Manifest manifest;
    private final Map<String, Set<String>> retired = new HashMap<>();

    private VerifiedArchive(ZipFile zip, Manifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    public static VerifiedArchive of(Path file, Schema target, boolean forPostgreSql) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new UnusableArchive("It is not a zip archive, or it was cut short (" + e.getMessage() + "). Take the backup again.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            var archive = new VerifiedArchive(zip, Manifest.parse(manifestText(zip)));
            archive.check(target, forPostgreSql);
            return archive;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * Columns of a table that this release no longer has: accepted only when the archive holds no
     * value in them (nothing is lost by leaving them out), and then not written.
     */
    public Set<String> retiredColumns(String table) {
        return retired.getOrDefault(table, Set.of());
    }

    /** The rows of a table of the manifest, in the archive's order (which was checked). */
    public void rows(Manifest.TableEntry table, Consumer<JsonObject> each) {
        try (var lines = lines(zip.getInputStream(zip.getEntry(table.entry())))) {
            for (var line = readLine(lines, table.entry()); line.isPresent(); line = readLine(lines, table.entry())) {
                each.accept(parse(line.get(), table.entry()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A media file the archive includes. */
    public InputStream media(Manifest.MediaFile file) throws IOException {
        return zip.getInputStream(zip.getEntry(file.entry()));
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // only read from
        }
    }

    private static String manifestText(ZipFile zip) {
        var entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new UnusableArchive("It has no manifest.json: it was cut short, or it is not a Chapitre backup.");
        }
        if (entry.getSize() > MAX_MANIFEST_BYTES) {
            throw new UnusableArchive("Its manifest.json is larger than " + MAX_MANIFEST_BYTES + " bytes: not one this release wrote.");
        }
        try (var in = zip.getInputStream(entry)) {
            var bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new UnusableArchive("Its manifest.json is larger than " + MAX_MANIFEST_BYTES + " bytes: not one this release wrote.");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnusableArchive("Its manifest.json is not UTF-8.");
        } catch (IOException e) {
            throw new UnusableArchive("Its manifest.json cannot be read (" + e.getMessage() + ").");
        }
    }

    private void check(Schema target, boolean forPostgreSql) {
        for (var table : manifest.tables()) {
            var into = target.table(table.name()).orElseThrow(() -> new UnusableArchive("It holds the table " + table.name()
                    + ", which this release does not have: it was made by a newer release. Restore it with that release."));
            checkColumns(table, into);
            checkRows(table, into, forPostgreSql);
        }
        if (manifest.mediaIncluded()) {
            manifest.media().forEach(this::checkMedia);
        }
    }

    private void checkColumns(Manifest.TableEntry table, Table into) {
        var archived = new HashSet<String>();
        for (var column : table.columns()) {
            if (!archived.add(column.name())) {
                throw new UnusableArchive("Its manifest lists the column " + table.name() + "." + column.name() + " twice.");
            }
            var type = ColumnType.named(column.type()).orElseThrow(() -> new UnusableArchive(
                    "Its column " + table.name() + "." + column.name() + " has the unknown type " + column.type() + "."));
            var target = into.column(column.name());
            if (target.isEmpty()) {
                retired.computeIfAbsent(table.name(), t -> new HashSet<>()).add(column.name());
            } else if (target.get().type() != type) {
                throw new UnusableArchive("Its column " + table.name() + "." + column.name() + " holds " + column.type()
                        + ", but this release stores " + target.get().type().archiveName() + " there.");
            }
        }
        for (var column : into.columns()) {
            if (!archived.contains(column.name()) && !column.optional()) {
                throw new UnusableArchive("It has no column " + table.name() + "." + column.name() + ", which this release requires.");
            }
        }
    }

    private void checkRows(Manifest.TableEntry table, Table into, boolean forPostgreSql) {
        var entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw new UnusableArchive("It has no " + table.entry() + ", which its manifest lists: it is incomplete.");
        }
        var types = new HashMap<String, ColumnType>();
        table.columns().forEach(c -> types.put(c.name(), ColumnType.named(c.type()).orElseThrow()));
        var required = table.columns().stream().map(Manifest.ColumnEntry::name)
                .filter(name -> into.column(name).filter(c -> !c.nullable()).isPresent()).toList();
        var gone = retiredColumns(table.name());
        var digest = ArchiveWriter.sha256();
        long rows = 0;
        try (var lines = lines(new DigestInputStream(zip.getInputStream(entry), digest))) {
            for (var line = readLine(lines, table.entry()); line.isPresent(); line = readLine(lines, table.entry())) {
                rows++;
                var where = table.entry() + ", line " + rows;
                var row = parse(line.get(), where);
                for (var value : row.entrySet()) {
                    var type = types.get(value.getKey());
                    if (type == null) {
                        throw new UnusableArchive(where + ": the column " + value.getKey() + " is not in the manifest.");
                    }
                    var refusal = type.refusal(value.getValue(), forPostgreSql);
                    if (refusal.isPresent()) {
                        throw new UnusableArchive(where + ", column " + value.getKey() + ": " + refusal.get() + ".");
                    }
                    if (gone.contains(value.getKey()) && value.getValue().getValueType() != JsonValue.ValueType.NULL) {
                        throw new UnusableArchive(where + ": the column " + value.getKey() + " holds a value, but this release "
                                + "has no such column (it was made by a newer release, or one whose data this release no longer keeps).");
                    }
                }
                requireValues(row, required, where);
            }
        } catch (CharacterCodingException e) {
            throw new UnusableArchive(table.entry() + " is not UTF-8: the archive is corrupt.");
        } catch (IOException e) {
            throw new UnusableArchive(table.entry() + " cannot be read (" + e.getMessage() + "): the archive is corrupt.");
        }
        if (rows != table.rows()) {
            throw new UnusableArchive(table.entry() + " holds " + rows + " rows where the manifest says " + table.rows()
                    + ": the archive is incomplete or corrupt.");
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
            throw new UnusableArchive(table.entry() + " does not have the SHA-256 the manifest gives: the archive is corrupt.");
        }
    }

    private static void requireValues(JsonObject row, List<String> required, String where) {
        for (var column : required) {
            if (row.getOrDefault(column, JsonValue.NULL).getValueType() == JsonValue.ValueType.NULL) {
                throw new UnusableArchive(where + ": the column " + column + " has no value, and it needs one.");
            }
        }
    }

    private void checkMedia(Manifest.MediaFile file) {
        var entry = zip.getEntry(file.entry());
        if (entry == null) {
            throw new UnusableArchive("It has no " + file.entry() + ", which its manifest includes: it is incomplete.");
        }
        var digest = ArchiveWriter.sha256();
        long size = 0;
        try (var in = new DigestInputStream(zip.getInputStream(entry), digest)) {
            var buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0 && size <= file.size(); read = in.read(buffer)) {
                size += read; // stops once past the size the manifest gives
            }
        } catch (IOException e) {
            throw new UnusableArchive(file.entry() + " cannot be read (" + e.getMessage() + "): the archive is corrupt.");
        }
        if (size != file.size() || !HexFormat.of().formatHex(digest.digest()).equals(file.sha256())) {
            throw new UnusableArchive(file.entry() + " does not have the size and SHA-256 the manifest gives: the archive is corrupt.");
        }
    }

    private static BufferedReader lines(InputStream in) {
        var strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, strict));
    }

    /** The next line, without its end; refused past {@link #MAX_LINE_CHARS}. */
    private static Optional<String> readLine(BufferedReader lines, String entry) throws IOException {
        var line = new StringBuilder();
        for (int c = lines.read(); c >= 0; c = lines.read()) {
            if (c == '\n') {
                return Optional.of(line.toString());
            }
            if (line.length() == MAX_LINE_CHARS) {
                throw new UnusableArchive(entry + " has a line longer than " + MAX_LINE_CHARS + " characters: not one this release wrote.");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? Optional.empty() : Optional.of(line.toString());
    }

    private static JsonObject parse(String line, String where) {
        try (var reader = READERS.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnusableArchive(where + " is not a JSON object: the archive is corrupt.");
        }
    }
}
