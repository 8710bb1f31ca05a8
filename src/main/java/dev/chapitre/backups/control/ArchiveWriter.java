package dev.chapitre.backups.control;

import dev.chapitre.backups.entity.Manifest;
import dev.chapitre.media.control.MediaStorage;
import jakarta.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * then {@code manifest.json}. The tables are read in one read-only transaction that sees one
 * snapshot of the whole database, so the archive is consistent while uploads, ratings and downloads
 * go on: REPEATABLE READ on PostgreSQL (its snapshot is taken at the first statement), SERIALIZABLE
 * on H2 (whose REPEATABLE READ takes each table's snapshot when the table is first read). The rows
 * go to files in the staging area first, so the snapshot and its connection are held for the time it
 * takes to read the database, not for the client's download. The media files are read after it.
 */
public final class ArchiveWriter {

    private static final int FETCH_SIZE = 1_000;
    private static final String SUMS = "media/SHA256SUMS";

    private final DataSource database;
    private final MediaStorage media;

    public ArchiveWriter(DataSource database, MediaStorage media) {
        this.database = database;
        this.media = media;
    }

    public void write(OutputStream out, Instant now, String schemaVersion, boolean withMedia) throws IOException, SQLException {
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        var dumped = new ArrayList<DumpedTable>();
        try {
            var product = dumpTables(dumped);
            var entries = new ArrayList<Manifest.TableEntry>();
            for (var table : dumped) {
                zip.putNextEntry(new ZipEntry(table.entry().entry()));
                Files.copy(table.file(), zip);
                zip.closeEntry();
                entries.add(table.entry());
            }
            zip.setLevel(Deflater.NO_COMPRESSION); // audio and images do not compress; deflating them only costs time
            var files = writeMedia(zip, withMedia);
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            var manifest = new Manifest(now, product, schemaVersion, entries, withMedia, files);
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(manifest.toJson().toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } finally {
            for (var table : dumped) {
                Files.deleteIfExists(table.file());
            }
        }
    }

    /** A table's rows in a staging file, and what the manifest says of them. */
    private record DumpedTable(Path file, Manifest.TableEntry entry) {
    }

    /** Every table into {@code dumped}, in one snapshot; answers the database's name and version. */
    private String dumpTables(List<DumpedTable> dumped) throws IOException, SQLException {
        try (var connection = database.getConnection()) {
            var before = new Settings(connection.getAutoCommit(), connection.isReadOnly(), connection.getTransactionIsolation());
            try {
                var meta = connection.getMetaData();
                boolean h2 = "H2".equals(meta.getDatabaseProductName());
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(h2 ? Connection.TRANSACTION_SERIALIZABLE : Connection.TRANSACTION_REPEATABLE_READ);
                int number = 0;
                for (var table : Schema.of(connection).tables()) {
                    var entry = "tables/%02d-%s.jsonl".formatted(++number, table.name());
                    var file = Files.createTempFile(media.stagingArea(), "backup-", ".jsonl");
                    dumped.add(new DumpedTable(file, dumpTable(connection, table, entry, file)));
                }
                connection.commit();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            } finally {
                before.restore(connection);
            }
        }
    }

    /**
     * What a pooled connection had before: the pool hands it to the next request as it is given
     * back (it resets no isolation level unless the pool names one), so all three are put back.
     */
    private record Settings(boolean autoCommit, boolean readOnly, int isolation) {

        void restore(Connection connection) {
            // each on its own: a connection that fails one is broken, and the pool's validation discards it
            quietly(connection::rollback);
            quietly(() -> connection.setTransactionIsolation(isolation));
            quietly(() -> connection.setReadOnly(readOnly));
            quietly(() -> connection.setAutoCommit(autoCommit));
        }

        private interface Step {
            void run() throws SQLException;
        }

        private static void quietly(Step step) {
            try {
                step.run();
            } catch (SQLException brokenConnection) {
                // the failure that broke it is the one reported
            }
        }
    }

    private static Manifest.TableEntry dumpTable(Connection connection, Table table, String entry, Path file)
            throws IOException, SQLException {
        var digest = sha256();
        long rows = 0;
        var columns = table.columns();
        var query = "SELECT " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM " + table.name()
                + " ORDER BY " + String.join(", ", table.orderBy());
        try (var lines = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(Files.newOutputStream(file), digest),
                StandardCharsets.UTF_8)); var statement = connection.createStatement()) {
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
        var described = columns.stream().map(c -> new Manifest.ColumnEntry(c.name(), c.type().archiveName())).toList();
        return new Manifest.TableEntry(table.name(), entry, described, rows, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * The media list, and the files themselves when asked. Without them, {@code media/SHA256SUMS}
     * is written as the files are hashed (reading them all can take minutes), so bytes keep flowing
     * to the client and proxies do not time out; with them, the files flow and the list follows.
     */
    private List<Manifest.MediaFile> writeMedia(ZipOutputStream zip, boolean withMedia) throws IOException {
        var files = new ArrayList<Manifest.MediaFile>();
        if (!withMedia) {
            zip.putNextEntry(new ZipEntry(SUMS));
        }
        for (var stored : media.stored()) {
            var key = stored.key();
            var digest = sha256();
            long size;
            try (InputStream in = media.read(key, 0, Long.MAX_VALUE)) {
                if (withMedia) {
                    zip.putNextEntry(new ZipEntry(Manifest.MEDIA_FOLDER + key));
                    size = in.transferTo(new DigestOutputStream(zip, digest));
                    zip.closeEntry();
                } else {
                    size = in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                }
            } catch (NoSuchFileException removedSinceListed) {
                continue; // a replaced version whose delayed removal came: the rows name its successor
            }
            var file = new Manifest.MediaFile(key, size, HexFormat.of().formatHex(digest.digest()));
            files.add(file);
            if (!withMedia) {
                zip.write(sumLine(file));
            }
        }
        if (withMedia) {
            zip.putNextEntry(new ZipEntry(SUMS));
            for (var file : files) {
                zip.write(sumLine(file));
            }
        }
        zip.closeEntry();
        return files;
    }

    /** A line in the form {@code sha256sum -c} checks, for the operator who copies the files by hand. */
    private static byte[] sumLine(Manifest.MediaFile file) {
        return (file.sha256() + "  " + file.key() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
