/**
 * Everything inside an MP3 file: its audio facts, the ID3 chapters it already carries, and the
 * ID3v2 tag (CHAP/CTOC) written after every committed change, by jobs serialised per episode and
 * resumed after a crash. The only package that imports jaudiotagger.
 */
package dev.chapitre.tagging;
