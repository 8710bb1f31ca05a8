/**
 * What people see in a browser: the listener's pages (home, show and episode pages rendered on the
 * server, readable without JavaScript, and the rating form), the producer's studio, our error pages
 * for every status, and the static assets under fingerprinted names.
 */
package dev.chapitre.web;
