/**
 * What listeners see in a browser: the home page, show and episode pages (Jakarta Pages
 * rendered on the server, readable without JavaScript), the rating form, and the static assets
 * under fingerprinted names.
 */
package dev.chapitre.web;
