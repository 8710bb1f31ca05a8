/**
 * What podcast apps subscribe to: the RSS feed of a show (Rome, with the iTunes, Podcasting 2.0
 * and Podlove Simple Chapters namespaces) and the JSON chapters of its episodes, built once per
 * change and served from memory. The only package that imports Rome.
 */
package dev.chapitre.feeds;
