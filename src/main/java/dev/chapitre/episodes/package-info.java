/**
 * Episodes of a show: metadata, show notes, credits, publication state, their audio, and their
 * chapters (edited here with the rules and formats of {@code chapters}).
 */
package dev.chapitre.episodes;
