package dev.chapitre.media.control;

/**
 * A stored version the database stopped naming (replaced audio or artwork, a re-tag's previous key),
 * fired in the transaction that retired it: lookups that remember the key forget it after the commit.
 */
public record MediaRetired(String key) {
}
