/**
 * Producers and how they prove who they are: PBKDF2 passwords, API tokens, the identity store and
 * the HTTP authentication mechanism (Basic and Bearer on the API).
 */
package dev.chapitre.security;
