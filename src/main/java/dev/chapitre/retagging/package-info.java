/**
 * Keeping each published MP3's ID3 tag true to the catalogue: after every committed change of a
 * show or an episode, a job (serialised per episode, resumed after a crash) writes a new tagged
 * version of the audio with {@code tagging} and switches the episode to it.
 */
package dev.chapitre.retagging;
