/**
 * An episode's transcript: uploaded once in any format producers' tools export (WebVTT, SRT, the
 * Podcasting 2.0 JSON, timestamped text), checked cue by cue, stored as timed cues, and published in
 * every format apps read; read along on the episode page and beside the chapter editor.
 */
package dev.chapitre.transcripts;
