/**
 * Where audio and images live (the file system now, object storage later), how uploads are
 * streamed into it and how files are published only when the transaction that records them commits.
 */
package dev.chapitre.media;
