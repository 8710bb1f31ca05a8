/**
 * Where audio and images live and how their bytes leave: storage (the file system now, object
 * storage later) with one key per file version, streamed uploads, files published with the
 * transaction that records them and reconciled with the rows after a crash, and byte delivery
 * with ranges. A leaf: what a file is for is its users' business.
 */
package dev.chapitre.media;
