/**
 * What the chapter editor knows of an episode's audio: its waveform's peaks and its pauses, computed
 * on the server once per audio version, and what follows from them and the chapters: chapter starts
 * suggested at the longest pauses, and the checks each listening app's rules call for.
 */
package dev.chapitre.waveforms;
