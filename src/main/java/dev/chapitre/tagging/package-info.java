/**
 * Everything inside an MP3 file: reading its audio facts (and, later, its ID3 chapters) and writing
 * ID3v2 tags. The only package that imports jaudiotagger.
 */
package dev.chapitre.tagging;
