/**
 * Chapters: the model and its rules (one place, used by the API, the editor and the ID3 reader),
 * and the chapter file formats (Podcasting 2.0 JSON, the mp4chaps/Podlove text form, YouTube-style
 * timestamps, Audacity labels) for import and export.
 */
package dev.chapitre.chapters;
