/**
 * Episodes of a show: metadata, show notes, credits, publication state, their audio, and their
 * chapters (edited here with the rules and formats of {@code chapters}); and what the public may
 * see of shows and episodes ({@code PublicCatalog}), which pages, feeds, media and ratings ask.
 */
package dev.chapitre.episodes;
