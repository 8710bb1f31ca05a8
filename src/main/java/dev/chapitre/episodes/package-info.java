/** Episodes of a show: metadata, show notes, credits, publication state, and their audio. */
package dev.chapitre.episodes;
