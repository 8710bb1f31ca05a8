package dev.chapitre.platform.entity;

/**
 * The database's content was replaced as a whole (a backup was restored): whoever keeps rows in
 * memory (secrets, the downloads of the last 24 hours) reads them again.
 */
public record DatabaseRestored() {
}
