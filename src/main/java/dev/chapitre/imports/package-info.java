/**
 * Moving a show in from another host: its feed read (through {@code feeds}), previewed, then
 * imported in the background with every episode's audio, chapters from every source and credits,
 * and a report that proves what came over and says what needs the producer's attention.
 */
package dev.chapitre.imports;
