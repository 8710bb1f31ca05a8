/** Shows: their descriptive fields (what directories and apps display), artwork and ownership. */
package dev.chapitre.podcasts;
