/**
 * Chapters as values: the model and its rules (one place, used by the API, the editor, imports and
 * the ID3 reader), and the chapter file formats (Podcasting 2.0 JSON, the mp4chaps/Podlove text
 * form, YouTube-style timestamps, Audacity labels). A leaf: the chapters of an episode are edited
 * through the episode ({@code episodes}), which owns them.
 */
package dev.chapitre.chapters;
