/**
 * The published tree: the exact bytes of every public document at its public path (feeds and their
 * gzipped copies, chapter files, the MP3 of each public episode as a hard link to the stored file,
 * artwork), kept under CHAPITRE_PUBLISHED_DIR so that nginx or a CDN serves them at its own speed
 * and the application stays off the listener's path. Written after each commit that changes a
 * show, when a scheduled episode comes due, and reconciled with the database at start. See
 * docs/architecture.md, "The published tree".
 */
package dev.chapitre.publishing;
