package dev.chapitre.backups.control;

/**
 * A column as the database describes it. {@code nullable}: it takes NULL; {@code optional}: it may
 * be left out of an insert (nullable, a default or an identity), so an archive from before the
 * migration that added it still restores.
 */
public record Column(String name, ColumnType type, int jdbcType, boolean nullable, boolean optional, boolean identity) {
}
