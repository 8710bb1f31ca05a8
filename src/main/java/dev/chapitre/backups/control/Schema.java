package dev.chapitre.backups.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of the platform as the connected database describes them (JDBC metadata), parents
 * before the tables that refer to them. Read, not listed by hand: the migrations are the schema's one
 * source of truth, and what they add is backed up without a change here. Names are lower case in the
 * archive and unquoted in SQL, which both databases fold to their own case. Flyway's history is not
 * content: the restoring installation has its own.
 */
public final class Schema {

    private static final String MIGRATION_HISTORY = "flyway_schema_history";
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

    private final List<Table> tables;

    private Schema(List<Table> tables) {
        this.tables = List.copyOf(tables);
    }

    public static Schema of(Connection connection) throws SQLException {
        var meta = connection.getMetaData();
        var schema = connection.getSchema();
        var stored = new TreeMap<String, String>(); // archive name -> the database's own spelling
        try (var rows = meta.getTables(null, pattern(meta, schema), "%", null)) {
            while (rows.next()) {
                var name = rows.getString("TABLE_NAME");
                if (TABLE_TYPES.contains(rows.getString("TABLE_TYPE")) && !MIGRATION_HISTORY.equalsIgnoreCase(name)) {
                    stored.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        var described = new LinkedHashMap<String, Table>();
        for (var table : stored.entrySet()) {
            described.put(table.getKey(), describe(meta, schema, table.getKey(), table.getValue()));
        }
        return new Schema(parentsFirst(described));
    }

    /** Parents before children; among tables that are ready together, by name, so the order is stable. */
    private static List<Table> parentsFirst(Map<String, Table> tables) {
        var ordered = new ArrayList<Table>();
        var placed = new HashSet<String>();
        while (ordered.size() < tables.size()) {
            var ready = tables.values().stream()
                    .filter(t -> !placed.contains(t.name()))
                    .filter(t -> t.parents().stream().allMatch(p -> placed.contains(p) || p.equals(t.name()) || !tables.containsKey(p)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the foreign keys between " + tables.keySet() + " form a cycle"));
            ordered.add(ready);
            placed.add(ready.name());
        }
        return ordered;
    }

    private static Table describe(DatabaseMetaData meta, String schema, String name, String spelled) throws SQLException {
        var columns = new ArrayList<Column>();
        try (var rows = meta.getColumns(null, pattern(meta, schema), pattern(meta, spelled), "%")) {
            var byPosition = new TreeMap<Integer, Column>();
            while (rows.next()) {
                var column = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int code = rows.getInt("DATA_TYPE");
                var type = ColumnType.ofJdbc(code).orElseThrow(() -> new IllegalStateException(
                        "column " + name + "." + column + " has a type backups do not know (" + code + "): teach ColumnType"));
                boolean nullable = rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                boolean identity = "YES".equals(rows.getString("IS_AUTOINCREMENT"));
                boolean optional = nullable || identity || rows.getString("COLUMN_DEF") != null;
                byPosition.put(rows.getInt("ORDINAL_POSITION"), new Column(column, type, code, nullable, optional, identity));
            }
            columns.addAll(byPosition.values());
        }
        var key = new TreeMap<Short, String>();
        try (var rows = meta.getPrimaryKeys(null, schema, spelled)) {
            while (rows.next()) {
                key.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        var parents = new TreeSet<String>();
        try (var rows = meta.getImportedKeys(null, schema, spelled)) {
            while (rows.next()) {
                parents.add(rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        var orderBy = key.isEmpty() ? columns.stream().map(Column::name).toList() : List.copyOf(key.values());
        return new Table(name, columns, orderBy, parents);
    }

    /** A name as a metadata search pattern: the "_" of "api_token" would match any character. */
    private static String pattern(DatabaseMetaData meta, String name) throws SQLException {
        var escape = meta.getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** Parents first. */
    public List<Table> tables() {
        return tables;
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
