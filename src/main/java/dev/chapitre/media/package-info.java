/**
 * Where audio and images live and how their bytes reach listeners: storage (the file system now,
 * object storage later) with one key per file version, streamed uploads, files published with the
 * transaction that records them and reconciled with the rows after a crash, the public
 * {@code /media} delivery with ranges, and download counting (IAB rules) with its statistics.
 */
package dev.chapitre.media;
