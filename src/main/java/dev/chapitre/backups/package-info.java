/**
 * Backups and restores of a whole installation: every table as JSON lines in one zip, read in one
 * consistent snapshot while the platform runs, with a manifest of the media files (sizes and
 * SHA-256, and the files themselves on request); and the restore of such an archive into an empty
 * installation, on H2 or on PostgreSQL, which is also how an installation moves from one to the
 * other. The tables are read from the database's own description (JDBC metadata), so a migration
 * that adds a table or a column needs no change here. Format: docs/operations.md, "Backups".
 */
package dev.chapitre.backups;
