package dev.chapitre.backups.control;

/**
 * A column as the database describes it. {@code optional}: it may be left out of an insert (it is
 * nullable or has a default), so an archive from before the migration that added it still restores.
 */
public record Column(String name, ColumnType type, int jdbcType, boolean optional, boolean identity) {
}
