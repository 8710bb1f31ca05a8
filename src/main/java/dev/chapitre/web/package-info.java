/**
 * What people see in a browser: the listener's pages (home, show and episode pages rendered on the
 * server, readable without JavaScript, with the rating form that ratings judges), the producer's
 * studio (its sign-in form is security's), our error pages for every status, and the static assets
 * under fingerprinted names.
 */
package dev.chapitre.web;
