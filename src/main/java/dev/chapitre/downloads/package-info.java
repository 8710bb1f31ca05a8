/**
 * Listeners downloading episodes: the public {@code /media} addresses of published audio and
 * artwork, counting downloads by the IAB rules (one per listener and episode in any 24 hours,
 * bots and short partial requests left out), and the statistics producers read.
 */
package dev.chapitre.downloads;
