package dev.chapitre.backups.control;

import dev.chapitre.backups.entity.Manifest;
import dev.chapitre.media.control.MediaStorage;
import jakarta.json.Json;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes a backup: every table as {@code tables/NN-name.jsonl} (one JSON object per row, rows in key
 * order), then {@code media/SHA256SUMS} (and the media files under {@code media/files/} when asked),
 * then {@code manifest.json}. The tables are read in one read-only REPEATABLE READ transaction: both
 * databases answer every query of it from the snapshot of its first, so the archive is consistent
 * while uploads, ratings and downloads go on. The media files are read after it: a file that changes
 * meanwhile is listed as it is when read.
 */
public final class ArchiveWriter {

    private static final int FETCH_SIZE = 1_000;

    private final DataSource database;
    private final MediaStorage media;

    public ArchiveWriter(DataSource database, MediaStorage media) {
        this.database = database;
        this.media = media;
    }

    public void write(OutputStream out, Instant now, String schemaVersion, boolean withMedia) throws IOException, SQLException {
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        var snapshot = writeTables(zip);
        zip.setLevel(Deflater.NO_COMPRESSION); // audio and images do not compress; deflating them only costs time
        var files = writeMedia(zip, withMedia);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        var manifest = new Manifest(now, snapshot.database(), schemaVersion, snapshot.tables(), withMedia, files);
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(manifest.toJson().toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private record Snapshot(String database, List<Manifest.TableEntry> tables) {
    }

    private Snapshot writeTables(ZipOutputStream zip) throws IOException, SQLException {
        try (var connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            boolean readOnly = connection.isReadOnly();
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                var meta = connection.getMetaData();
                var product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                var entries = new ArrayList<Manifest.TableEntry>();
                int number = 0;
                for (var table : Schema.of(connection).tables()) {
                    entries.add(writeTable(zip, connection, table, "tables/%02d-%s.jsonl".formatted(++number, table.name())));
                }
                connection.commit();
                return new Snapshot(product, entries);
            } finally {
                release(connection, autoCommit, readOnly);
            }
        }
    }

    /** The pool resets the isolation level of a connection given back, but not these; a broken one it discards. */
    private static void release(Connection connection, boolean autoCommit, boolean readOnly) {
        try {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setAutoCommit(autoCommit);
        } catch (SQLException brokenConnection) {
            // nothing to give back: the failure that broke it is the one reported
        }
    }

    private static Manifest.TableEntry writeTable(ZipOutputStream zip, Connection connection, Table table, String entry)
            throws IOException, SQLException {
        zip.putNextEntry(new ZipEntry(entry));
        var digest = sha256();
        var lines = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(new KeepOpen(zip), digest), StandardCharsets.UTF_8));
        long rows = 0;
        var columns = table.columns();
        var query = "SELECT " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM " + table.name()
                + " ORDER BY " + String.join(", ", table.orderBy());
        try (var statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (var result = statement.executeQuery(query)) {
                while (result.next()) {
                    var row = Json.createObjectBuilder();
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(columns.get(i).name(), columns.get(i).type().read(result, i + 1));
                    }
                    lines.write(row.build().toString());
                    lines.write('\n');
                    rows++;
                }
            }
        }
        lines.flush();
        zip.closeEntry();
        var described = columns.stream().map(c -> new Manifest.ColumnEntry(c.name(), c.type().archiveName())).toList();
        return new Manifest.TableEntry(table.name(), entry, described, rows, HexFormat.of().formatHex(digest.digest()));
    }

    private List<Manifest.MediaFile> writeMedia(ZipOutputStream zip, boolean withMedia) throws IOException {
        var files = new ArrayList<Manifest.MediaFile>();
        for (var stored : media.stored()) {
            var key = stored.key();
            var digest = sha256();
            long size;
            try (InputStream in = Files.newInputStream(media.localPath(key))) {
                if (withMedia) {
                    zip.putNextEntry(new ZipEntry(Manifest.MEDIA_FOLDER + key));
                    size = in.transferTo(new DigestOutputStream(new KeepOpen(zip), digest));
                    zip.closeEntry();
                } else {
                    size = in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                }
            } catch (NoSuchFileException deletedMeanwhile) {
                continue;
            }
            files.add(new Manifest.MediaFile(key, size, HexFormat.of().formatHex(digest.digest())));
        }
        // The same list in the form `sha256sum -c` checks, for the operator who copies the files by hand.
        zip.putNextEntry(new ZipEntry("media/SHA256SUMS"));
        var sums = files.stream().map(f -> f.sha256() + "  " + f.key() + "\n").collect(Collectors.joining());
        zip.write(sums.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        return files;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Lets an entry's writer be flushed without closing the archive under it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
