/**
 * The MP3 file itself: its audio facts, the ID3 chapters it already carries, and writing the ID3v2
 * tag (CHAP/CTOC) losslessly into a copy. A leaf that knows bytes, not shows or episodes; the only
 * package that imports jaudiotagger. When and for which episode a tag is written is
 * {@code retagging}'s business.
 */
package dev.chapitre.tagging;
